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

## Dinheiro e percentuais
money-empty = Informe um valor.
money-character = O caractere “{ $character }” não cabe em um valor: use algo como 1.234,56.
money-malformed = Valor mal escrito: use algo como 1.234,56.
money-decimals = Use no máximo dois dígitos de centavos, depois da vírgula.
money-decimal-point = Use vírgula para os centavos (1.234,56); o ponto só separa milhares.
money-too-large = Valor grande demais.
rate-empty = Informe um percentual.
rate-negative = O percentual não pode ser negativo.
rate-malformed = Percentual “{ $text }” mal escrito: use algo como 2 ou 1,5.
rate-decimals = Use no máximo duas casas decimais no percentual.

## Encargos
policy-fine-cap = Multa de { $given } recusada: o Código de Defesa do Consumidor (art. 52 §1º) limita a multa por atraso a { $cap }.
policy-interest-cap = Juros de { $given } ao mês recusados: para uma loja, a lei limita os juros de mora a { $cap } ao mês, simples (Lei de Usura, arts. 1º e 5º).

## Parcelas e pagamentos
status-open = Em aberto
status-partially-paid = Paga em parte
status-paid = Paga
status-renegotiated = Renegociada
status-written-off = Baixada
status-prescribed = Prescrita
method-cash = Dinheiro
method-pix = Pix
method-card = Cartão
method-boleto = Boleto
method-transfer = Transferência
payment-not-positive = O valor do pagamento precisa ser maior que zero.
payment-nothing-owed = Este cliente não tem parcelas em aberto.
payment-more-than-owed = O valor é maior que o total devido hoje ({ $owed }). Receba no máximo esse valor e devolva o troco.
payment-method-unknown = Forma de pagamento “{ $method }” desconhecida: use dinheiro, pix, cartao, boleto ou transferencia.
payment-in-future = A data do pagamento ({ $date }) é posterior a hoje.
payment-too-large = Valor acima do limite de { $max } para um só lançamento.

## Faixas de atraso
band-none = Defina pelo menos uma faixa de atraso.
band-empty-label = A faixa { $position } precisa de um nome.
band-bad-color = Cor “{ $color }” inválida: use o formato #RRGGBB.
band-inverted = A faixa “{ $label }” termina antes de começar.
band-gap = As faixas “{ $before }” e “{ $after }” precisam ser contínuas, sem buraco nem sobreposição.
band-open-not-last = Só a última faixa pode ficar sem fim (“{ $label }”).

## Cliente
field-required = Campo obrigatório.
field-phone = Telefone “{ $value }” inválido: use DDD e número, como (11) 98765-4321.
field-email = E-mail “{ $value }” inválido.
field-state = UF “{ $value }” inexistente.
field-postal-code = CEP “{ $value }” inválido: são 8 dígitos, como 01310-100.
field-too-long = Use no máximo { $max } caracteres.
customer-name = Nome
customer-tax-id = CPF/CNPJ
customer-phone = Telefone
customer-email = E-mail
customer-street = Endereço
customer-city = Cidade
customer-state = UF
customer-postal-code = CEP

## Configurações
config-unknown-key = Configuração “{ $key }” desconhecida. Conhecidas: { $known }.
config-not-number = “{ $value }” não é um número inteiro de dias.
config-bad-json = Lista de faixas mal escrita (JSON): { $detail }

## Venda a crediário
sale-total-not-positive = O valor da venda precisa ser maior que zero.
sale-total-too-large = Valor da venda acima do limite de { $max }.
sale-negative-down-payment = A entrada não pode ser negativa.
sale-down-payment-covers-total = A entrada cobre o valor todo: registre como venda à vista.
sale-installment-count = Número de parcelas ({ $count }) fora do permitido: de 1 a { $max }.
sale-first-due-before-sale = O primeiro vencimento não pode ser antes da data da venda.
sale-rate-too-high = Taxa de financiamento acima de 10 % ao mês: confira o valor.

## Erros gerais
error-database = Erro no banco de dados: { $detail }
error-busy = O banco de dados está em uso por outro programa Régua. Feche-o e tente de novo.
error-disk-full = O disco está cheio: nada foi gravado. Libere espaço e tente de novo.
error-read-only = Sem permissão para gravar em { $path }: nada foi gravado.
error-read-only-database = O banco de dados está protegido contra gravação: nada foi gravado.
error-not-a-database = { $path } não é um banco de dados do Régua.
error-newer-schema = Este banco de dados foi gravado por uma versão mais nova do Régua (esquema { $found }; esta versão conhece até o { $known }). Atualize o Régua para abri-lo.
error-corrupt = O banco de dados está danificado: { $detail }
error-io = Não foi possível usar { $path }: { $detail }
error-no-data-folder = Não foi possível encontrar a pasta de dados do usuário; use --db CAMINHO.
error-bad-date = Data “{ $text }” inválida: use AAAA-MM-DD, como 2026-11-22.
error-customer-not-found = Nenhum cliente encontrado para “{ $query }”.
error-customer-ambiguous = { $count } clientes encontrados para “{ $query }”; use o código ou o CPF/CNPJ:
    { $matches }
error-duplicate-tax-id = Já existe um cliente com o CPF/CNPJ { $tax_id }.
error-not-empty = Este banco de dados já tem dados; a loja de demonstração só é criada em um banco vazio. Use --db para indicar outro arquivo.

## Linha de comando
cli-about = Régua: crediário, inadimplência e cobrança da loja, sem depender da internet.
cli-usage = Uso:
cli-commands = Comandos
cli-options = Opções
cli-arguments = Argumentos
cli-arg-help = Mostra esta ajuda
cli-arg-version = Mostra a versão
cli-arg-db = Arquivo do banco de dados (padrão: o da pasta de dados do usuário)
cli-arg-today = Data de referência AAAA-MM-DD no lugar da data do relógio
cli-arg-json = Imprime em JSON
cli-demo-about = Cria a loja de demonstração em um banco vazio
cli-arg-customers = Quantos clientes criar (padrão 300)
cli-arg-seed = Semente (padrão 1): a mesma semente cria a mesma loja
cli-board-about = Painel de inadimplência: clientes e valores atualizados por faixa de atraso
cli-customer-about = Clientes
cli-customer-show-about = Mostra um cliente e suas parcelas em aberto com multa e juros do dia
cli-customer-find-about = Procura clientes por nome, CPF/CNPJ ou telefone
cli-arg-query = Código, CPF/CNPJ ou nome do cliente
cli-pay-about = Registra um pagamento e mostra onde ele foi aplicado
cli-arg-amount = Valor recebido, como 150,00
cli-arg-method = Forma de pagamento: dinheiro (padrão), pix, cartao, boleto ou transferencia
cli-arg-date = Data do pagamento AAAA-MM-DD (padrão: hoje)
cli-config-about = Configurações da loja
cli-config-get-about = Mostra uma configuração
cli-config-set-about = Altera uma configuração, conferindo o valor
cli-config-list-about = Lista todas as configurações
cli-arg-key = Nome da configuração, como store.cnpj ou charges.fine
cli-arg-value = Novo valor
cli-backup-about = Grava uma cópia do banco de dados
cli-arg-out = Arquivo da cópia
cli-restore-about = Restaura uma cópia, guardando o banco atual
cli-arg-file = Arquivo da cópia a restaurar
cli-error = Erro: { $message }
cli-see-help = Use “regua --help” para ver os comandos.
cli-unknown-argument = opção desconhecida: { $argument }
cli-unknown-command = comando desconhecido: { $command }
cli-missing-argument = falta informar { $argument }
cli-invalid-value = valor “{ $value }” inválido para { $argument }
cli-malformed = comando mal formado
cli-backup-warning = Aviso: a cópia de segurança diária falhou: { $message }
cli-demo-customers-range = O número de clientes da demonstração vai de 1 a 1.000.000.
cli-backup-same-file = A cópia precisa ir para outro arquivo, não para o próprio banco.

## Saída
board-title = Painel de inadimplência em { $date }
board-band = Faixa
board-customers = Clientes
board-installments = Parcelas
board-principal = Principal
board-fine = Multa
board-interest = Juros
board-total = Total
board-grand-total = Total geral
statement-band = Faixa
statement-disputed = Dívida contestada: cobrança suspensa
statement-over-indebted = Em processo de superendividamento: cobrança suspensa
statement-do-not-contact = Pediu para não ser contatado
statement-nothing-open = Nenhuma parcela em aberto.
statement-open-title = Parcelas em aberto, valores de { $date }:
statement-installment = Parcela
statement-sale = Compra
statement-due = Vencimento
statement-days = Dias de atraso
statement-total = Total devido: { $total } (principal { $principal } + multa { $fine } + juros { $interest })
statement-payments-title = Últimos pagamentos:
find-nothing = Nenhum cliente encontrado.
find-id = Código
pay-recorded = Pagamento nº { $id } de { $amount } registrado para { $name } ({ $method }, { $date }). Aplicado assim:
pay-discount = Desconto
pay-status = Situação
demo-created = Loja de demonstração criada em { $path }: { $customers } clientes, { $sales } vendas, { $installments } parcelas, { $payments } pagamentos, { $boletos } boletos (Banco do Brasil, com chave Pix).
backup-done = Cópia gravada em { $path }.
restore-done = Banco restaurado de { $source }. O banco anterior foi guardado em { $kept }.

## Aplicativo: geral
cli-app-failed = Não foi possível abrir a janela do Régua: { $detail }
nav-board = Painel
nav-customers = Clientes
nav-day-end = Fechamento do dia
nav-settings = Configurações
ui-privacy-on = Modo privacidade: nomes e valores escondidos (F8 para mostrar).
ui-privacy-on-button = Privacidade
ui-privacy-off-button = Mostrar dados
ui-bad-date = Data “{ $text }” inválida: use DD/MM/AAAA.
ui-worker-failed = O trabalho em segundo plano foi interrompido; tente de novo.
form-has-errors = Corrija os campos marcados em vermelho.
action-save = Salvar
action-cancel = Cancelar (Esc)
action-edit = Editar

## Boas-vindas
welcome-title = Bem-vindo ao Régua
welcome-intro = Para começar, preencha os dados da loja: eles aparecem em todo documento de cobrança (CDC art. 42-A). Ou abra a loja de demonstração para conhecer o programa.
welcome-store-title = Dados da loja
welcome-save = Salvar e começar
welcome-saved = Loja cadastrada. Agora cadastre os clientes.
welcome-demo-title = Loja de demonstração
welcome-demo-explain = Cria { $count } clientes fictícios com vendas, pagamentos e atrasos, para experimentar cada tela.
welcome-demo = Abrir a demonstração
welcome-demo-creating = Criando a demonstração…
welcome-demo-ready = Loja de demonstração pronta.
welcome-failed = Não foi possível abrir o banco de dados
store-legal-name = Razão social
store-trade-name = Nome fantasia
store-cnpj = CNPJ

## Clientes
customers-search-placeholder = Nome, CPF/CNPJ ou telefone
customers-hint = Digite parte do nome (sem acento, se quiser), o CPF/CNPJ ou o telefone. Setas escolhem, Enter abre.
customers-none = Nenhum cliente encontrado para “{ $query }”.
customers-more = Mostrando os 50 primeiros; continue digitando para refinar.
customers-new = Novo cliente
customer-new-title = Novo cliente
customer-edit-title = Editar cliente
customer-second-phone = Outro telefone
customer-number = Número
customer-complement = Complemento
customer-district = Bairro
customer-notes = Observações
customer-saved = Cliente salvo.
consent-collection = Aceita cobrança por
consent-marketing = Aceita ofertas por
channel-email = E-mail
channel-whatsapp = WhatsApp
channel-sms = SMS
stops-title = Suspender cobrança
stop-disputed = Dívida contestada
stop-over-indebted = Superendividamento
stop-do-not-contact = Não contatar
customer-receive-payment = Receber pagamento
customer-new-sale = Nova venda
customer-total-due = Total devido hoje
customer-payments = Pagamentos
customer-no-payments = Nenhum pagamento ainda.
customer-promises = Promessas de pagamento
customer-contacts = Contatos
customer-no-contacts = Nenhum contato registrado.
band-not-yet = ainda não vence
promise-date = Pagará em
promise-amount = Valor
promise-note = Observação
promise-record = Registrar promessa
promise-recorded = Promessa registrada.
contact-note-placeholder = O que foi conversado
contact-record = Registrar contato
contact-recorded = Contato registrado.

## Venda e pagamento
sale-title = Nova venda a crediário
sale-description = Produto ou descrição
sale-default-description = Venda a crediário
sale-total = Valor da venda
sale-down-payment = Entrada
sale-down-payment-method = Forma da entrada
sale-installments = Parcelas
sale-first-due = Primeiro vencimento
sale-enter-total = Informe o valor da venda.
sale-bad-count = Número de parcelas “{ $text }” inválido.
sale-split-title = Parcelas
sale-amount = Valor
sale-split-check = Soma das parcelas { $sum } + entrada { $down } = { $total }
sale-confirm = Confirmar venda
sale-recorded = Venda de { $total } registrada em { $count } parcelas.
payment-title = Receber pagamento
payment-amount = Valor recebido
payment-method = Forma de pagamento
payment-owed-today = Devido hoje
payment-allocation-title = Onde o pagamento será aplicado (parcela mais antiga primeiro; encargos antes do principal)
payment-balance-after = Saldo depois deste pagamento: { $balance }
payment-confirm = Confirmar pagamento
payment-recorded = Pagamento de { $amount } registrado (nº { $id }).
payment-down-payment = entrada

## Painel
board-screen-title = Painel de inadimplência
board-as-of = Posição em
board-today = Hoje
board-loading = Calculando…
board-breakdown = { $installments } parcelas: principal { $principal }, multa { $fine }, juros { $interest }
board-sort-amount = Maior valor
board-sort-days = Mais dias de atraso
board-filter-placeholder = Procurar nesta faixa (nome ou CPF)
board-band-count = { $count } clientes
board-more = Mostrando { $shown } de { $count }; use a busca para achar os demais.

## Fechamento do dia
day-end-title = Fechamento do dia
day-end-date = Dia
day-end-export = Exportar CSV
day-end-exported = Planilha gravada em { $path }.
day-end-by-method = Recebido por forma de pagamento
day-end-by-clerk = Recebido por atendente
day-end-received = Total recebido
day-end-no-payments = Nenhum recebimento neste dia.
day-end-worsened = Clientes que pioraram de faixa
day-end-promises = Promessas para amanhã
day-end-none = Nenhum.
day-end-board = Painel do dia

## Configurações
settings-store = Dados da loja
settings-charges = Multa e juros por atraso
settings-fine = Multa (%)
settings-interest = Juros ao mês (%)
settings-charges-law = A lei limita a multa a 2 % (CDC art. 52 §1º) e os juros de mora a 1 % ao mês, simples. Valores acima são recusados.
settings-bands = Faixas de atraso
settings-band-label = Nome
settings-band-color = Cor
settings-band-from = De (dias)
settings-band-to = Até (dias)
settings-band-days = Faixa “{ $label }”: os dias precisam ser números inteiros.
settings-bands-explain = Dias negativos são parcelas que ainda vão vencer. A última faixa pode ficar sem fim. As faixas precisam ser contínuas.
settings-prescribed-rule = mais de 5 anos (lei)
settings-holidays = Feriados estaduais e municipais
settings-holidays-placeholder = 25/01 Aniversário da cidade; 09/07 Revolução Constitucionalista
settings-holidays-explain = Separe por ponto e vírgula. DD/MM vale todo ano; DD/MM/AAAA vale uma vez. Os feriados nacionais já estão incluídos.
settings-language = Idioma
settings-language-changed = Idioma alterado.
settings-saved = Configurações salvas.

## Promessas, contatos e fechamento
promise-status-pending = Pendente
promise-status-kept = Cumprida
promise-status-broken = Não cumprida
promise-not-positive = O valor prometido precisa ser maior que zero.
promise-more-than-owed = O valor prometido é maior que o total devido hoje ({ $owed }).
promise-in-the-past = A data da promessa não pode ser anterior a hoje.
promise-too-far = A promessa pode ser de no máximo { $days } dias a partir de hoje.
promise-note-too-long = Use no máximo { $max } caracteres na observação.
contact-channel-phone = Telefone
contact-channel-letter = Carta
contact-channel-in-person = Pessoalmente
contact-note-required = Escreva o que foi conversado.
contact-note-too-long = Use no máximo { $max } caracteres.
dayend-csv-title = Fechamento do dia
dayend-csv-count = Quantidade
dayend-csv-clerk = Atendente
dayend-csv-from = Faixa anterior
dayend-csv-to = Faixa atual

## Boleto e Pix
boleto-length = Um boleto tem 44 dígitos no código de barras ou 47 na linha digitável; foram informados { $length }.
boleto-general-check-digit = Código de barras inválido: o dígito verificador geral (5º dígito do código, 33º da linha) é { $found }, mas os demais dígitos pedem { $expected }; confira o código.
boleto-field-check-digit = Linha digitável inválida: o dígito do campo { $field } ({ $position }º dígito da linha) é { $found }, mas os números desse campo pedem { $expected }; confira esse campo.
boleto-factor = Fator de vencimento { $factor } inválido.
boleto-due-date-too-early = Vencimento anterior a 03/07/2000 não cabe no fator de vencimento.
boleto-bank = Código de banco “{ $bank }” inválido: são 3 dígitos.
boleto-campo-livre = O campo livre do banco precisa ter 25 dígitos.
boleto-value = Valor fora do que o boleto comporta (até R$ 99.999.999,99).
pix-not-br-code = Isto não é um código Pix (BR Code): ele começa com 000201.
pix-malformed = Código Pix mal formado perto da posição { $position }.
pix-crc = Código Pix danificado: o CRC informado ({ $stated }) não confere com o calculado ({ $computed }).
pix-missing = Falta o campo { $field } no código Pix.
pix-not-pix = O código não traz uma conta Pix (br.gov.bcb.pix).
pix-amount = Valor “{ $amount }” inválido no código Pix.
pix-key = A chave Pix precisa ter de 1 a { $max } caracteres.
pix-txid = Identificador “{ $txid }” inválido: use até 25 letras e números, sem acentos nem símbolos.
pix-field = O campo { $field } do código Pix ficou vazio.
bank-field = Campo “{ $field }” do banco inválido: use só dígitos, no máximo { $max }.
bank-convenio = Convênio do Banco do Brasil com { $length } dígitos: são 4, 6, 7 ou 8.
pix-key-invalid = Chave Pix “{ $key }” inválida: use CPF, CNPJ, e-mail, celular com DDD ou a chave aleatória.
account-bank = Banco
account-agency = Agência
account-number = Conta
account-beneficiary-code = Convênio / código do beneficiário
account-wallet = Carteira
account-agency-invalid = Agência inválida: até { $max } dígitos, com o dígito após o hífen se houver (1234-5).
account-number-invalid = Conta inválida: até { $max } dígitos, com o dígito após o hífen (12345-6).
account-code-invalid = Para o { $bank } o código tem { $lengths } dígitos.
account-wallet-invalid = Carteira inválida: até { $max } dígitos.
error-no-bank-account = A loja ainda não tem conta bancária para boletos: informe-a em Configurações → Conta bancária.
error-no-bank-account-nor-pix = Sem conta bancária nem chave Pix nas Configurações, não há como o cliente pagar este documento.
error-installment-not-found = Parcela { $id } não encontrada.
error-installment-closed = A parcela { $id } já está quitada ou renegociada: não há o que cobrar nela.
error-sale-not-found = Venda { $id } não encontrada.
error-payment-not-found = Pagamento { $id } não encontrado.
error-due-date-in-past = O vencimento { $date } já passou: escolha hoje ou uma data futura.
error-pdf = Não foi possível gerar o PDF: { $detail }
store-pix-key = Chave Pix (opcional)
error-nothing-open-in-sale = A venda { $id } não tem parcelas em aberto: não há carnê a imprimir.
cli-second-copy-about = Gera a segunda via de uma parcela em PDF, com o valor atualizado do dia
cli-arg-installment = Número da parcela (como aparece em “customer show”)
cli-arg-pdf = Arquivo PDF a gravar
cli-carne-about = Gera o carnê de uma venda em PDF (emite os boletos que faltarem)
cli-arg-sale = Número da venda
cli-receipt-about = Gera o recibo de um pagamento em PDF
cli-arg-payment = Número do pagamento
cli-boleto-about = Boletos: conferir um código e montar boletos de teste
cli-boleto-check-about = Confere um código de barras ou linha digitável, com ou sem pontuação
cli-arg-text = Código de barras (44 dígitos) ou linha digitável (47)
cli-boleto-make-about = Monta um boleto de teste para a homologação do banco
cli-arg-bank = Código do banco: 001, 033, 104, 237, 341, 748 ou 756
cli-arg-agency = Agência, com o dígito após o hífen se houver
cli-arg-account = Conta, com o dígito após o hífen
cli-arg-convenio = Convênio ou código do beneficiário (BB, CAIXA, Santander, Sicoob, Sicredi)
cli-arg-wallet = Carteira
cli-arg-our_number = Sequência do nosso número
cli-arg-due = Vencimento AAAA-MM-DD
cli-arg-boleto_amount = Valor do boleto, como 150,00
cli-arg-boleto_pdf = Desenha o boleto neste arquivo PDF
cli-pix-about = Pix: conferir e montar códigos “copia e cola”
cli-pix-check-about = Confere um código Pix (BR Code) e mostra o que ele traz
cli-arg-payload = O código Pix copia e cola
cli-pix-make-about = Monta um código Pix estático
cli-arg-pix_key = Chave Pix: CPF, CNPJ, e-mail, celular ou chave aleatória
cli-arg-name = Nome de quem recebe (até 25 letras, sem acentos no código)
cli-arg-city = Cidade de quem recebe (até 15 letras)
cli-arg-pix_amount = Valor, como 150,00 (sem ele, quem paga digita)
cli-arg-txid = Identificador do pagamento, até 25 letras e números
cli-pdf-written = PDF gravado em { $path } ({ $size } KB).
cli-carne-issued = { $count } boleto(s) emitido(s) para este carnê, a registrar no banco.
cli-boleto-valid = válido
print-second-copy = 2ª via
print-new-due-date = Nova data
print-new-due-label = Nova data de vencimento da parcela { $number }:
print-new-due-confirm = Emitir novo boleto
print-carne-label = Carnê:
print-receipt = Recibo
print-saved = PDF gravado em { $path } e aberto para impressão.
print-day-end = Imprimir PDF
print-day-carnes = Carnês das vendas do dia
print-progress = Gerando carnês: { $done } de { $total } vendas…
print-no-sales = Nenhuma venda a prazo neste dia.
error-nothing-to-print = Não há parcelas em aberto nessas vendas: nada a imprimir.
settings-account = Conta bancária para boletos
settings-account-explain = Os dados do contrato de cobrança com o banco. Trocar de conta não muda os boletos já emitidos; os novos usam a nova conta.
settings-account-save = Salvar conta bancária
settings-account-saved = Conta do { $bank } salva: os próximos boletos saem por ela.
word-or = ou
boleto-bank-unsupported = Banco “{ $bank }” não atendido: use 001 (Banco do Brasil), 033 (Santander), 104 (CAIXA), 237 (Bradesco), 341 (Itaú), 748 (Sicredi) ou 756 (Sicoob).
error-store-not-set-up = Preencha os dados da loja (razão social e CNPJ) em Configurações antes de imprimir: todo documento de cobrança identifica a loja.
