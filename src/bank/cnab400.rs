//! CNAB 400 cobrança as Bradesco lays it out (its manual "Layout de Cobrança CNAB 400"):
//! the remittance's header, one type-1 detail per title and the trailer, the record's
//! sequence in positions 395–400; the return's type-1 details. Itaú's variant shares
//! the frame and differs in the fields; it comes with the bank screen.

use chrono::{NaiveDate, NaiveDateTime};

use super::cnab240::{Title, inscription_kind};
use super::record::{FieldError, RecordReader, RecordWriter, file_text, records};
use super::returns::{NotAReturn, ReturnEntry};

pub const WIDTH: usize = 400;

/// The store as Bradesco knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BradescoPayee {
    /// Código da empresa (given by the bank, 20 positions).
    pub company_code: String,
    pub name: String,
    pub wallet: String,
    pub agency: String,
    pub account: String,
    pub account_digit: String,
}

fn sequence(line: &mut RecordWriter, number: u64) {
    line.number(395, 400, number);
}

/// The remittance file, CR LF after each record and the end-of-file mark Bradesco asks.
pub fn remittance(payee: &BradescoPayee, titles: &[Title], nsa: u64, at: NaiveDateTime) -> String {
    let mut lines = Vec::new();
    let mut header = RecordWriter::new(WIDTH);
    header
        .number(1, 1, 0)
        .number(2, 2, 1)
        .text(3, 9, "REMESSA")
        .number(10, 11, 1)
        .text(12, 26, "COBRANCA")
        .digits(27, 46, &payee.company_code)
        .text(47, 76, &payee.name)
        .number(77, 79, 237)
        .text(80, 94, "BRADESCO")
        .date(95, 100, Some(at.date()))
        .text(109, 110, "MX")
        .number(111, 117, nsa);
    sequence(&mut header, 1);
    lines.push(header.finish());
    for title in titles {
        let mut detail = RecordWriter::new(WIDTH);
        let company = format!(
            "0{:0>3}{:0>5}{:0>7}{}",
            payee.wallet, payee.agency, payee.account, payee.account_digit
        );
        let (our_number, our_digit) = title
            .our_number
            .split_at(title.our_number.len().saturating_sub(1));
        let fine = title.fine_bp > 0;
        let payer = &title.payer;
        let postal = payer.postal_digits();
        let address = format!(
            "{} {} {} {}",
            payer.address, payer.district, payer.city, payer.state
        );
        detail
            .number(1, 1, 1)
            .number(2, 20, 0)
            .digits(21, 37, &company)
            .text(38, 62, &title.document_number)
            .number(63, 65, 0)
            .number(66, 66, if fine { 2 } else { 0 })
            .number(67, 70, u64::from(title.fine_bp))
            .digits(71, 81, our_number)
            .text(82, 82, our_digit)
            .number(83, 92, 0)
            .number(93, 93, 2) // the store issues the boleto
            .text(94, 94, "N")
            .number(109, 110, title.movement.code())
            .text(111, 120, &title.document_number)
            .date(121, 126, Some(title.due_date))
            .money(127, 139, title.amount)
            .number(140, 147, 0)
            .number(148, 149, 1) // duplicata
            .text(150, 150, "N")
            .date(151, 156, Some(title.issued_on))
            .number(157, 160, 0)
            .money(161, 173, title.interest_per_day)
            .date(174, 179, None)
            .number(180, 218, 0)
            .number(219, 220, inscription_kind(&payer.tax_id))
            .digits(221, 234, &payer.tax_id)
            .text(235, 274, &payer.name)
            .text(275, 314, &address)
            .digits(327, 331, postal.get(..5).unwrap_or_default())
            .digits(332, 334, postal.get(5..).unwrap_or_default());
        sequence(&mut detail, lines.len() as u64 + 1);
        lines.push(detail.finish());
    }
    let mut trailer = RecordWriter::new(WIDTH);
    trailer.number(1, 1, 9);
    sequence(&mut trailer, lines.len() as u64 + 1);
    lines.push(trailer.finish());
    // Bradesco's end-of-file mark.
    file_text(&lines) + "\u{1a}"
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnFile {
    pub company_code: String,
    pub generated_on: Option<NaiveDate>,
    pub entries: Vec<Result<ReturnEntry, FieldError>>,
}

/// Where a bank's CNAB 400 return keeps what differs between banks: the nosso número
/// (from, to) and the reason codes (from, how many); the rest sits at the same positions.
pub(super) struct DetailLayout {
    pub our_number: (usize, usize),
    pub reasons: (usize, usize),
}

fn entry_from(line: &RecordReader<'_>, layout: &DetailLayout) -> Result<ReturnEntry, FieldError> {
    Ok(ReturnEntry {
        line: line.line(),
        movement: line.number(109, 110)?,
        our_number: line
            .text(layout.our_number.0, layout.our_number.1)
            .to_string(),
        document_number: line.text(117, 126).to_string(),
        occurred_on: line.date(111, 116)?,
        due_date: line.date(147, 152)?,
        amount: line.money(153, 165)?,
        discount: line.money(241, 253)?,
        paid: line.money(254, 266)?,
        charges_paid: line.money(267, 279)?,
        credited_on: line.date(296, 301)?,
        reasons: line.codes(layout.reasons.0, layout.reasons.1),
    })
}

/// Each title of a return, or why its line could not be read.
pub(super) type Details = Vec<Result<ReturnEntry, FieldError>>;

/// A CNAB 400 return of `bank`: its header and each type-1 detail (a detail that cannot
/// be read is an error entry with its line, the rest still read).
pub(super) fn read_details<'a>(
    text: &'a str,
    bank: &str,
    layout: &DetailLayout,
) -> Result<(RecordReader<'a>, Details), NotAReturn> {
    let mut records = records(text, WIDTH).map_err(NotAReturn::Width)?.into_iter();
    let header = records.next().ok_or(NotAReturn::Empty)?;
    if header.raw(1, 9) != "02RETORNO" || header.raw(77, 79) != bank {
        return Err(NotAReturn::Header);
    }
    let details = records
        .filter(|record| record.raw(1, 1) == "1")
        .map(|record| entry_from(&record, layout))
        .collect();
    Ok((header, details))
}

/// Reads a Bradesco return; any other file is refused whole.
pub fn read_return(text: &str) -> Result<ReturnFile, NotAReturn> {
    let layout = DetailLayout {
        our_number: (71, 82),
        reasons: (319, 5),
    };
    let (header, entries) = read_details(text, "237", &layout)?;
    Ok(ReturnFile {
        company_code: header.text(27, 46).to_string(),
        generated_on: header.date(95, 100).ok().flatten(),
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::cnab240::{Movement, Payer};
    use crate::domain::money::Money;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn payee() -> BradescoPayee {
        BradescoPayee {
            company_code: "4567890".into(),
            name: "Móveis Conceição Ltda".into(),
            wallet: "09".into(),
            agency: "1234".into(),
            account: "56789".into(),
            account_digit: "0".into(),
        }
    }

    fn title() -> Title {
        Title {
            movement: Movement::Entry,
            our_number: "000000000017".into(),
            document_number: "12-3/10".into(),
            due_date: date(2026, 12, 10),
            amount: Money::from_cents(15_000),
            issued_on: date(2026, 11, 23),
            interest_per_day: Money::from_cents(5),
            fine_bp: 200,
            payer: Payer {
                tax_id: "52998224725".into(),
                name: "Joana Souza".into(),
                address: "Rua da Bahia 1200".into(),
                district: "Centro".into(),
                postal_code: "30160011".into(),
                city: "Belo Horizonte".into(),
                state: "MG".into(),
            },
        }
    }

    #[test]
    fn the_remittance_has_every_field_at_its_position() {
        let at = date(2026, 11, 23).and_hms_opt(10, 0, 0).unwrap();
        let text = remittance(&payee(), &[title(), title()], 12, at);
        assert!(text.ends_with("\r\n\u{1a}"));
        let lines: Vec<&str> = text
            .trim_end_matches('\u{1a}')
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines.len(), 4);
        assert!(
            lines
                .iter()
                .all(|line| line.len() == 400 && line.is_ascii())
        );
        let field = |line: usize, from: usize, to: usize| &lines[line][from - 1..to];
        assert_eq!(field(0, 1, 26), "01REMESSA01COBRANCA       ");
        assert_eq!(field(0, 27, 46), "00000000000004567890");
        assert_eq!(field(0, 77, 100), "237BRADESCO       231126");
        assert_eq!(field(0, 109, 117), "MX0000012");
        assert_eq!(field(0, 395, 400), "000001");
        assert_eq!(field(1, 21, 37), "00090123400567890");
        assert_eq!(field(1, 66, 82), "20200000000000017");
        assert_eq!(field(1, 109, 139), "0112-3/10   1012260000000015000");
        assert_eq!(field(1, 219, 234), "0100052998224725");
        assert_eq!(field(1, 327, 334), "30160011");
        assert_eq!(field(2, 395, 400), "000003");
        assert_eq!(field(3, 1, 1), "9");
        assert_eq!(field(3, 395, 400), "000004");
    }

    fn return_line(movement: u64, paid: i64, reasons: &str, sequence: u64) -> String {
        let mut line = RecordWriter::new(WIDTH);
        line.number(1, 1, 1)
            .text(71, 82, "000000000017")
            .number(109, 110, movement)
            .date(111, 116, Some(date(2026, 12, 10)))
            .text(117, 126, "12-3/10")
            .date(147, 152, Some(date(2026, 12, 10)))
            .money(153, 165, Money::from_cents(15_000))
            .money(254, 266, Money::from_cents(paid))
            .date(296, 301, Some(date(2026, 12, 11)))
            .text(319, 328, reasons)
            .number(395, 400, sequence);
        line.finish()
    }

    #[test]
    fn a_return_reads_payments_and_rejections() {
        let mut header = RecordWriter::new(WIDTH);
        header
            .text(1, 9, "02RETORNO")
            .digits(27, 46, "4567890")
            .number(77, 79, 237)
            .date(95, 100, Some(date(2026, 12, 11)))
            .number(395, 400, 1);
        let text = [
            header.finish(),
            return_line(6, 15_000, "", 2),
            return_line(3, 0, "0018", 3),
        ]
        .join("\r\n");
        let file = read_return(&text).unwrap();
        assert_eq!(file.company_code, "00000000000004567890");
        let paid = file.entries[0].as_ref().unwrap();
        assert_eq!(paid.movement, 6);
        assert_eq!(paid.paid, Money::from_cents(15_000));
        assert_eq!(paid.credited_on, Some(date(2026, 12, 11)));
        let rejected = file.entries[1].as_ref().unwrap();
        assert_eq!(rejected.reasons, vec!["18".to_string()]);
        assert_eq!(
            read_return(&return_line(6, 1, "", 1)),
            Err(NotAReturn::Header)
        );
    }
}
