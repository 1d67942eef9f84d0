## Tax id (CPF/CNPJ)
taxid-empty = Enter the CPF or the CNPJ.
taxid-length = A CPF has 11 digits and a CNPJ 14 characters; { $length } were given.
taxid-character = The character “{ $character }” cannot appear in a CPF or CNPJ.
taxid-repeated = Invalid { $kind }: all digits are the same.
taxid-check-digits = Invalid { $kind }: the check digits do not match.
taxid-not-cpf = Enter a CPF (11 digits).
taxid-not-cnpj = Enter a CNPJ (14 characters).

## Calendar
holiday-empty = Enter at least one holiday date.
holiday-bad-entry = Invalid holiday “{ $entry }”: use DD/MM Name (every year) or DD/MM/YYYY Name (once).
holiday-bad-date = The date “{ $date }” does not exist.
holiday-no-name = Give the holiday on { $date } a name.

## Money and percentages
money-empty = Enter an amount.
money-character = The character “{ $character }” does not belong in an amount: use something like 1.234,56.
money-malformed = Badly written amount: use something like 1.234,56.
money-decimals = Use at most two digits of centavos after the comma.
money-decimal-point = Use a comma for the centavos (1.234,56); the dot only separates thousands.
money-too-large = Amount too large.
rate-empty = Enter a percentage.
rate-negative = The percentage cannot be negative.
rate-malformed = Badly written percentage “{ $text }”: use something like 2 or 1,5.
rate-decimals = Use at most two decimal places in the percentage.

## Charges
policy-fine-cap = A fine of { $given } is refused: the Consumer Code (CDC art. 52 §1) caps the late fine at { $cap }.
policy-interest-cap = Interest of { $given } a month is refused: for a store the law caps late interest at { $cap } a month, simple (Usury Law, arts. 1 and 5).

## Installments and payments
status-open = Open
status-partially-paid = Partially paid
status-paid = Paid
status-renegotiated = Renegotiated
status-written-off = Written off
status-prescribed = Prescribed
method-cash = Cash
method-pix = Pix
method-card = Card
method-boleto = Boleto
method-transfer = Transfer
payment-not-positive = The payment must be greater than zero.
payment-nothing-owed = This customer has no open installments.
payment-more-than-owed = The amount is more than the total owed today ({ $owed }). Take at most that and give change.
payment-method-unknown = Unknown payment method “{ $method }”: use cash, pix, card, boleto or transfer.
payment-in-future = The payment date ({ $date }) is after today.
payment-too-large = Amount above the { $max } limit for a single entry.

## Overdue bands
band-none = Define at least one overdue band.
band-empty-label = Band { $position } needs a name.
band-bad-color = Invalid colour “{ $color }”: use #RRGGBB.
band-inverted = The band “{ $label }” ends before it starts.
band-gap = The bands “{ $before }” and “{ $after }” must be contiguous, with no gap or overlap.
band-open-not-last = Only the last band may be open-ended (“{ $label }”).

## Customer
field-required = Required.
field-phone = Invalid phone “{ $value }”: use area code and number, like (11) 98765-4321.
field-email = Invalid e-mail “{ $value }”.
field-state = No such state “{ $value }”.
field-postal-code = Invalid CEP “{ $value }”: 8 digits, like 01310-100.
field-too-long = Use at most { $max } characters.
customer-name = Name
customer-tax-id = CPF/CNPJ
customer-phone = Phone
customer-email = E-mail
customer-street = Address
customer-city = City
customer-state = State
customer-postal-code = CEP

## Settings
config-unknown-key = Unknown setting “{ $key }”. Known: { $known }.
config-not-number = “{ $value }” is not a whole number of days.
config-bad-json = Badly written list of bands (JSON): { $detail }

## Credit sale
sale-total-not-positive = The sale amount must be greater than zero.
sale-total-too-large = Sale amount above the { $max } limit.
sale-negative-down-payment = The down payment cannot be negative.
sale-down-payment-covers-total = The down payment covers the whole amount: record it as a cash sale.
sale-installment-count = Number of installments ({ $count }) out of range: 1 to { $max }.
sale-first-due-before-sale = The first due date cannot be before the sale date.
sale-rate-too-high = Financing rate above 10 % a month: check the value.

## General errors
error-database = Database error: { $detail }
error-busy = The database is in use by another Régua program. Close it and try again.
error-disk-full = The disk is full: nothing was saved. Free some space and try again.
error-read-only = No permission to write to { $path }: nothing was saved.
error-read-only-database = The database is write-protected: nothing was saved.
error-not-a-database = { $path } is not a Régua database.
error-newer-schema = This database was written by a newer version of Régua (schema { $found }; this version knows up to { $known }). Update Régua to open it.
error-corrupt = The database is damaged: { $detail }
error-io = Could not use { $path }: { $detail }
error-no-data-folder = Could not find the user's data folder; use --db PATH.
error-bad-date = Invalid date “{ $text }”: use YYYY-MM-DD, like 2026-11-22.
error-customer-not-found = No customer found for “{ $query }”.
error-customer-ambiguous = { $count } customers found for “{ $query }”; use the id or the CPF/CNPJ:
    { $matches }
error-duplicate-tax-id = There is already a customer with CPF/CNPJ { $tax_id }.
error-not-empty = This database already has data; the demo store is only created in an empty database. Use --db to name another file.

## Command line
cli-about = Régua: the store's credit sales, overdue accounts and collection, with no internet needed.
cli-usage = Usage:
cli-commands = Commands
cli-options = Options
cli-arguments = Arguments
cli-arg-help = Show this help
cli-arg-version = Show the version
cli-arg-db = Database file (default: the one in the user's data folder)
cli-arg-today = Reference date YYYY-MM-DD instead of the clock's
cli-arg-json = Print JSON
cli-demo-about = Create the demo store in an empty database
cli-arg-customers = How many customers to create (default 300)
cli-arg-seed = Seed (default 1): the same seed creates the same store
cli-board-about = Delinquency board: customers and updated amounts per overdue band
cli-customer-about = Customers
cli-customer-show-about = Show a customer and their open installments with today's fine and interest
cli-customer-find-about = Find customers by name, CPF/CNPJ or phone
cli-arg-query = Customer id, CPF/CNPJ or name
cli-pay-about = Record a payment and show where it was applied
cli-arg-amount = Amount received, like 150,00
cli-arg-method = Payment method: cash (default), pix, card, boleto or transfer
cli-arg-date = Payment date YYYY-MM-DD (default: today)
cli-config-about = Store settings
cli-config-get-about = Show one setting
cli-config-set-about = Change a setting, checking the value
cli-config-list-about = List every setting
cli-arg-key = Setting name, like store.cnpj or charges.fine
cli-arg-value = New value
cli-backup-about = Write a copy of the database
cli-arg-out = Copy file
cli-restore-about = Restore a copy, keeping the current database
cli-arg-file = Copy file to restore
cli-error = Error: { $message }
cli-see-help = Use “regua --help” to see the commands.
cli-unknown-argument = unknown option: { $argument }
cli-unknown-command = unknown command: { $command }
cli-missing-argument = missing { $argument }
cli-invalid-value = invalid value “{ $value }” for { $argument }
cli-malformed = malformed command
cli-backup-warning = Warning: the daily backup failed: { $message }
cli-demo-customers-range = The demo's number of customers goes from 1 to 1,000,000.
cli-backup-same-file = The copy must go to another file, not the database itself.

## Output
board-title = Delinquency board on { $date }
board-band = Band
board-customers = Customers
board-installments = Installments
board-principal = Principal
board-fine = Fine
board-interest = Interest
board-total = Total
board-grand-total = Grand total
statement-band = Band
statement-disputed = Debt disputed: collection suspended
statement-over-indebted = In an over-indebtedness procedure: collection suspended
statement-do-not-contact = Asked not to be contacted
statement-nothing-open = No open installments.
statement-open-title = Open installments, values as of { $date }:
statement-installment = Installment
statement-sale = Purchase
statement-due = Due date
statement-days = Days late
statement-total = Total owed: { $total } (principal { $principal } + fine { $fine } + interest { $interest })
statement-payments-title = Latest payments:
find-nothing = No customer found.
find-id = Id
pay-recorded = Payment no. { $id } of { $amount } recorded for { $name } ({ $method }, { $date }). Applied as follows:
pay-discount = Discount
pay-status = Status
demo-created = Demo store created in { $path }: { $customers } customers, { $sales } sales, { $installments } installments, { $payments } payments.
backup-done = Copy written to { $path }.
restore-done = Database restored from { $source }. The previous database was kept at { $kept }.
