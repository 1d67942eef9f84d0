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
demo-created = Demo store created in { $path }: { $customers } customers, { $sales } sales, { $installments } installments, { $payments } payments, { $boletos } boletos (Banco do Brasil, with a Pix key).
backup-done = Copy written to { $path }.
restore-done = Database restored from { $source }. The previous database was kept at { $kept }.

## App: general
cli-app-failed = Could not open Régua's window: { $detail }
nav-board = Board
nav-customers = Customers
nav-day-end = Day-end
nav-settings = Settings
ui-privacy-on = Privacy mode: names and amounts hidden (F8 to show).
ui-privacy-on-button = Privacy
ui-privacy-off-button = Show data
ui-bad-date = Invalid date “{ $text }”: use DD/MM/YYYY.
ui-worker-failed = The background work was interrupted; try again.
form-has-errors = Fix the fields marked in red.
action-save = Save
action-cancel = Cancel (Esc)
action-edit = Edit

## Welcome
welcome-title = Welcome to Régua
welcome-intro = To start, fill in the store's data: it appears on every collection document (CDC art. 42-A). Or open the demo store to get to know the program.
welcome-store-title = Store data
welcome-save = Save and start
welcome-saved = Store saved. Now register the customers.
welcome-demo-title = Demo store
welcome-demo-explain = Creates { $count } fictitious customers with sales, payments and arrears, to try every screen.
welcome-demo = Open the demo
welcome-demo-creating = Creating the demo…
welcome-demo-ready = Demo store ready.
welcome-failed = Could not open the database
store-legal-name = Legal name
store-trade-name = Trade name
store-cnpj = CNPJ

## Customers
customers-search-placeholder = Name, CPF/CNPJ or phone
customers-hint = Type part of the name (accents optional), the CPF/CNPJ or the phone. Arrows choose, Enter opens.
customers-none = No customer found for “{ $query }”.
customers-more = Showing the first 50; keep typing to narrow down.
customers-new = New customer
customer-new-title = New customer
customer-edit-title = Edit customer
customer-second-phone = Other phone
customer-number = Number
customer-complement = Complement
customer-district = District
customer-notes = Notes
customer-saved = Customer saved.
consent-collection = Accepts collection by
consent-marketing = Accepts offers by
channel-email = E-mail
channel-whatsapp = WhatsApp
channel-sms = SMS
stops-title = Suspend collection
stop-disputed = Debt disputed
stop-over-indebted = Over-indebtedness
stop-do-not-contact = Do not contact
customer-receive-payment = Receive payment
customer-new-sale = New sale
customer-total-due = Total owed today
customer-payments = Payments
customer-no-payments = No payments yet.
customer-promises = Promises to pay
customer-contacts = Contacts
customer-no-contacts = No contact recorded.
band-not-yet = not yet due
promise-date = Will pay on
promise-amount = Amount
promise-note = Note
promise-record = Record promise
promise-recorded = Promise recorded.
contact-note-placeholder = What was said
contact-record = Record contact
contact-recorded = Contact recorded.

## Sale and payment
sale-title = New credit sale
sale-description = Product or description
sale-default-description = Credit sale
sale-total = Sale amount
sale-down-payment = Down payment
sale-down-payment-method = Down payment method
sale-installments = Installments
sale-first-due = First due date
sale-enter-total = Enter the sale amount.
sale-bad-count = Invalid number of installments “{ $text }”.
sale-split-title = Installments
sale-amount = Amount
sale-split-check = Installments { $sum } + down payment { $down } = { $total }
sale-confirm = Confirm sale
sale-recorded = Sale of { $total } recorded in { $count } installments.
payment-title = Receive payment
payment-amount = Amount received
payment-method = Payment method
payment-owed-today = Owed today
payment-allocation-title = Where the payment goes (oldest installment first; charges before principal)
payment-balance-after = Balance after this payment: { $balance }
payment-confirm = Confirm payment
payment-recorded = Payment of { $amount } recorded (no. { $id }).
payment-down-payment = down payment

## Board
board-screen-title = Delinquency board
board-as-of = As of
board-today = Today
board-loading = Calculating…
board-breakdown = { $installments } installments: principal { $principal }, fine { $fine }, interest { $interest }
board-sort-amount = Largest amount
board-sort-days = Most days late
board-filter-placeholder = Search this band (name or CPF)
board-band-count = { $count } customers
board-more = Showing { $shown } of { $count }; use the search to find the rest.

## Day-end
day-end-title = Day-end
day-end-date = Day
day-end-export = Export CSV
day-end-exported = Spreadsheet written to { $path }.
day-end-by-method = Received by payment method
day-end-by-clerk = Received by clerk
day-end-received = Total received
day-end-no-payments = Nothing received on this day.
day-end-worsened = Customers who moved to a worse band
day-end-promises = Promises due tomorrow
day-end-none = None.
day-end-board = The day's board

## Settings
settings-store = Store data
settings-charges = Late fine and interest
settings-fine = Fine (%)
settings-interest = Interest a month (%)
settings-charges-law = The law caps the fine at 2 % (CDC art. 52 §1) and late interest at 1 % a month, simple. Higher values are refused.
settings-bands = Overdue bands
settings-band-label = Name
settings-band-color = Colour
settings-band-from = From (days)
settings-band-to = To (days)
settings-band-days = Band “{ $label }”: the days must be whole numbers.
settings-bands-explain = Negative days are installments not yet due. The last band may be open-ended. Bands must be contiguous.
settings-prescribed-rule = over 5 years (law)
settings-holidays = State and city holidays
settings-holidays-placeholder = 25/01 City anniversary; 09/07 Constitutionalist Revolution
settings-holidays-explain = Separate with semicolons. DD/MM applies every year; DD/MM/YYYY once. National holidays are already included.
settings-language = Language
settings-language-changed = Language changed.
settings-saved = Settings saved.

## Promises, contacts and day-end
promise-status-pending = Pending
promise-status-kept = Kept
promise-status-broken = Broken
promise-not-positive = The promised amount must be greater than zero.
promise-more-than-owed = The promised amount is more than the total owed today ({ $owed }).
promise-in-the-past = The promise's date cannot be before today.
promise-too-far = A promise may be at most { $days } days from today.
promise-note-too-long = Use at most { $max } characters in the note.
contact-channel-phone = Phone
contact-channel-letter = Letter
contact-channel-in-person = In person
contact-note-required = Write what was said.
contact-note-too-long = Use at most { $max } characters.
dayend-csv-title = Day-end
dayend-csv-count = Count
dayend-csv-clerk = Clerk
dayend-csv-from = Previous band
dayend-csv-to = Current band

## Boleto and Pix
boleto-length = A boleto has 44 digits in the barcode or 47 in the digitable line; { $length } were given.
boleto-general-check-digit = Invalid barcode: the general check digit (5th of the barcode, 33rd of the line) is { $found } but the other digits call for { $expected }; check the code.
boleto-field-check-digit = Invalid digitable line: the check digit of field { $field } (digit { $position } of the line) is { $found } but that field's numbers call for { $expected }; check that field.
boleto-factor = Invalid due-date factor { $factor }.
boleto-due-date-too-early = A due date before 03/07/2000 does not fit the due-date factor.
boleto-bank = Invalid bank code “{ $bank }”: 3 digits.
boleto-campo-livre = The bank's free field must have 25 digits.
boleto-value = Value beyond what a boleto holds (up to R$ 99.999.999,99).
pix-not-br-code = This is not a Pix code (BR Code): it starts with 000201.
pix-malformed = Malformed Pix code near position { $position }.
pix-crc = Damaged Pix code: the stated CRC ({ $stated }) does not match the computed one ({ $computed }).
pix-missing = The Pix code lacks field { $field }.
pix-not-pix = The code carries no Pix account (br.gov.bcb.pix).
pix-amount = Invalid amount “{ $amount }” in the Pix code.
pix-key = The Pix key must have 1 to { $max } characters.
pix-txid = Invalid identifier “{ $txid }”: use up to 25 letters and digits, no accents or symbols.
pix-field = Field { $field } of the Pix code is empty.
bank-field = Invalid bank field “{ $field }”: digits only, at most { $max }.
bank-convenio = Banco do Brasil agreement with { $length } digits: it has 4, 6, 7 or 8.
pix-key-invalid = Pix key “{ $key }” is not valid: use a CPF, CNPJ, e-mail, mobile number with area code or the random key.
account-bank = Bank
account-agency = Branch (agência)
account-number = Account
account-beneficiary-code = Agreement / beneficiary code
account-wallet = Wallet (carteira)
account-agency-invalid = Invalid branch: up to { $max } digits, with the check digit after a hyphen if any (1234-5).
account-number-invalid = Invalid account: up to { $max } digits, with the check digit after a hyphen (12345-6).
account-code-invalid = For { $bank } the code has { $lengths } digits.
account-wallet-invalid = Invalid wallet: up to { $max } digits.
error-no-bank-account = The store has no bank account for boletos yet: set it in Settings → Bank account.
error-no-bank-account-nor-pix = With neither a bank account nor a Pix key in Settings, the customer has no way to pay this document.
error-installment-not-found = Installment { $id } not found.
error-installment-closed = Installment { $id } is already paid or renegotiated: there is nothing to collect on it.
error-sale-not-found = Sale { $id } not found.
error-payment-not-found = Payment { $id } not found.
error-due-date-in-past = Due date { $date } has passed: choose today or a later date.
error-pdf = The PDF could not be made: { $detail }
store-pix-key = Pix key (optional)
error-nothing-open-in-sale = Sale { $id } has no open installments: there is no carnê to print.
cli-second-copy-about = Writes an installment's second copy as a PDF, with today's updated amount
cli-arg-installment = Installment number (as shown by “customer show”)
cli-arg-pdf = PDF file to write
cli-carne-about = Writes a sale's carnê as a PDF (issuing any missing boletos)
cli-arg-sale = Sale number
cli-receipt-about = Writes a payment's receipt as a PDF
cli-arg-payment = Payment number
cli-boleto-about = Boletos: check a code and build test boletos
cli-boleto-check-about = Checks a barcode or digitable line, with or without punctuation
cli-arg-text = Barcode (44 digits) or digitable line (47)
cli-boleto-make-about = Builds a test boleto for the bank's homologation
cli-arg-bank = Bank code: 001, 033, 104, 237, 341, 748 or 756
cli-arg-agency = Branch, with the check digit after a hyphen if any
cli-arg-account = Account, with the check digit after a hyphen
cli-arg-convenio = Agreement or beneficiary code (BB, CAIXA, Santander, Sicoob, Sicredi)
cli-arg-wallet = Wallet (carteira)
cli-arg-our_number = Nosso número sequence
cli-arg-due = Due date YYYY-MM-DD
cli-arg-boleto_amount = Boleto amount, like 150,00
cli-arg-boleto_pdf = Draw the boleto into this PDF file
cli-pix-about = Pix: check and build “copia e cola” codes
cli-pix-check-about = Checks a Pix code (BR Code) and shows what it carries
cli-arg-payload = The Pix copia e cola code
cli-pix-make-about = Builds a static Pix code
cli-arg-pix_key = Pix key: CPF, CNPJ, e-mail, mobile or random key
cli-arg-name = Payee's name (up to 25 letters, no accents in the code)
cli-arg-city = Payee's city (up to 15 letters)
cli-arg-pix_amount = Amount, like 150,00 (without it, the payer types it)
cli-arg-txid = Payment identifier, up to 25 letters and digits
cli-pdf-written = PDF written to { $path } ({ $size } KB).
cli-carne-issued = { $count } boleto(s) issued for this carnê, to be registered at the bank.
cli-boleto-valid = valid
print-second-copy = 2nd copy
print-new-due-date = New date
print-new-due-label = New due date for installment { $number }:
print-new-due-confirm = Issue new boleto
print-carne-label = Carnê:
print-receipt = Receipt
print-saved = PDF written to { $path } and opened for printing.
print-day-end = Print PDF
print-day-carnes = Carnês of the day's sales
print-progress = Making carnês: { $done } of { $total } sales…
print-no-sales = No credit sales on this day.
error-nothing-to-print = These sales have no open installments: nothing to print.
settings-account = Bank account for boletos
settings-account-explain = The collection agreement with the bank. Changing account keeps the boletos already issued; new ones use the new account.
settings-account-save = Save bank account
settings-account-saved = { $bank } account saved: the next boletos use it.
word-or = or
boleto-bank-unsupported = Bank “{ $bank }” is not supported: use 001 (Banco do Brasil), 033 (Santander), 104 (CAIXA), 237 (Bradesco), 341 (Itaú), 748 (Sicredi) or 756 (Sicoob).
error-store-not-set-up = Fill in the store data (legal name and CNPJ) in Settings before printing: every collection document identifies the store.
