//! Recibo de pagamento: what was paid, how it settled each installment (principal, fine,
//! interest), what remains, and who received it. Customer-facing, so in Portuguese
//! (CDC art. 31).

use chrono::NaiveDate;

use super::canvas::{Document, QrModules, Weight};
use super::extenso::brl_in_words;
use super::model::{Party, PixCode, StoreHeader, date};
use super::pix_block::pix_block;
use crate::domain::money::Money;
use crate::error::Result;

pub struct ReceiptLine {
    pub installment: String,
    pub due_date: NaiveDate,
    pub principal: Money,
    pub fine: Money,
    pub interest: Money,
    pub discount: Money,
}

/// The next installment to pay, with a Pix code for it when the store has a key.
pub struct NextDue {
    pub installment: String,
    pub due_date: NaiveDate,
    pub amount: Money,
    pub pix: Option<PixCode>,
}

pub struct PaymentReceipt {
    pub store: StoreHeader,
    pub customer: Party,
    pub payment_id: i64,
    pub paid_on: NaiveDate,
    pub amount: Money,
    pub method: String,
    pub clerk: String,
    /// Empty for a sale's down payment.
    pub lines: Vec<ReceiptLine>,
    pub purpose: String,
    pub remaining: Money,
    pub next: Option<NextDue>,
}

const LEFT: f32 = 15.0;
const RIGHT: f32 = 195.0;

pub fn render(receipt: &PaymentReceipt) -> Result<Vec<u8>> {
    let mut document = Document::new("Recibo")?;
    let mut page = document.page();
    let store = &receipt.store;
    page.text(LEFT, 20.0, 14.0, Weight::Bold, &store.display_name);
    page.text(LEFT, 25.5, 7.5, Weight::Regular, &store.party.name_and_id());
    page.text(
        LEFT,
        29.5,
        7.5,
        Weight::Regular,
        &store.party.full_address(),
    );
    page.text(
        LEFT,
        33.5,
        7.5,
        Weight::Regular,
        &format!("{}  {}", store.phone, store.email),
    );
    page.text_right(
        RIGHT,
        20.0,
        14.0,
        Weight::Bold,
        &format!("Recibo nº {}", receipt.payment_id),
    );
    page.text_right(
        RIGHT,
        27.0,
        12.0,
        Weight::Bold,
        &receipt.amount.format_brl(),
    );
    page.hline(LEFT, RIGHT, 37.0, 0.4);

    let statement = format!(
        "Recebemos de {} a importância de {} ({}), em {}, por {}, referente a {}.",
        receipt.customer.name_and_id(),
        receipt.amount.format_brl(),
        brl_in_words(receipt.amount),
        date(receipt.paid_on),
        receipt.method,
        receipt.purpose
    );
    let mut y = page.paragraph(LEFT, 45.0, RIGHT - LEFT, 10.0, Weight::Regular, &statement);

    if !receipt.lines.is_empty() {
        y += 4.0;
        let columns = [
            (LEFT, "Parcela"),
            (100.0, "Vencimento"),
            (140.0, "Principal"),
            (155.0, "Multa"),
            (170.0, "Juros"),
            (RIGHT, "Total"),
        ];
        page.shade(LEFT, y - 4.0, RIGHT - LEFT, 6.0);
        for (index, (x, label)) in columns.iter().enumerate() {
            if index < 2 {
                page.text(x + 1.0, y, 7.5, Weight::Bold, label);
            } else {
                page.text_right(*x - 1.0, y, 7.5, Weight::Bold, label);
            }
        }
        y += 6.0;
        for line in &receipt.lines {
            let total = line.principal + line.fine + line.interest;
            page.text(LEFT + 1.0, y, 7.5, Weight::Regular, &line.installment);
            page.text(101.0, y, 7.5, Weight::Regular, &date(line.due_date));
            let figures = [
                (140.0, line.principal),
                (155.0, line.fine),
                (170.0, line.interest),
                (RIGHT, total),
            ];
            for (x, value) in figures {
                page.text_right(x - 1.0, y, 7.5, Weight::Regular, &value.format_plain());
            }
            if line.discount.is_positive() {
                y += 4.0;
                page.text(
                    LEFT + 4.0,
                    y,
                    6.5,
                    Weight::Regular,
                    &format!(
                        "desconto por pagamento antecipado: {}",
                        line.discount.format_brl()
                    ),
                );
            }
            y += 5.0;
            if y > 250.0 {
                document.push(page);
                page = document.page();
                y = 20.0;
            }
        }
        page.hline(LEFT, RIGHT, y - 3.0, 0.2);
    }
    y += 4.0;
    page.text(
        LEFT,
        y,
        9.0,
        Weight::Bold,
        "Saldo em aberto após este pagamento",
    );
    page.text_right(RIGHT, y, 9.0, Weight::Bold, &receipt.remaining.format_brl());
    y += 8.0;
    if let Some(next) = &receipt.next {
        page.text(
            LEFT,
            y,
            8.5,
            Weight::Regular,
            &format!(
                "Próxima parcela: {} – vence em {} – {}",
                next.installment,
                date(next.due_date),
                next.amount.format_brl()
            ),
        );
        y += 4.0;
        if let Some(pix) = &next.pix {
            let code = QrModules::encode(&pix.payload)?;
            y = pix_block(&mut page, (LEFT, y), 32.0, 120.0, pix, &code) + 4.0;
        }
    }
    y += 14.0;
    page.hline(110.0, RIGHT, y, 0.2);
    page.text_centered(
        152.5,
        y + 4.0,
        7.5,
        Weight::Regular,
        &format!("{} – recebido por {}", store.display_name, receipt.clerk),
    );
    page.text_centered(
        152.5,
        y + 8.0,
        7.0,
        Weight::Regular,
        &format!(
            "{}, {}",
            store.party.city_line.split(" – ").next().unwrap_or(""),
            date(receipt.paid_on)
        ),
    );
    document.push(page);
    Ok(document.finish())
}
