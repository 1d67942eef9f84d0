//! Termo de acordo e confissão de dívida (`brazil-rules.md` §5.1, rule 20): parties, each
//! original debt, the update itemized, the discount, the new plan, rate and CET, the
//! clauses, and signatures with two witnesses (CPC art. 784 III). Two copies, one for
//! each party. In plain Portuguese for the customer (CDC art. 31).

use chrono::NaiveDate;

use super::canvas::{A4_HEIGHT, Document, Page, Weight};
use super::extenso::brl_in_words;
use super::model::{Party, StoreHeader, date};
use crate::domain::money::Money;
use crate::domain::negotiation::Proposal;
use crate::error::Result;

/// One installment the agreement replaces.
pub struct OriginalDebt {
    /// `Venda 12 – Sofá – parcela 3 de 10`.
    pub installment: String,
    pub due_date: NaiveDate,
    pub original: Money,
}

pub struct AgreementDoc {
    pub number: i64,
    pub store: StoreHeader,
    pub customer: Party,
    pub debts: Vec<OriginalDebt>,
    pub proposal: Proposal,
    /// Paid at the counter when signing; else due by the proposal's validity date.
    pub down_payment_paid: bool,
    pub place: String,
    pub date: NaiveDate,
}

const LEFT: f32 = 20.0;
const RIGHT: f32 = 190.0;
const BOTTOM: f32 = A4_HEIGHT - 20.0;
const SIZE: f32 = 9.5;
const LEADING: f32 = SIZE * 1.3 * 25.4 / 72.0;

/// Text flowing down the pages of one copy.
struct Flow<'a> {
    document: &'a mut Document,
    page: Page,
    y: f32,
}

impl Flow<'_> {
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            let next = self.document.page();
            self.document.push(std::mem::replace(&mut self.page, next));
            self.y = 20.0;
        }
    }

    fn heading(&mut self, text: &str) {
        self.ensure(14.0);
        self.y += 4.0;
        self.page.text(LEFT, self.y, 10.5, Weight::Bold, text);
        self.y += LEADING + 1.0;
    }

    fn paragraph(&mut self, text: &str) {
        let lines = super::canvas::wrap(text, RIGHT - LEFT, SIZE, Weight::Regular);
        for line in lines {
            self.ensure(LEADING);
            self.page.text(LEFT, self.y, SIZE, Weight::Regular, &line);
            self.y += LEADING;
        }
        self.y += 1.5;
    }

    /// A label and an amount on one line, the amount right-aligned.
    fn figure(&mut self, label: &str, amount: &str, bold: bool) {
        self.ensure(LEADING);
        let weight = if bold { Weight::Bold } else { Weight::Regular };
        self.page.text(LEFT + 4.0, self.y, SIZE, weight, label);
        self.page.text_right(RIGHT, self.y, SIZE, weight, amount);
        self.y += LEADING;
    }

    fn row(&mut self, cells: &[(f32, bool, String)], weight: Weight) {
        self.ensure(LEADING);
        for (x, right, text) in cells {
            if *right {
                self.page.text_right(*x, self.y, 8.5, weight, text);
            } else {
                self.page.text(*x, self.y, 8.5, weight, text);
            }
        }
        self.y += LEADING;
    }

    fn signature(&mut self, x: f32, name: &str, detail: &str) {
        self.page.hline(x, x + 75.0, self.y, 0.2);
        self.page.text(x, self.y + 4.0, 8.0, Weight::Regular, name);
        self.page
            .text(x, self.y + 7.5, 7.5, Weight::Regular, detail);
    }
}

fn percent(part: Money, whole: Money) -> String {
    if !whole.is_positive() {
        return "0,00 %".to_string();
    }
    let bp = part
        .mul_div_round(10_000, i128::from(whole.cents()))
        .cents();
    format!("{},{:02} %", bp / 100, bp % 100)
}

fn copy(document: &mut Document, doc: &AgreementDoc, copy_label: &str) {
    let page = document.page();
    let mut flow = Flow {
        document,
        page,
        y: 22.0,
    };
    let proposal = &doc.proposal;
    let debt = &proposal.debt;
    flow.page.text(
        LEFT,
        flow.y,
        13.0,
        Weight::Bold,
        "Termo de acordo e confissão de dívida",
    );
    flow.page.text_right(
        RIGHT,
        flow.y,
        9.0,
        Weight::Regular,
        &format!("Acordo nº {} – {copy_label}", doc.number),
    );
    flow.y += 8.0;

    flow.heading("1. As partes");
    let store = &doc.store.party;
    flow.paragraph(&format!(
        "CREDORA: {}, {}, com sede em {}, e-mail {}, telefone {}.",
        store.name,
        store.tax_id,
        store.full_address(),
        doc.store.email,
        doc.store.phone
    ));
    flow.paragraph(&format!(
        "DEVEDOR(A): {}, {}, residente em {}.",
        doc.customer.name,
        doc.customer.tax_id,
        doc.customer.full_address()
    ));

    flow.heading("2. As dívidas que este acordo substitui");
    flow.row(
        &[
            (LEFT, false, "Compra e parcela".to_string()),
            (135.0, false, "Vencimento".to_string()),
            (RIGHT, true, "Valor original".to_string()),
        ],
        Weight::Bold,
    );
    for original in &doc.debts {
        flow.row(
            &[
                (LEFT, false, original.installment.clone()),
                (135.0, false, date(original.due_date)),
                (RIGHT, true, original.original.format_brl()),
            ],
            Weight::Regular,
        );
    }
    flow.y += 2.0;

    flow.heading(&format!("3. O valor atualizado até {}", date(doc.date)));
    flow.figure("Principal em aberto", &debt.principal.format_brl(), false);
    flow.figure(
        "Multa por atraso (no máximo 2 %)",
        &debt.fine.format_brl(),
        false,
    );
    flow.figure(
        "Juros de mora (no máximo 1 % ao mês)",
        &debt.interest.format_brl(),
        false,
    );
    flow.figure("Dívida atualizada", &debt.total().format_brl(), true);
    flow.figure(
        &format!(
            "Desconto concedido ({})",
            percent(proposal.discount, debt.total())
        ),
        &format!("− {}", proposal.discount.format_brl()),
        false,
    );
    flow.figure(
        "Novo total do acordo",
        &proposal.new_total.format_brl(),
        true,
    );

    flow.heading("4. Como será pago");
    let when = if doc.down_payment_paid {
        "paga na assinatura deste termo".to_string()
    } else {
        format!("a pagar até {}", date(proposal.valid_until))
    };
    if proposal.installments.is_empty() {
        flow.paragraph(&format!(
            "À vista: {} ({}), {when}.",
            proposal.down_payment.format_brl(),
            brl_in_words(proposal.down_payment)
        ));
    } else {
        if proposal.down_payment.is_positive() {
            flow.paragraph(&format!(
                "Entrada de {} ({}), {when}, e {} parcelas mensais:",
                proposal.down_payment.format_brl(),
                brl_in_words(proposal.down_payment),
                proposal.installments.len()
            ));
        } else {
            flow.paragraph(&format!(
                "Sem entrada, em {} parcelas mensais:",
                proposal.installments.len()
            ));
        }
        flow.row(
            &[
                (LEFT + 4.0, false, "Parcela".to_string()),
                (70.0, false, "Vencimento".to_string()),
                (140.0, true, "Valor".to_string()),
            ],
            Weight::Bold,
        );
        for installment in &proposal.installments {
            flow.row(
                &[
                    (
                        LEFT + 4.0,
                        false,
                        format!("{} de {}", installment.number, proposal.installments.len()),
                    ),
                    (70.0, false, date(installment.due_date)),
                    (140.0, true, installment.amount.format_brl()),
                ],
                Weight::Regular,
            );
        }
        flow.y += 2.0;
        flow.paragraph(&format!(
            "Juros das parcelas: {} ao mês, simples. Custo efetivo total (CET): {} ao ano. \
             Total sem financiamento: {}. Total com financiamento (entrada e parcelas): {}.",
            proposal.monthly_rate,
            proposal.cet_annual,
            proposal.new_total.format_brl(),
            proposal.total_with_financing.format_brl()
        ));
    }
    flow.paragraph(&format!(
        "Esta proposta vale até {}; depois dessa data, só com nova proposta.",
        date(proposal.valid_until)
    ));

    flow.heading("5. Cláusulas");
    let clauses = [
        "Confissão. O(A) DEVEDOR(A) reconhece as dívidas do item 2 como líquidas, certas e \
         exigíveis, no valor atualizado do item 3, e as confessa para pagamento nos termos \
         deste acordo.",
        "Novação. Este acordo substitui as parcelas do item 2, que deixam de ser cobradas \
         enquanto ele for cumprido.",
        "Atraso de uma parcela do acordo. Sobre a parcela paga em atraso incidem multa de no \
         máximo 2 % e juros de mora de no máximo 1 % ao mês, simples, proporcionais aos dias \
         de atraso, como na compra original.",
        "Quebra do acordo. Só depois de 30 (trinta) dias de atraso de uma parcela, e de aviso \
         por escrito ao(à) DEVEDOR(A), o acordo se considera quebrado: vence o saldo restante \
         e o desconto do item 3 deixa de valer, sempre descontado tudo o que já foi pago.",
        "Pagamento antecipado. O(A) DEVEDOR(A) pode pagar parcelas antes do vencimento, com \
         redução proporcional dos juros (CDC art. 52 §2º).",
        "Pagamento e quitação. Cada pagamento recebe recibo com o que foi abatido; pagas \
         todas as parcelas, a CREDORA dá quitação das dívidas do item 2.",
    ];
    for (index, clause) in clauses.iter().enumerate() {
        flow.paragraph(&format!("5.{} {clause}", index + 1));
    }

    flow.ensure(70.0);
    flow.y += 4.0;
    flow.paragraph(&format!("{}, {}.", doc.place, doc.date.format("%d/%m/%Y")));
    flow.y += 16.0;
    flow.signature(
        LEFT,
        &doc.customer.name,
        &format!("DEVEDOR(A) – {}", doc.customer.tax_id),
    );
    flow.signature(
        RIGHT - 75.0,
        &store.name,
        &format!("CREDORA – {}", store.tax_id),
    );
    flow.y += 24.0;
    flow.signature(LEFT, "Testemunha 1: nome", "CPF:");
    flow.signature(RIGHT - 75.0, "Testemunha 2: nome", "CPF:");
    let Flow { document, page, .. } = flow;
    document.push(page);
}

/// Both copies, the customer's and the store's, in one PDF.
pub fn render(doc: &AgreementDoc) -> Result<Vec<u8>> {
    let mut document = Document::new("Termo de acordo")?;
    copy(&mut document, doc, "via do(a) devedor(a)");
    copy(&mut document, doc, "via da credora");
    Ok(document.finish())
}
