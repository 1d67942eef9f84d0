//! Segunda via (spec §5.6): the registered boleto reprinted as it is — same barcode, same
//! value — with a box of what the installment is worth today, itemized by the charges
//! engine, and a Pix code for that updated amount when the store has a key.
//! Customer-facing, so in Portuguese (CDC art. 31).

use super::canvas::{Document, QrModules, Weight};
use super::ficha::boleto_parts;
use super::model::{BoletoSlip, Party, PixCode, StoreHeader, UpdatedAmount, date};
use super::pix_block::pix_block;
use crate::error::Result;

pub struct SecondCopy {
    pub store: StoreHeader,
    pub customer: Party,
    /// `Venda 12 – Sofá retrátil – parcela 3 de 10`.
    pub installment: String,
    pub due_date: chrono::NaiveDate,
    pub updated: UpdatedAmount,
    pub boleto: Option<BoletoSlip>,
    pub pix: Option<PixCode>,
}

pub fn render(copy: &SecondCopy) -> Result<Vec<u8>> {
    let mut document = Document::new("Segunda via")?;
    let mut page = document.page();
    let store = &copy.store;
    page.text(10.0, 16.0, 14.0, Weight::Bold, &store.display_name);
    page.text(10.0, 21.0, 7.5, Weight::Regular, &store.party.name_and_id());
    page.text(
        10.0,
        25.0,
        7.5,
        Weight::Regular,
        &store.party.full_address(),
    );
    page.text(
        10.0,
        29.0,
        7.5,
        Weight::Regular,
        &format!("{}  {}", store.phone, store.email),
    );
    page.text_right(200.0, 16.0, 14.0, Weight::Bold, "Segunda via");
    page.hline(10.0, 200.0, 32.0, 0.4);

    page.text(10.0, 39.0, 9.0, Weight::Bold, &copy.customer.name_and_id());
    page.text(10.0, 44.0, 8.5, Weight::Regular, &copy.installment);
    page.text(
        10.0,
        49.0,
        8.5,
        Weight::Regular,
        &format!("Vencimento original: {}", date(copy.due_date)),
    );

    // The updated amount, itemized.
    let updated = &copy.updated;
    let top = 54.0;
    page.shade(10.0, top, 95.0, 7.0);
    page.frame(10.0, top, 95.0, 41.0, 0.3);
    page.text(
        12.0,
        top + 5.0,
        9.0,
        Weight::Bold,
        &format!("Valor atualizado até {}", date(updated.as_of)),
    );
    let lines = [
        ("Principal", updated.principal),
        ("Multa", updated.fine),
        ("Juros de mora", updated.interest),
        ("Desconto", updated.discount),
    ];
    let mut y = top + 13.0;
    for (label, value) in lines {
        page.text(12.0, y, 8.5, Weight::Regular, label);
        page.text_right(102.0, y, 8.5, Weight::Regular, &value.format_brl());
        y += 5.0;
    }
    page.hline(12.0, 102.0, y - 3.0, 0.2);
    page.text(12.0, y + 1.5, 9.5, Weight::Bold, "Total a pagar hoje");
    page.text_right(
        102.0,
        y + 1.5,
        9.5,
        Weight::Bold,
        &updated.total.format_brl(),
    );
    if updated.days_overdue > 0 {
        page.text(
            12.0,
            y + 6.0,
            6.5,
            Weight::Regular,
            &format!("{} dias de atraso", updated.days_overdue),
        );
    }

    let note = if copy.boleto.is_some() {
        "O boleto abaixo é o registrado no banco: o código de barras mantém o valor e o \
         vencimento originais, e o banco acrescenta multa e juros ao receber depois do \
         vencimento, pelas instruções registradas."
    } else {
        "Esta parcela não tem boleto registrado: pague o valor atualizado pelo Pix ou na loja."
    };
    page.paragraph(110.0, top + 4.0, 90.0, 7.0, Weight::Regular, note);
    if let Some(pix) = &copy.pix {
        let code = QrModules::encode(&pix.payload)?;
        pix_block(&mut page, (110.0, top + 17.0), 30.0, 58.0, pix, &code);
    }
    if let Some(slip) = &copy.boleto {
        boleto_parts(&mut page, slip)?;
    }
    document.push(page);
    Ok(document.finish())
}
