//! CNAB 400 cobrança as Itaú lays it out (its manual "Cobrança CNAB 400"): the header,
//! one type-1 detail per title followed by a type-2 record with the fine, the trailer;
//! the return's type-1 details. Same frame as Bradesco's, other fields.

use chrono::{NaiveDate, NaiveDateTime};

use super::cnab240::{Title, inscription_kind};
use super::cnab400::{DetailLayout, read_details};
use super::record::{FieldError, RecordWriter, file_text};
use super::returns::{NotAReturn, ReturnEntry};

pub const WIDTH: usize = 400;

/// The store as Itaú knows it: the account and its DAC, the carteira.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItauPayee {
    pub tax_id: String,
    pub name: String,
    pub agency: String,
    pub account: String,
    pub account_dac: String,
    pub wallet: String,
}

/// The remittance file, CR LF after each record.
pub fn remittance(payee: &ItauPayee, titles: &[Title], at: NaiveDateTime) -> String {
    let mut lines = Vec::new();
    let mut header = RecordWriter::new(WIDTH);
    header
        .text(1, 9, "01REMESSA")
        .number(10, 11, 1)
        .text(12, 26, "COBRANCA")
        .digits(27, 30, &payee.agency)
        .number(31, 32, 0)
        .digits(33, 37, &payee.account)
        .digits(38, 38, &payee.account_dac)
        .text(47, 76, &payee.name)
        .number(77, 79, 341)
        .text(80, 94, "BANCO ITAU SA")
        .date(95, 100, Some(at.date()))
        .number(395, 400, 1);
    lines.push(header.finish());
    for title in titles {
        let payer = &title.payer;
        let postal = payer.postal_digits();
        let mut detail = RecordWriter::new(WIDTH);
        detail
            .number(1, 1, 1)
            .number(2, 3, inscription_kind(&payee.tax_id))
            .digits(4, 17, &payee.tax_id)
            .digits(18, 21, &payee.agency)
            .number(22, 23, 0)
            .digits(24, 28, &payee.account)
            .digits(29, 29, &payee.account_dac)
            .number(34, 37, 0)
            .text(38, 62, &title.document_number)
            .digits(63, 70, &title.our_number)
            .number(71, 83, 0)
            .digits(84, 86, &payee.wallet)
            .text(108, 108, "I")
            .number(109, 110, title.movement.code())
            .text(111, 120, &title.document_number)
            .date(121, 126, Some(title.due_date))
            .money(127, 139, title.amount)
            .number(140, 142, 341)
            .number(143, 147, 0)
            .number(148, 149, 1) // duplicata mercantil
            .text(150, 150, "N")
            .date(151, 156, Some(title.issued_on))
            .number(157, 160, 0)
            .money(161, 173, title.interest_per_day)
            .date(174, 179, None)
            .number(180, 218, 0)
            .number(219, 220, inscription_kind(&payer.tax_id))
            .digits(221, 234, &payer.tax_id)
            .text(235, 264, &payer.name)
            .text(275, 314, &payer.address)
            .text(315, 326, &payer.district)
            .digits(327, 334, &postal)
            .text(335, 349, &payer.city)
            .text(350, 351, &payer.state)
            .date(386, 391, title.due_date.succ_opt())
            .number(392, 393, 0)
            .number(395, 400, lines.len() as u64 + 1);
        lines.push(detail.finish());
        if title.fine_bp > 0 {
            // Registro 2: the fine as a percentage from the day after the due date.
            let mut fine = RecordWriter::new(WIDTH);
            fine.number(1, 1, 2)
                .number(2, 2, 2)
                .date(3, 10, title.due_date.succ_opt())
                .number(11, 23, u64::from(title.fine_bp))
                .number(395, 400, lines.len() as u64 + 1);
            lines.push(fine.finish());
        }
    }
    let mut trailer = RecordWriter::new(WIDTH);
    trailer
        .number(1, 1, 9)
        .number(395, 400, lines.len() as u64 + 1);
    lines.push(trailer.finish());
    file_text(&lines)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnFile {
    pub agency: String,
    pub account: String,
    pub generated_on: Option<NaiveDate>,
    pub entries: Vec<Result<ReturnEntry, FieldError>>,
}

/// Reads an Itaú return; any other file is refused whole.
pub fn read_return(text: &str) -> Result<ReturnFile, NotAReturn> {
    let layout = DetailLayout {
        our_number: (127, 134),
        reasons: (378, 4),
    };
    let (header, entries) = read_details(text, "341", &layout)?;
    Ok(ReturnFile {
        agency: header.text(27, 30).to_string(),
        account: header.text(33, 37).to_string(),
        generated_on: header.date(95, 100).ok().flatten(),
        entries,
    })
}
