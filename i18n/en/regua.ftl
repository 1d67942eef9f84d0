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
