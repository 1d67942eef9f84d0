//! The two parts of a boleto: the payer's receipt (recibo do pagador) and the compensation
//! slip (ficha de compensação), laid out as the FEBRABAN grid (`boleto-spec.md` §5.2–5.3).
//! Their labels are the banks' own Portuguese words, whatever the app's language: the
//! slip is read by bank tellers and scanners, and the consumer is owed Portuguese
//! (CDC art. 31).

use super::canvas::{Page, Weight};
use super::model::{BoletoSlip, date};
use crate::error::Result;

const LEFT: f32 = 10.0;
const RIGHT: f32 = 200.0;
/// Where the right-hand column (vencimento, valores) starts.
const COLUMN: f32 = 150.0;
const ROW: f32 = 7.5;
const LABEL: f32 = 5.5;
const VALUE: f32 = 8.0;
const THIN: f32 = 0.2;
const THICK: f32 = 0.5;

/// FEBRABAN size of the barcode (§4): 103 × 13 mm.
pub const BARCODE_WIDTH: f32 = 103.0;
pub const BARCODE_HEIGHT: f32 = 13.0;

/// Height of the ficha as drawn by [`ficha`].
pub const FICHA_HEIGHT: f32 = 98.5;
/// Height of the payer's receipt as drawn by [`payer_receipt`].
pub const RECEIPT_HEIGHT: f32 = 52.0;

/// A labelled box: the label small at the top, the value below it.
fn cell(page: &mut Page, x: f32, y: f32, label: &str, value: &str) {
    page.text(x + 1.0, y + 2.3, LABEL, Weight::Regular, label);
    page.text(x + 1.0, y + 6.3, VALUE, Weight::Regular, value);
}

fn cell_right(page: &mut Page, x: f32, right: f32, y: f32, label: &str, value: &str, bold: bool) {
    page.text(x + 1.0, y + 2.3, LABEL, Weight::Regular, label);
    let weight = if bold { Weight::Bold } else { Weight::Regular };
    page.text_right(right - 1.0, y + 6.3, VALUE, weight, value);
}

/// Bank name, bank code with its digit, and a text (the digitable line, or a title).
fn bank_header(page: &mut Page, y: f32, slip: &BoletoSlip, right_text: &str, right_size: f32) {
    page.text(LEFT, y + 6.5, 11.0, Weight::Bold, slip.bank.name());
    page.vline(52.0, y + 1.0, y + 9.0, THICK);
    page.text_centered(63.5, y + 7.0, 14.0, Weight::Bold, slip.bank.printed_code());
    page.vline(75.0, y + 1.0, y + 9.0, THICK);
    page.text_right(RIGHT, y + 6.8, right_size, Weight::Bold, right_text);
    page.hline(LEFT, RIGHT, y + 9.0, THICK);
}

/// The payee with CPF/CNPJ and address (Lei 12.039/2009), and the agency / beneficiary
/// code: 10 mm from `row`.
fn payee_row(page: &mut Page, row: f32, slip: &BoletoSlip) {
    page.text(
        LEFT + 1.0,
        row + 2.3,
        LABEL,
        Weight::Regular,
        "Beneficiário",
    );
    page.text(
        LEFT + 1.0,
        row + 5.8,
        VALUE,
        Weight::Regular,
        &slip.payee.name_and_id(),
    );
    page.text(
        LEFT + 1.0,
        row + 9.0,
        6.5,
        Weight::Regular,
        &slip.payee.full_address(),
    );
    cell_right(
        page,
        COLUMN,
        RIGHT,
        row,
        "Agência / Código do beneficiário",
        &slip.agency_code,
        false,
    );
    page.hline(LEFT, RIGHT, row + 10.0, THIN);
}

/// The ficha de compensação with its top edge at `y`.
pub fn ficha(page: &mut Page, y: f32, slip: &BoletoSlip) -> Result<()> {
    bank_header(page, y, slip, &slip.digitable_line, 9.5);
    let mut row = y + 9.0;

    // B: place of payment | due date.
    cell(
        page,
        LEFT,
        row,
        "Local de pagamento",
        slip.bank.payment_place(),
    );
    cell_right(
        page,
        COLUMN,
        RIGHT,
        row,
        "Vencimento",
        &date(slip.due_date),
        true,
    );
    page.hline(LEFT, RIGHT, row + ROW, THIN);
    row += ROW;

    // C: payee with CPF/CNPJ and address | agency / beneficiary code.
    payee_row(page, row, slip);
    row += 10.0;

    // D: document data | nosso número.
    let d_cells = [
        (LEFT, 34.0, "Data do documento", date(slip.document_date)),
        (44.0, 34.0, "Nº do documento", slip.document_number.clone()),
        (78.0, 20.0, "Espécie doc.", "DM".to_string()),
        (98.0, 14.0, "Aceite", "N".to_string()),
        (
            112.0,
            38.0,
            "Data do processamento",
            date(slip.processing_date),
        ),
    ];
    for (x, _, label, value) in &d_cells {
        cell(page, *x, row, label, value);
        if *x > LEFT {
            page.vline(*x, row, row + ROW, THIN);
        }
    }
    cell_right(
        page,
        COLUMN,
        RIGHT,
        row,
        "Nosso número",
        &slip.our_number,
        false,
    );
    page.hline(LEFT, RIGHT, row + ROW, THIN);
    row += ROW;

    // E: bank use, wallet, currency, quantity, value | document value.
    let e_cells = [
        (LEFT, "Uso do banco", String::new()),
        (44.0, "Carteira", slip.wallet.clone()),
        (78.0, "Espécie", "R$".to_string()),
        (98.0, "Quantidade", String::new()),
        (125.0, "(x) Valor", String::new()),
    ];
    for (x, label, value) in &e_cells {
        cell(page, *x, row, label, value);
        if *x > LEFT {
            page.vline(*x, row, row + ROW, THIN);
        }
    }
    cell_right(
        page,
        COLUMN,
        RIGHT,
        row,
        "(=) Valor do documento",
        &slip.amount.format_brl(),
        true,
    );
    page.hline(LEFT, RIGHT, row + ROW, THIN);
    row += ROW;

    // F–H: instructions | discount, fine and interest, amount charged (left blank).
    page.text(
        LEFT + 1.0,
        row + 2.3,
        LABEL,
        Weight::Regular,
        "Instruções (texto de responsabilidade do beneficiário)",
    );
    let mut line_y = row + 5.8;
    for instruction in &slip.instructions {
        line_y = page.paragraph(
            LEFT + 1.0,
            line_y,
            COLUMN - LEFT - 3.0,
            7.0,
            Weight::Regular,
            instruction,
        );
        if line_y > row + 3.0 * ROW {
            break;
        }
    }
    for (index, label) in [
        "(−) Desconto / Abatimento",
        "(+) Juros / Multa",
        "(=) Valor cobrado",
    ]
    .iter()
    .enumerate()
    {
        let box_y = row + index as f32 * ROW;
        page.text(COLUMN + 1.0, box_y + 2.3, LABEL, Weight::Regular, label);
        if index < 2 {
            page.hline(COLUMN, RIGHT, box_y + ROW, THIN);
        }
    }
    page.hline(LEFT, RIGHT, row + 3.0 * ROW, THIN);
    page.vline(COLUMN, y + 9.0, row + 3.0 * ROW, THIN);
    row += 3.0 * ROW;

    // I: payer.
    page.text(LEFT + 1.0, row + 2.3, LABEL, Weight::Regular, "Pagador");
    page.text(
        LEFT + 1.0,
        row + 5.8,
        VALUE,
        Weight::Regular,
        &slip.payer.name_and_id(),
    );
    page.text(
        LEFT + 1.0,
        row + 9.2,
        7.0,
        Weight::Regular,
        &slip.payer.full_address(),
    );
    page.hline(LEFT, RIGHT, row + 12.0, THICK);
    row += 12.0;

    // J: the barcode, 12 mm from the ficha's bottom edge to its centre, 5 mm clear on
    // each side.
    let bottom = y + FICHA_HEIGHT;
    let barcode_top = bottom - 12.0 - BARCODE_HEIGHT / 2.0;
    page.itf(
        LEFT + 5.0,
        barcode_top,
        BARCODE_WIDTH,
        BARCODE_HEIGHT,
        &slip.barcode,
    )?;
    page.text_right(
        RIGHT,
        row + 2.8,
        LABEL,
        Weight::Regular,
        "Autenticação mecânica – Ficha de Compensação",
    );
    Ok(())
}

/// The payer's receipt (recibo do pagador) with its top edge at `y`.
pub fn payer_receipt(page: &mut Page, y: f32, slip: &BoletoSlip) {
    bank_header(page, y, slip, "Recibo do Pagador", 11.0);
    let mut row = y + 9.0;
    payee_row(page, row, slip);
    row += 10.0;

    cell(page, LEFT, row, "Pagador", &slip.payer.name_and_id());
    cell_right(
        page,
        COLUMN,
        RIGHT,
        row,
        "Vencimento",
        &date(slip.due_date),
        true,
    );
    page.hline(LEFT, RIGHT, row + ROW, THIN);
    row += ROW;

    cell(page, LEFT, row, "Nosso número", &slip.our_number);
    page.vline(70.0, row, row + ROW, THIN);
    cell(page, 70.0, row, "Nº do documento", &slip.document_number);
    page.vline(110.0, row, row + ROW, THIN);
    cell(
        page,
        110.0,
        row,
        "Data do documento",
        &date(slip.document_date),
    );
    cell_right(
        page,
        COLUMN,
        RIGHT,
        row,
        "(=) Valor do documento",
        &slip.amount.format_brl(),
        true,
    );
    page.hline(LEFT, RIGHT, row + ROW, THIN);
    page.vline(COLUMN, y + 9.0, row + ROW, THIN);
    row += ROW;

    cell(page, LEFT, row, "Linha digitável", &slip.digitable_line);
    page.hline(LEFT, RIGHT, row + ROW, THIN);
    row += ROW;
    page.text_right(
        RIGHT,
        row + 3.0,
        LABEL,
        Weight::Regular,
        "Autenticação mecânica",
    );
}

/// Top of the payer's receipt and of the ficha on an A4 boleto page: the ficha at the
/// bottom, the cut line between them (§5.1).
pub const RECEIPT_TOP: f32 = 128.0;
pub const FICHA_TOP: f32 = 192.0;

/// Both parts of a boleto in the lower two thirds of an A4 page.
pub fn boleto_parts(page: &mut Page, slip: &BoletoSlip) -> Result<()> {
    payer_receipt(page, RECEIPT_TOP, slip);
    let cut = (RECEIPT_TOP + RECEIPT_HEIGHT + FICHA_TOP) / 2.0;
    page.cut_line(LEFT, RIGHT, cut);
    page.text_right(
        RIGHT,
        cut - 1.0,
        5.5,
        Weight::Regular,
        "corte na linha pontilhada",
    );
    ficha(page, FICHA_TOP, slip)
}
