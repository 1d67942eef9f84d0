//! Carnê: one slip per installment, three to an A4 page (spec §5.4). Each slip has a stub
//! the store keeps (canhoto) and the part the customer pays with: the boleto's line and
//! barcode and/or the Pix QR. Customer-facing, so in Portuguese (CDC art. 31).

use super::canvas::{Document, Page, QrModules, Weight};
use super::ficha::{BARCODE_HEIGHT, BARCODE_WIDTH};
use super::model::{BoletoSlip, Party, PixCode, StoreHeader, date};
use super::pix_block::pix_block;
use crate::domain::money::Money;
use crate::error::Result;

pub const SLIPS_PER_PAGE: usize = 3;
const SLIP_HEIGHT: f32 = 97.0;
const TOP: f32 = 5.0;
const STUB_LEFT: f32 = 6.0;
const STUB_RIGHT: f32 = 54.0;
const MAIN_LEFT: f32 = 60.0;
const RIGHT: f32 = 205.0;
const COLUMN: f32 = 160.0;

pub struct CarneSlip {
    pub number: u32,
    pub count: u32,
    pub due_date: chrono::NaiveDate,
    pub amount: Money,
    pub boleto: Option<BoletoSlip>,
    pub pix: Option<PixCode>,
}

pub struct Carne {
    pub store: StoreHeader,
    pub customer: Party,
    /// `Venda 12 de 03/05/2026 – Sofá retrátil`.
    pub title: String,
    pub slips: Vec<CarneSlip>,
}

fn label_value(page: &mut Page, x: f32, y: f32, label: &str, value: &str, bold: bool) {
    page.text(x, y, 5.5, Weight::Regular, label);
    let weight = if bold { Weight::Bold } else { Weight::Regular };
    page.text(x, y + 3.6, 8.0, weight, value);
}

fn label_value_right(page: &mut Page, x: f32, right: f32, y: f32, label: &str, value: &str) {
    page.text(x + 1.0, y, 5.5, Weight::Regular, label);
    page.text_right(right - 1.0, y + 3.6, 8.0, Weight::Bold, value);
}

fn stub(page: &mut Page, y: f32, carne: &Carne, slip: &CarneSlip) {
    page.text(
        STUB_LEFT,
        y + 5.0,
        8.0,
        Weight::Bold,
        &carne.store.display_name,
    );
    page.text(
        STUB_LEFT,
        y + 8.5,
        5.5,
        Weight::Regular,
        "Canhoto – fica com a loja",
    );
    let mut row = y + 13.0;
    let number = format!("{} de {}", slip.number, slip.count);
    let our_number = slip
        .boleto
        .as_ref()
        .map_or_else(|| "Pix".to_string(), |b| b.our_number.clone());
    let fields = [
        ("Parcela", number, true),
        ("Vencimento", date(slip.due_date), true),
        ("Valor", slip.amount.format_brl(), true),
        ("Nosso número", our_number, false),
    ];
    for (label, value, bold) in fields {
        label_value(page, STUB_LEFT, row, label, &value, bold);
        row += 9.0;
    }
    page.text(STUB_LEFT, row, 5.5, Weight::Regular, "Cliente");
    page.paragraph(
        STUB_LEFT,
        row + 3.6,
        STUB_RIGHT - STUB_LEFT,
        7.0,
        Weight::Regular,
        &carne.customer.name,
    );
    row += 14.0;
    page.text(
        STUB_LEFT,
        row,
        5.5,
        Weight::Regular,
        "Pago em ____/____/______",
    );
    page.hline(STUB_LEFT, STUB_RIGHT, row + 9.0, 0.2);
    page.text(
        STUB_LEFT,
        row + 11.5,
        5.5,
        Weight::Regular,
        "Visto de quem recebeu",
    );
}

fn main_part(
    page: &mut Page,
    y: f32,
    carne: &Carne,
    slip: &CarneSlip,
    code: Option<&QrModules>,
) -> Result<()> {
    let header = match &slip.boleto {
        Some(boleto) => {
            page.text(MAIN_LEFT, y + 5.5, 8.5, Weight::Bold, boleto.bank.name());
            page.text(
                MAIN_LEFT + 28.0,
                y + 5.5,
                10.0,
                Weight::Bold,
                boleto.bank.printed_code(),
            );
            boleto.digitable_line.clone()
        }
        None => carne.store.display_name.clone(),
    };
    page.text_right(RIGHT, y + 5.5, 7.5, Weight::Bold, &header);
    page.hline(MAIN_LEFT, RIGHT, y + 7.5, 0.4);
    let mut row = y + 10.0;
    let place = slip
        .boleto
        .as_ref()
        .map_or("Na loja ou pelo Pix", |b| b.bank.payment_place());
    label_value(
        page,
        MAIN_LEFT + 1.0,
        row,
        "Local de pagamento",
        place,
        false,
    );
    label_value_right(page, COLUMN, RIGHT, row, "Vencimento", &date(slip.due_date));
    page.hline(MAIN_LEFT, RIGHT, row + 5.5, 0.2);
    row += 7.5;
    label_value(
        page,
        MAIN_LEFT + 1.0,
        row,
        "Beneficiário",
        &carne.store.party.name_and_id(),
        false,
    );
    let agency = slip
        .boleto
        .as_ref()
        .map_or(String::new(), |b| b.agency_code.clone());
    label_value_right(
        page,
        COLUMN,
        RIGHT,
        row,
        "Agência / Código do beneficiário",
        &agency,
    );
    page.hline(MAIN_LEFT, RIGHT, row + 5.5, 0.2);
    row += 7.5;
    label_value(
        page,
        MAIN_LEFT + 1.0,
        row,
        "Pagador",
        &carne.customer.name_and_id(),
        false,
    );
    let our_number = slip
        .boleto
        .as_ref()
        .map_or(String::new(), |b| b.our_number.clone());
    label_value_right(page, COLUMN, RIGHT, row, "Nosso número", &our_number);
    page.hline(MAIN_LEFT, RIGHT, row + 5.5, 0.2);
    row += 7.5;
    let document = slip.boleto.as_ref().map_or_else(
        || format!("{} de {}", slip.number, slip.count),
        |b| b.document_number.clone(),
    );
    label_value(
        page,
        MAIN_LEFT + 1.0,
        row,
        "Nº do documento / parcela",
        &format!("{document} – {}", carne.title),
        false,
    );
    label_value_right(
        page,
        COLUMN,
        RIGHT,
        row,
        "(=) Valor do documento",
        &slip.amount.format_brl(),
    );
    page.hline(MAIN_LEFT, RIGHT, row + 5.5, 0.2);
    page.vline(COLUMN, y + 7.5, row + 5.5, 0.2);
    row += 7.5;
    if let Some(boleto) = &slip.boleto {
        page.text(MAIN_LEFT + 1.0, row, 5.5, Weight::Regular, "Instruções");
        let text = boleto.instructions[..boleto.instructions.len().min(2)].join(" ");
        page.paragraph(
            MAIN_LEFT + 1.0,
            row + 3.2,
            RIGHT - MAIN_LEFT - 2.0,
            6.0,
            Weight::Regular,
            &text,
        );
        // 5 mm quiet zone before and after the bars.
        page.itf(
            MAIN_LEFT + 5.0,
            y + SLIP_HEIGHT - 24.0,
            BARCODE_WIDTH,
            BARCODE_HEIGHT,
            &boleto.barcode,
        )?;
        if let Some(code) = code {
            page.qr(RIGHT - 27.0, y + SLIP_HEIGHT - 34.0, 27.0, code);
            page.text_right(
                RIGHT - 1.0,
                y + SLIP_HEIGHT - 5.5,
                5.5,
                Weight::Regular,
                "Pix: aponte a câmera",
            );
        }
    } else if let (Some(pix), Some(code)) = (&slip.pix, code) {
        pix_block(
            page,
            (MAIN_LEFT + 1.0, row + 1.0),
            40.0,
            RIGHT - MAIN_LEFT - 46.0,
            pix,
            code,
        );
    }
    Ok(())
}

/// The carnês of one or more sales in one PDF; each sale starts on a new page.
pub fn render(carnes: &[Carne]) -> Result<Vec<u8>> {
    let mut document = Document::new("Carnê")?;
    let payloads: Vec<&str> = carnes
        .iter()
        .flat_map(|carne| &carne.slips)
        .filter_map(|slip| slip.pix.as_ref().map(|pix| pix.payload.as_str()))
        .collect();
    let mut codes = QrModules::encode_all(&payloads)?.into_iter();
    for carne in carnes {
        let codes: Vec<Option<QrModules>> = carne
            .slips
            .iter()
            .map(|slip| slip.pix.as_ref().and_then(|_| codes.next()))
            .collect();
        add_pages(&mut document, carne, &codes)?;
    }
    Ok(document.finish())
}

fn add_pages(document: &mut Document, carne: &Carne, codes: &[Option<QrModules>]) -> Result<()> {
    for (page_index, chunk) in carne.slips.chunks(SLIPS_PER_PAGE).enumerate() {
        let mut page = document.page();
        for (index, slip) in chunk.iter().enumerate() {
            let y = TOP + index as f32 * SLIP_HEIGHT;
            stub(&mut page, y, carne, slip);
            page.cut_line_vertical(57.0, y + 2.0, y + SLIP_HEIGHT - 2.0);
            let code = codes[page_index * SLIPS_PER_PAGE + index].as_ref();
            main_part(&mut page, y, carne, slip, code)?;
            if index + 1 < chunk.len() {
                page.cut_line(3.0, 207.0, y + SLIP_HEIGHT);
            }
        }
        document.push(page);
    }
    Ok(())
}
