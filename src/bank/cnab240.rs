//! CNAB 240 cobrança in the FEBRABAN layout the banks build their variants on: the
//! remittance's file and lot headers, segments P (the title), Q (the payer) and R (the
//! fine), the trailers with their counts and totals; the return's segments T and U.
//! Positions as in `boleto-spec.md` §6. Each bank's own fields (how it writes the
//! convênio and the nosso número) are filled by the caller through `Payee`.

use chrono::{NaiveDate, NaiveDateTime};

use super::record::{FieldError, RecordReader, RecordWriter, file_text, records};
use super::returns::{NotAReturn, ReturnEntry};
use crate::domain::money::Money;

pub const WIDTH: usize = 240;

/// The store as the bank knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payee {
    pub bank_code: String,
    pub bank_name: String,
    /// CNPJ digits (14) or CPF digits (11).
    pub tax_id: String,
    pub name: String,
    /// The convênio / código do beneficiário, as the bank wants it in 20 positions.
    pub convenio: String,
    pub agency: String,
    pub agency_digit: String,
    pub account: String,
    pub account_digit: String,
    /// The file layout version the bank's manual names (e.g. "083").
    pub file_layout: String,
    pub lot_layout: String,
}

/// What a remittance line asks of the bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    /// Entrada de título: register a new boleto.
    Entry,
    /// Pedido de baixa: the boleto is no longer to be paid.
    WriteOff,
    /// Alteração de vencimento.
    DueDate,
}

impl Movement {
    pub fn code(self) -> u64 {
        match self {
            Movement::Entry => 1,
            Movement::WriteOff => 2,
            Movement::DueDate => 6,
        }
    }
}

/// The payer (pagador), printed on the boleto and registered with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payer {
    pub tax_id: String,
    pub name: String,
    pub address: String,
    pub district: String,
    /// Eight digits.
    pub postal_code: String,
    pub city: String,
    pub state: String,
}

/// One boleto in the remittance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    pub movement: Movement,
    /// The nosso número as the bank wants it in positions 38–57.
    pub our_number: String,
    /// Seu número: how the store knows it (sale and installment).
    pub document_number: String,
    pub due_date: NaiveDate,
    pub amount: Money,
    pub issued_on: NaiveDate,
    /// Late interest per day, from the day after the due date.
    pub interest_per_day: Money,
    /// Fine as hundredths of a percent (200 = 2 %), from the day after the due date.
    pub fine_bp: u32,
    pub payer: Payer,
}

impl Payer {
    /// The CEP's digits (the layouts split them five and three).
    pub(super) fn postal_digits(&self) -> String {
        self.postal_code
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    }
}

/// 1 for a CPF, 2 for a CNPJ, as every layout codes the kind of a tax id.
pub(super) fn inscription_kind(tax_id: &str) -> u64 {
    if tax_id.chars().filter(char::is_ascii_digit).count() == 11 {
        1
    } else {
        2
    }
}

fn control(line: &mut RecordWriter, payee: &Payee, lot: u64, kind: u64) {
    line.digits(1, 3, &payee.bank_code)
        .number(4, 7, lot)
        .number(8, 8, kind);
}

fn account_fields(line: &mut RecordWriter, payee: &Payee, from: usize) {
    // Agency (5) + digit, account (12) + digit, then the agency/account digit (blank).
    line.digits(from, from + 4, &payee.agency)
        .text(from + 5, from + 5, &payee.agency_digit)
        .digits(from + 6, from + 17, &payee.account)
        .text(from + 18, from + 18, &payee.account_digit)
        .text(from + 19, from + 19, "");
}

/// The remittance file: one lot with every title, lines ending in CR LF.
pub fn remittance(payee: &Payee, titles: &[Title], nsa: u64, at: NaiveDateTime) -> String {
    let mut lines = Vec::new();
    let mut header = RecordWriter::new(WIDTH);
    control(&mut header, payee, 0, 0);
    header
        .number(18, 18, inscription_kind(&payee.tax_id))
        .digits(19, 32, &payee.tax_id)
        .text(33, 52, &payee.convenio);
    account_fields(&mut header, payee, 53);
    header
        .text(73, 102, &payee.name)
        .text(103, 132, &payee.bank_name)
        .number(143, 143, 1)
        .date(144, 151, Some(at.date()))
        .digits(152, 157, &at.format("%H%M%S").to_string())
        .number(158, 163, nsa)
        .digits(164, 166, &payee.file_layout)
        .number(167, 171, 0);
    lines.push(header.finish());

    let mut lot = RecordWriter::new(WIDTH);
    control(&mut lot, payee, 1, 1);
    lot.text(9, 9, "R")
        .number(10, 11, 1)
        .digits(14, 16, &payee.lot_layout)
        .number(18, 18, inscription_kind(&payee.tax_id))
        .digits(19, 33, &payee.tax_id)
        .text(34, 53, &payee.convenio);
    account_fields(&mut lot, payee, 54);
    lot.text(74, 103, &payee.name)
        .number(184, 191, nsa)
        .date(192, 199, Some(at.date()))
        .number(200, 207, 0);
    lines.push(lot.finish());

    let mut sequence = 0;
    let mut next = || {
        sequence += 1;
        sequence
    };
    let mut total = Money::ZERO;
    for title in titles {
        total += title.amount;
        let movement = title.movement.code();
        let mut p = RecordWriter::new(WIDTH);
        control(&mut p, payee, 1, 3);
        p.number(9, 13, next())
            .text(14, 14, "P")
            .number(16, 17, movement);
        account_fields(&mut p, payee, 18);
        p.text(38, 57, &title.our_number)
            .number(58, 58, 1) // cobrança simples
            .number(59, 59, 1) // registered
            .number(60, 60, 2) // scriptural
            .number(61, 61, 2) // the store issues the boleto
            .number(62, 62, 2) // the store delivers it
            .text(63, 77, &title.document_number)
            .date(78, 85, Some(title.due_date))
            .money(86, 100, title.amount)
            .number(101, 106, 0)
            .number(107, 108, 2) // duplicata mercantil
            .text(109, 109, "N")
            .date(110, 117, Some(title.issued_on))
            .number(
                118,
                118,
                if title.interest_per_day.is_positive() {
                    1
                } else {
                    3
                },
            )
            .date(
                119,
                126,
                title
                    .interest_per_day
                    .is_positive()
                    .then(|| title.due_date.succ_opt())
                    .flatten(),
            )
            .money(127, 141, title.interest_per_day)
            .number(142, 142, 0)
            .date(143, 150, None)
            .number(151, 165, 0)
            .number(166, 180, 0)
            .number(181, 195, 0)
            .text(196, 220, &title.document_number)
            .number(221, 221, 3) // no protest
            .number(222, 223, 0)
            .number(224, 224, 0)
            .number(225, 227, 0)
            .number(228, 229, 9) // real
            .number(230, 239, 0);
        lines.push(p.finish());

        let payer = &title.payer;
        let postal = payer.postal_digits();
        let mut q = RecordWriter::new(WIDTH);
        control(&mut q, payee, 1, 3);
        q.number(9, 13, next())
            .text(14, 14, "Q")
            .number(16, 17, movement)
            .number(18, 18, inscription_kind(&payer.tax_id))
            .digits(19, 33, &payer.tax_id)
            .text(34, 73, &payer.name)
            .text(74, 113, &payer.address)
            .text(114, 128, &payer.district)
            .digits(129, 133, postal.get(..5).unwrap_or_default())
            .digits(134, 136, postal.get(5..).unwrap_or_default())
            .text(137, 151, &payer.city)
            .text(152, 153, &payer.state)
            .number(154, 154, 0)
            .number(155, 169, 0)
            .number(210, 212, 0);
        lines.push(q.finish());

        let mut r = RecordWriter::new(WIDTH);
        control(&mut r, payee, 1, 3);
        r.number(9, 13, next())
            .text(14, 14, "R")
            .number(16, 17, movement)
            .number(18, 18, 0)
            .number(19, 41, 0)
            .number(42, 42, 0)
            .number(43, 65, 0)
            .number(66, 66, if title.fine_bp > 0 { 2 } else { 0 })
            .date(
                67,
                74,
                (title.fine_bp > 0)
                    .then(|| title.due_date.succ_opt())
                    .flatten(),
            )
            .number(75, 89, u64::from(title.fine_bp));
        lines.push(r.finish());
    }

    let records_in_lot = sequence + 2;
    let mut lot_trailer = RecordWriter::new(WIDTH);
    control(&mut lot_trailer, payee, 1, 5);
    lot_trailer
        .number(18, 23, records_in_lot)
        .number(24, 29, titles.len() as u64)
        .money(30, 46, total);
    lines.push(lot_trailer.finish());

    let mut trailer = RecordWriter::new(WIDTH);
    control(&mut trailer, payee, 9999, 9);
    trailer
        .number(18, 23, 1)
        .number(24, 29, lines.len() as u64 + 1)
        .number(30, 35, 0);
    lines.push(trailer.finish());
    file_text(&lines)
}

/// A return file read: its header and each title, or the line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnFile {
    pub bank_code: String,
    pub tax_id: String,
    pub agency: String,
    pub account: String,
    pub nsa: u64,
    pub generated_on: Option<NaiveDate>,
    pub entries: Vec<Result<ReturnEntry, FieldError>>,
}

fn entry_from(
    t: &RecordReader<'_>,
    u: Option<&RecordReader<'_>>,
) -> Result<ReturnEntry, FieldError> {
    let reasons = t.codes(214, 5);
    let mut entry = ReturnEntry {
        line: t.line(),
        movement: t.number(16, 17)?,
        our_number: t.text(38, 57).to_string(),
        document_number: t.text(59, 73).to_string(),
        due_date: t.date(74, 81)?,
        amount: t.money(82, 96)?,
        reasons,
        charges_paid: Money::ZERO,
        discount: Money::ZERO,
        paid: Money::ZERO,
        occurred_on: None,
        credited_on: None,
    };
    if let Some(u) = u {
        entry.charges_paid = u.money(18, 32)?;
        entry.discount = u.money(33, 47)?;
        entry.paid = u.money(78, 92)?;
        entry.occurred_on = u.date(138, 145)?;
        entry.credited_on = u.date(146, 153)?;
    }
    Ok(entry)
}

/// Reads a return file. A detail line that cannot be read becomes an error entry with
/// its line number and the rest is still read; a file that is not a CNAB 240 return
/// is refused whole.
pub fn read_return(text: &str) -> Result<ReturnFile, NotAReturn> {
    let records = records(text, WIDTH).map_err(NotAReturn::Width)?;
    let header = records.first().ok_or(NotAReturn::Empty)?;
    if header.raw(8, 8) != "0" || header.raw(143, 143) != "2" {
        return Err(NotAReturn::Header);
    }
    let mut file = ReturnFile {
        bank_code: header.raw(1, 3).to_string(),
        tax_id: header.text(19, 32).to_string(),
        agency: header.text(53, 57).trim_start_matches('0').to_string(),
        account: header.text(59, 70).trim_start_matches('0').to_string(),
        nsa: header.number(158, 163).map_err(NotAReturn::Field)?,
        generated_on: header.date(144, 151).map_err(NotAReturn::Field)?,
        entries: Vec::new(),
    };
    let mut index = 1;
    while index < records.len() {
        let record = &records[index];
        if record.raw(8, 8) == "3" && record.raw(14, 14) == "T" {
            let u = records
                .get(index + 1)
                .filter(|next| next.raw(8, 8) == "3" && next.raw(14, 14) == "U");
            file.entries.push(entry_from(record, u));
            index += if u.is_some() { 2 } else { 1 };
        } else {
            index += 1;
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn payee() -> Payee {
        Payee {
            bank_code: "001".into(),
            bank_name: "Banco do Brasil S.A.".into(),
            tax_id: "34665388000161".into(),
            name: "Móveis Conceição Ltda".into(),
            convenio: "003128557".into(),
            agency: "1607".into(),
            agency_digit: "1".into(),
            account: "30120".into(),
            account_digit: "4".into(),
            file_layout: "083".into(),
            lot_layout: "042".into(),
        }
    }

    fn title(our_number: &str, cents: i64) -> Title {
        Title {
            movement: Movement::Entry,
            our_number: our_number.into(),
            document_number: "12-3/10".into(),
            due_date: date(2026, 12, 10),
            amount: Money::from_cents(cents),
            issued_on: date(2026, 11, 23),
            interest_per_day: Money::from_cents(5),
            fine_bp: 200,
            payer: Payer {
                tax_id: "52998224725".into(),
                name: "Joana D’Arc Souza".into(),
                address: "Rua da Bahia, 1200".into(),
                district: "Centro".into(),
                postal_code: "30160-011".into(),
                city: "Belo Horizonte".into(),
                state: "MG".into(),
            },
        }
    }

    #[test]
    fn the_remittance_has_every_field_at_its_position_and_the_trailers_add_up() {
        let at = date(2026, 11, 23).and_hms_opt(10, 30, 5).unwrap();
        let text = remittance(
            &payee(),
            &[
                title("31285570000000001", 15_000),
                title("31285570000000002", 2_550),
            ],
            7,
            at,
        );
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        // Header, lot header, P Q R twice, lot trailer, trailer.
        assert_eq!(lines.len(), 10);
        assert!(
            lines
                .iter()
                .all(|line| line.len() == 240 && line.is_ascii())
        );
        let field = |line: usize, from: usize, to: usize| &lines[line][from - 1..to];
        assert_eq!(field(0, 1, 8), "00100000");
        assert_eq!(field(0, 18, 32), "234665388000161");
        assert_eq!(field(0, 73, 102).trim(), "MOVEIS CONCEICAO LTDA");
        assert_eq!(field(0, 143, 157), "123112026103005");
        assert_eq!(field(0, 158, 166), "000007083");
        assert_eq!(field(1, 8, 17), "1R01  042 ");
        let p = 2;
        assert_eq!(field(p, 8, 17), "300001P 01");
        // Agency 01607-1, account 000000030120-4, a blank for the combined digit.
        assert_eq!(field(p, 18, 37), "0160710000000301204 ");
        assert_eq!(field(p, 38, 57), "31285570000000001   ");
        assert_eq!(field(p, 78, 100), "10122026000000000015000");
        assert_eq!(field(p, 118, 141), "111122026000000000000005");
        let q = 3;
        assert_eq!(field(q, 8, 18), "300002Q 011");
        assert_eq!(field(q, 19, 33), "000052998224725");
        assert_eq!(field(q, 34, 73).trim(), "JOANA DARC SOUZA");
        assert_eq!(field(q, 129, 136), "30160011");
        assert_eq!(field(q, 152, 153), "MG");
        let r = 4;
        assert_eq!(field(r, 14, 14), "R");
        assert_eq!(field(r, 66, 89), "211122026000000000000200");
        assert_eq!(field(8, 8, 8), "5");
        assert_eq!(field(8, 18, 29), "000008000002");
        assert_eq!(field(8, 30, 46), "00000000000017550");
        assert_eq!(field(9, 1, 8), "00199999");
        assert_eq!(field(9, 18, 29), "000001000010");
    }

    /// A return as the bank would write it: the remittance's header turned into a
    /// return's, and a T + U pair per title.
    fn return_text(entries: &[(u64, &str, i64, &str)]) -> String {
        let mut lines = Vec::new();
        let mut header = RecordWriter::new(WIDTH);
        header
            .digits(1, 3, "001")
            .number(4, 7, 0)
            .number(8, 8, 0)
            .number(18, 18, 2)
            .digits(19, 32, "34665388000161")
            .digits(53, 57, "1607")
            .digits(59, 70, "30120")
            .number(143, 143, 2)
            .date(144, 151, Some(date(2026, 12, 11)))
            .number(158, 163, 41);
        lines.push(header.finish());
        for (index, (movement, our_number, paid, reasons)) in entries.iter().enumerate() {
            let mut t = RecordWriter::new(WIDTH);
            t.digits(1, 3, "001")
                .number(4, 7, 1)
                .number(8, 8, 3)
                .number(9, 13, index as u64 * 2 + 1)
                .text(14, 14, "T")
                .number(16, 17, *movement)
                .text(38, 57, our_number)
                .text(59, 73, "12-3/10")
                .date(74, 81, Some(date(2026, 12, 10)))
                .money(82, 96, Money::from_cents(15_000))
                .text(214, 223, reasons);
            lines.push(t.finish());
            let mut u = RecordWriter::new(WIDTH);
            u.digits(1, 3, "001")
                .number(4, 7, 1)
                .number(8, 8, 3)
                .number(9, 13, index as u64 * 2 + 2)
                .text(14, 14, "U")
                .number(16, 17, *movement)
                .money(18, 32, Money::from_cents(305))
                .money(78, 92, Money::from_cents(*paid))
                .date(138, 145, Some(date(2026, 12, 10)))
                .date(146, 153, Some(date(2026, 12, 11)));
            lines.push(u.finish());
        }
        lines.join("\r\n") + "\r\n"
    }

    #[test]
    fn a_return_reads_payments_rejections_and_the_line_that_cannot_be_read() {
        let text = return_text(&[
            (6, "31285570000000001", 15_305, ""),
            (3, "31285570000000002", 0, "0814"),
        ]);
        let file = read_return(&text).unwrap();
        assert_eq!(file.bank_code, "001");
        assert_eq!(file.nsa, 41);
        assert_eq!(file.agency, "1607");
        assert_eq!(file.entries.len(), 2);
        let paid = file.entries[0].as_ref().unwrap();
        assert_eq!(paid.movement, 6);
        assert_eq!(paid.our_number, "31285570000000001");
        assert_eq!(paid.paid, Money::from_cents(15_305));
        assert_eq!(paid.charges_paid, Money::from_cents(305));
        assert_eq!(paid.credited_on, Some(date(2026, 12, 11)));
        let rejected = file.entries[1].as_ref().unwrap();
        assert_eq!(rejected.reasons, vec!["08".to_string(), "14".to_string()]);

        // A value with letters: that title is reported with its line, the other read.
        let broken = text.replacen("000000000015305", "00000000001530X", 1);
        let file = read_return(&broken).unwrap();
        let error = file.entries[0].as_ref().unwrap_err();
        assert_eq!((error.line, error.from, error.to), (3, 78, 92));
        assert!(file.entries[1].is_ok());
    }

    #[test]
    fn a_file_that_is_not_a_return_is_refused_whole() {
        let at = date(2026, 11, 23).and_hms_opt(10, 0, 0).unwrap();
        let remittance = remittance(&payee(), &[title("1", 100)], 1, at);
        assert_eq!(read_return(&remittance), Err(NotAReturn::Header));
        assert_eq!(read_return(""), Err(NotAReturn::Empty));
        assert_eq!(read_return("0010000\r\n"), Err(NotAReturn::Width(1)));
    }
}
