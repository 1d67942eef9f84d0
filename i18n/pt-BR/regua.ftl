## Documento (CPF/CNPJ)
taxid-empty = Informe o CPF ou o CNPJ.
taxid-length = CPF tem 11 dígitos e CNPJ tem 14 caracteres; foram informados { $length }.
taxid-character = O caractere “{ $character }” não pode aparecer em CPF ou CNPJ.
taxid-repeated = { $kind } inválido: todos os dígitos são iguais.
taxid-check-digits = { $kind } inválido: os dígitos verificadores não conferem.
taxid-not-cpf = Informe um CPF (11 dígitos).
taxid-not-cnpj = Informe um CNPJ (14 caracteres).

## Calendário
holiday-empty = Informe pelo menos uma data de feriado.
holiday-bad-entry = Feriado “{ $entry }” inválido: use DD/MM Nome (todo ano) ou DD/MM/AAAA Nome (uma vez).
holiday-bad-date = Data “{ $date }” inexistente no calendário.
holiday-no-name = Dê um nome ao feriado de { $date }.
