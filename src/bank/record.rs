//! One fixed-width line of a CNAB file, written and read at 1-based, inclusive
//! positions as the banks' manuals number them ("posição 018 a 032").

use std::fmt;

use chrono::NaiveDate;

use crate::domain::money::Money;
use crate::domain::text::fold_ascii;

/// A line being written: every field lands at its manual's positions, numbers right
/// aligned with zeros, text left aligned with blanks, folded to upper-case ASCII.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordWriter {
    bytes: Vec<u8>,
}

impl RecordWriter {
    /// A line of `width` blanks (240 or 400).
    pub fn new(width: usize) -> RecordWriter {
        RecordWriter {
            bytes: vec![b' '; width],
        }
    }

    fn put(&mut self, from: usize, to: usize, text: &[u8]) -> &mut RecordWriter {
        debug_assert!(from >= 1 && to >= from && to <= self.bytes.len());
        debug_assert_eq!(text.len(), to - from + 1);
        self.bytes[from - 1..to].copy_from_slice(text);
        self
    }

    /// Digits right aligned and zero filled; a longer number keeps its rightmost digits
    /// (a sequence that outgrew its field, never silently the leftmost).
    pub fn number(&mut self, from: usize, to: usize, value: u64) -> &mut RecordWriter {
        let width = to - from + 1;
        let digits = format!("{value:0width$}");
        let start = digits.len() - width;
        let field = digits.as_bytes()[start..].to_vec();
        self.put(from, to, &field)
    }

    /// Digits given as text (an agency, an account), non-digits dropped.
    pub fn digits(&mut self, from: usize, to: usize, text: &str) -> &mut RecordWriter {
        let value: String = text.chars().filter(char::is_ascii_digit).collect();
        let width = to - from + 1;
        let padded = format!("{value:0>width$}");
        let field = padded.as_bytes()[padded.len() - width..].to_vec();
        self.put(from, to, &field)
    }

    /// Text folded to upper-case ASCII without accents, cut or blank filled to the field.
    pub fn text(&mut self, from: usize, to: usize, text: &str) -> &mut RecordWriter {
        let width = to - from + 1;
        let folded = fold_ascii(text, width).to_uppercase();
        let field = format!("{folded:<width$}").into_bytes();
        self.put(from, to, &field)
    }

    /// Centavos, right aligned with zeros (the manuals' "9(13)V99").
    pub fn money(&mut self, from: usize, to: usize, amount: Money) -> &mut RecordWriter {
        self.number(from, to, amount.cents().max(0) as u64)
    }

    /// `DDMMAAAA` in 8 positions, `DDMMAA` in 6; zeros for no date.
    pub fn date(&mut self, from: usize, to: usize, date: Option<NaiveDate>) -> &mut RecordWriter {
        let format = if to - from + 1 == 6 {
            "%d%m%y"
        } else {
            "%d%m%Y"
        };
        match date {
            Some(date) => {
                let text = date.format(format).to_string();
                self.put(from, to, text.as_bytes())
            }
            None => self.number(from, to, 0),
        }
    }

    pub fn finish(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// The records of a file, each ended by CR LF as the banks' manuals ask.
pub fn file_text(lines: &[String]) -> String {
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

/// What a field should have held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Number,
    Amount,
    Date,
}

impl FieldKind {
    fn label(self) -> String {
        match self {
            FieldKind::Number => crate::t!("bank-field-number"),
            FieldKind::Amount => crate::t!("bank-field-amount"),
            FieldKind::Date => crate::t!("bank-field-date"),
        }
    }
}

/// Why a field of a return file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub line: usize,
    pub from: usize,
    pub to: usize,
    pub found: String,
    pub wanted: FieldKind,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::t!(
            "bank-field-error",
            line = self.line.to_string(),
            from = self.from.to_string(),
            to = self.to.to_string(),
            found = self.found.clone(),
            wanted = self.wanted.label()
        ))
    }
}

impl std::error::Error for FieldError {}

/// A line being read, with its number in the file for the messages.
pub struct RecordReader<'a> {
    line: usize,
    text: &'a str,
}

impl<'a> RecordReader<'a> {
    /// `None` when the line is not `width` ASCII characters.
    pub fn new(line: usize, text: &'a str, width: usize) -> Option<RecordReader<'a>> {
        (text.len() == width && text.is_ascii()).then_some(RecordReader { line, text })
    }

    pub fn line(&self) -> usize {
        self.line
    }

    /// The raw field, as it is.
    pub fn raw(&self, from: usize, to: usize) -> &'a str {
        &self.text[from - 1..to]
    }

    /// The field without its padding blanks.
    pub fn text(&self, from: usize, to: usize) -> &'a str {
        self.raw(from, to).trim()
    }

    fn error(&self, from: usize, to: usize, wanted: FieldKind) -> FieldError {
        FieldError {
            line: self.line,
            from,
            to,
            found: self.raw(from, to).to_string(),
            wanted,
        }
    }

    pub fn number(&self, from: usize, to: usize) -> Result<u64, FieldError> {
        let raw = self.raw(from, to);
        if raw.trim().is_empty() {
            return Ok(0);
        }
        raw.parse::<u64>()
            .map_err(|_| self.error(from, to, FieldKind::Number))
    }

    pub fn money(&self, from: usize, to: usize) -> Result<Money, FieldError> {
        let cents = self
            .number(from, to)
            .map_err(|_| self.error(from, to, FieldKind::Amount))?;
        i64::try_from(cents)
            .map(Money::from_cents)
            .map_err(|_| self.error(from, to, FieldKind::Amount))
    }

    /// The bank's reason codes in `count` two-digit fields from `from`, blanks and
    /// zeros left out.
    pub fn codes(&self, from: usize, count: usize) -> Vec<String> {
        (0..count)
            .map(|i| self.raw(from + i * 2, from + i * 2 + 1).to_string())
            .filter(|code| !code.trim().is_empty() && code != "00")
            .collect()
    }

    /// `DDMMAAAA` or `DDMMAA`; zeros or blanks are no date.
    pub fn date(&self, from: usize, to: usize) -> Result<Option<NaiveDate>, FieldError> {
        let raw = self.raw(from, to);
        if raw.trim().is_empty() || raw.bytes().all(|b| b == b'0') {
            return Ok(None);
        }
        let format = if raw.len() == 6 { "%d%m%y" } else { "%d%m%Y" };
        NaiveDate::parse_from_str(raw, format)
            .map(Some)
            .map_err(|_| self.error(from, to, FieldKind::Date))
    }
}

/// The lines of a file as records of `width`, numbered from 1; CR, LF, blank lines
/// and the end-of-file mark (0x1A) are not records. `Err` holds the number of the first
/// line that is not `width` ASCII characters.
pub fn records(text: &str, width: usize) -> Result<Vec<RecordReader<'_>>, usize> {
    text.split('\n')
        .map(|line| line.trim_end_matches(['\r', '\u{1a}']))
        .filter(|line| !line.is_empty())
        .enumerate()
        .map(|(index, line)| RecordReader::new(index + 1, line, width).ok_or(index + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_land_at_the_manuals_positions() {
        let mut line = RecordWriter::new(40);
        line.number(1, 3, 1)
            .digits(4, 8, "1607-1")
            .text(9, 20, "Conceição Móveis e Eletro")
            .money(21, 30, Money::from_cents(123_456))
            .date(31, 38, NaiveDate::from_ymd_opt(2026, 12, 10));
        let text = line.finish();
        assert_eq!(text.len(), 40);
        assert_eq!(&text[0..3], "001");
        assert_eq!(&text[3..8], "16071");
        assert_eq!(&text[8..20], "CONCEICAO MO");
        assert_eq!(&text[20..30], "0000123456");
        assert_eq!(&text[30..38], "10122026");
        assert_eq!(&text[38..40], "  ");
    }

    #[test]
    fn a_number_too_long_keeps_its_rightmost_digits_and_short_dates_have_six() {
        let mut line = RecordWriter::new(12);
        line.number(1, 3, 12_345)
            .date(4, 9, NaiveDate::from_ymd_opt(2026, 1, 5))
            .date(10, 12, None);
        assert_eq!(line.finish(), "345050126000");
    }

    #[test]
    fn reading_back_gives_the_values_or_says_where_it_went_wrong() {
        let text = "00116071CONCEICAO MO000012345610122026  ";
        let line = RecordReader::new(7, text, 40).unwrap();
        assert_eq!(line.number(1, 3), Ok(1));
        assert_eq!(line.text(9, 20), "CONCEICAO MO");
        assert_eq!(line.money(21, 30), Ok(Money::from_cents(123_456)));
        assert_eq!(line.date(31, 38), Ok(NaiveDate::from_ymd_opt(2026, 12, 10)));
        let error = line.number(9, 12).unwrap_err();
        assert_eq!((error.line, error.from, error.to), (7, 9, 12));
        assert_eq!(
            error.to_string(),
            "Linha 7, posições 9 a 12: esperava um número e encontrou “CONC”."
        );
        assert!(RecordReader::new(1, "curta", 40).is_none());
        assert!(RecordReader::new(1, &"é".repeat(20), 40).is_none());
    }
}
