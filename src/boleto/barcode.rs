//! The 44-digit barcode of a boleto de cobrança and its 47-digit digitable line
//! (`boleto-spec.md` §1–§2).

use std::fmt;

use chrono::{Duration, NaiveDate};

use crate::domain::money::Money;

/// Mod 10 with weights 2, 1, 2, … from the right, digits of each product added.
pub fn mod10(digits: &str) -> u8 {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let product = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            product / 10 + product % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// The general check digit (position 5): mod 11 with weights 2–9 from the right over
/// the other 43 digits; 0, 10 and 11 become 1, so it is never 0.
pub fn general_check_digit(digits43: &str) -> u8 {
    let sum: u32 = digits43
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * (2 + (i as u32 % 8)))
        .sum();
    match 11 - sum % 11 {
        0 | 10 | 11 => 1,
        digit => digit as u8,
    }
}

fn factor_base() -> NaiveDate {
    NaiveDate::from_ymd_opt(1997, 10, 7).expect("valid date")
}

/// The due-date factor: days since 1997-10-07, restarting at 1000 every 9000 days
/// (2025-02-22 is 1000 again).
pub fn due_date_factor(date: NaiveDate) -> Result<u16, BoletoError> {
    let days = (date - factor_base()).num_days();
    if days < 1000 {
        return Err(BoletoError::DueDateTooEarly);
    }
    Ok(((days - 1000) % 9000 + 1000) as u16)
}

/// The date a factor stands for, read as FEBRABAN does: the one candidate within 3000
/// days before and 5500 after `today`.
pub fn factor_date(factor: u16, today: NaiveDate) -> Option<NaiveDate> {
    if !(1000..=9999).contains(&factor) {
        return None;
    }
    (0..10i64)
        .map(|cycle| factor_base() + Duration::days(i64::from(factor) + 9000 * cycle))
        .find(|date| *date >= today - Duration::days(3000) && *date <= today + Duration::days(5500))
}

/// The largest value the 10-digit field holds: R$ 99.999.999,99.
const MAX_VALUE: i64 = 9_999_999_999;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Barcode(String);

impl Barcode {
    /// Assembles the barcode of bank `bank` (3 digits) for `value` due on `due_date`, with
    /// the bank's 25-digit campo livre.
    pub fn build(
        bank: &str,
        due_date: NaiveDate,
        value: Money,
        campo_livre: &str,
    ) -> Result<Barcode, BoletoError> {
        let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(bank, 3) {
            return Err(BoletoError::Bank(bank.to_string()));
        }
        if !all_digits(campo_livre, 25) {
            return Err(BoletoError::CampoLivre);
        }
        if value.is_negative() || value.cents() > MAX_VALUE {
            return Err(BoletoError::Value);
        }
        let factor = due_date_factor(due_date)?;
        let rest = format!("{bank}9{factor:04}{:010}{campo_livre}", value.cents());
        let dv = general_check_digit(&rest);
        Ok(Barcode(format!("{}{dv}{}", &rest[..4], &rest[4..])))
    }

    /// Reads a barcode (44 digits) or a digitable line (47), as pasted or scanned:
    /// anything but digits is ignored; every check digit is verified.
    pub fn parse(input: &str) -> Result<Barcode, BoletoError> {
        let digits: String = input.chars().filter(char::is_ascii_digit).collect();
        match digits.len() {
            44 => Barcode::check(digits),
            47 => DigitableLine::parse(&digits).map(|line| line.barcode()),
            length => Err(BoletoError::Length(length)),
        }
    }

    fn check(digits: String) -> Result<Barcode, BoletoError> {
        let without_dv = format!("{}{}", &digits[..4], &digits[5..]);
        let expected = general_check_digit(&without_dv);
        let found = digits.as_bytes()[4] - b'0';
        if expected != found {
            return Err(BoletoError::GeneralCheckDigit { found, expected });
        }
        let factor: u16 = digits[5..9].parse().unwrap_or(0);
        if factor != 0 && factor < 1000 {
            return Err(BoletoError::Factor(factor));
        }
        Ok(Barcode(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn bank(&self) -> &str {
        &self.0[..3]
    }

    pub fn factor(&self) -> u16 {
        self.0[5..9].parse().unwrap_or(0)
    }

    pub fn value(&self) -> Money {
        Money::from_cents(self.0[9..19].parse().unwrap_or(0))
    }

    pub fn campo_livre(&self) -> &str {
        &self.0[19..]
    }

    /// The due date as of `today` (`None` for factor 0000, "no due date").
    pub fn due_date(&self, today: NaiveDate) -> Option<NaiveDate> {
        factor_date(self.factor(), today)
    }

    pub fn digitable_line(&self) -> DigitableLine {
        let bc = &self.0;
        let field = |digits: String| {
            let dv = mod10(&digits);
            format!("{digits}{dv}")
        };
        DigitableLine(format!(
            "{}{}{}{}{}",
            field(format!("{}{}", &bc[0..4], &bc[19..24])),
            field(bc[24..34].to_string()),
            field(bc[34..44].to_string()),
            &bc[4..5],
            &bc[5..19]
        ))
    }
}

impl fmt::Display for Barcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The 47 digits a person types to pay a boleto.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DigitableLine(String);

impl DigitableLine {
    pub fn parse(input: &str) -> Result<DigitableLine, BoletoError> {
        let digits: String = input.chars().filter(char::is_ascii_digit).collect();
        if digits.len() != 47 {
            return Err(BoletoError::Length(digits.len()));
        }
        for (field, range) in [(1, 0..9), (2, 10..20), (3, 21..31)] {
            let found = digits.as_bytes()[range.end] - b'0';
            let expected = mod10(&digits[range]);
            if expected != found {
                return Err(BoletoError::FieldCheckDigit {
                    field,
                    found,
                    expected,
                });
            }
        }
        let line = DigitableLine(digits);
        Barcode::check(line.barcode().0)?;
        Ok(line)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn barcode(&self) -> Barcode {
        let ld = &self.0;
        Barcode(format!(
            "{}{}{}{}{}{}",
            &ld[0..4],
            &ld[32..33],
            &ld[33..47],
            &ld[4..9],
            &ld[10..20],
            &ld[21..31]
        ))
    }

    /// As banks print it: `AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE`.
    pub fn formatted(&self) -> String {
        let ld = &self.0;
        format!(
            "{}.{} {}.{} {}.{} {} {}",
            &ld[0..5],
            &ld[5..10],
            &ld[10..15],
            &ld[15..21],
            &ld[21..26],
            &ld[26..32],
            &ld[32..33],
            &ld[33..47]
        )
    }
}

impl fmt::Display for DigitableLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BoletoError {
    Length(usize),
    /// The barcode's 5th digit (the line's 33rd).
    GeneralCheckDigit {
        found: u8,
        expected: u8,
    },
    /// The last digit of field 1, 2 or 3 of the line (its 10th, 21st or 32nd).
    FieldCheckDigit {
        field: u8,
        found: u8,
        expected: u8,
    },
    Factor(u16),
    DueDateTooEarly,
    Bank(String),
    CampoLivre,
    Value,
}

impl fmt::Display for BoletoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            BoletoError::Length(length) => {
                crate::t!("boleto-length", length = length.to_string())
            }
            BoletoError::GeneralCheckDigit { found, expected } => crate::t!(
                "boleto-general-check-digit",
                found = found.to_string(),
                expected = expected.to_string()
            ),
            BoletoError::FieldCheckDigit {
                field,
                found,
                expected,
            } => crate::t!(
                "boleto-field-check-digit",
                field = field.to_string(),
                position = [10, 21, 32][usize::from(*field - 1)].to_string(),
                found = found.to_string(),
                expected = expected.to_string()
            ),
            BoletoError::Factor(factor) => {
                crate::t!("boleto-factor", factor = format!("{factor:04}"))
            }
            BoletoError::DueDateTooEarly => crate::t!("boleto-due-date-too-early"),
            BoletoError::Bank(bank) => crate::t!("boleto-bank", bank = bank.clone()),
            BoletoError::CampoLivre => crate::t!("boleto-campo-livre"),
            BoletoError::Value => crate::t!("boleto-value"),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for BoletoError {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn vectors(key: &str) -> Vec<Value> {
        let all: Value =
            serde_json::from_str(include_str!("../../tests/vectors/boleto-pix-public.json"))
                .unwrap();
        all[key].as_array().unwrap().clone()
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn published_barcodes_and_lines_convert_both_ways() {
        let barcodes = vectors("barcodes");
        assert!(barcodes.len() >= 20);
        for v in barcodes {
            let code = v["barcode"].as_str().unwrap();
            let line = v["linha_digitavel"].as_str().unwrap();
            let barcode = Barcode::parse(code).unwrap_or_else(|e| panic!("{code}: {e:?}"));
            assert_eq!(
                barcode.digitable_line().as_str(),
                line.replace(|c: char| !c.is_ascii_digit(), "")
            );
            assert_eq!(Barcode::parse(line).unwrap(), barcode, "{line}");
            assert_eq!(barcode.bank(), v["bank"].as_str().unwrap());
            assert_eq!(barcode.value().cents(), v["value_cents"].as_i64().unwrap());
            assert_eq!(i64::from(barcode.factor()), v["fator"].as_i64().unwrap());
            assert_eq!(barcode.campo_livre(), v["campo_livre"].as_str().unwrap());
            let due = date(v["due_date"].as_str().unwrap());
            assert_eq!(barcode.due_date(due), Some(due));
            let rebuilt =
                Barcode::build(barcode.bank(), due, barcode.value(), barcode.campo_livre())
                    .unwrap();
            assert_eq!(rebuilt, barcode);
        }
    }

    #[test]
    fn published_invalid_codes_are_refused() {
        for v in vectors("barcodes_invalid") {
            let code = v["barcode"].as_str().unwrap();
            assert!(Barcode::parse(code).is_err(), "{code}");
        }
    }

    #[test]
    fn published_factors_and_the_2025_rollover() {
        for v in vectors("fator_vencimento") {
            let due = date(v["date"].as_str().unwrap());
            let factor = v["fator"].as_u64().unwrap() as u16;
            assert_eq!(due_date_factor(due), Ok(factor), "{due}");
            assert_eq!(factor_date(factor, due), Some(due));
        }
        assert_eq!(due_date_factor(date("2025-02-21")), Ok(9999));
        assert_eq!(due_date_factor(date("2025-02-22")), Ok(1000));
        assert_eq!(due_date_factor(date("2049-10-14")), Ok(1000));
        // Factor 1000 read in 2026 is 2025-02-22, not 2000-07-03.
        assert_eq!(
            factor_date(1000, date("2026-11-22")),
            Some(date("2025-02-22"))
        );
        assert_eq!(factor_date(999, date("2026-11-22")), None);
        assert_eq!(
            due_date_factor(date("2000-01-01")),
            Err(BoletoError::DueDateTooEarly)
        );
    }

    #[test]
    fn published_check_digit_examples() {
        for v in vectors("generic_check_digit_examples") {
            let algorithm = v["algorithm"].as_str().unwrap();
            let input = v["input"]
                .as_str()
                .unwrap()
                .replace(|c: char| !c.is_ascii_digit(), "");
            let dv = v["dv"].as_u64().unwrap() as u8;
            if algorithm.starts_with("mod10") {
                assert_eq!(mod10(&input), dv, "{input}");
            } else if algorithm.contains("geral") && input.len() == 43 {
                assert_eq!(general_check_digit(&input), dv, "{input}");
            }
        }
        assert_eq!(mod10("104900550"), 5);
        assert_eq!(mod10("0335666124"), 3);
    }

    #[test]
    fn the_formatted_line_is_as_banks_print_it() {
        let barcode = Barcode::parse("34196166700000123451101234567880057123457000").unwrap();
        assert_eq!(
            barcode.digitable_line().formatted(),
            "34191.10121 34567.880058 71234.570001 6 16670000012345"
        );
    }

    #[test]
    fn damaged_input_is_refused_with_the_reason() {
        let line = "34191.10121 34567.880058 71234.570001 6 16670000012345";
        assert_eq!(
            Barcode::parse(&line.replace("34191.10121", "34191.10122")),
            Err(BoletoError::FieldCheckDigit {
                field: 1,
                found: 2,
                expected: 1
            })
        );
        assert_eq!(Barcode::parse("1234"), Err(BoletoError::Length(4)));
        assert_eq!(
            Barcode::parse("34197166700000123451101234567880057123457000"),
            Err(BoletoError::GeneralCheckDigit {
                found: 7,
                expected: 6
            })
        );
    }

    proptest! {
        #[test]
        fn built_barcodes_round_trip(
            bank in 0u16..1000, days in 1000i64..20_000, cents in 0i64..9_999_999_999,
            campo in "[0-9]{25}",
        ) {
            let bank = format!("{bank:03}");
            let due = factor_base() + Duration::days(days);
            let barcode = Barcode::build(&bank, due, Money::from_cents(cents), &campo).unwrap();
            prop_assert_ne!(barcode.as_str().as_bytes()[4], b'0');
            let line = barcode.digitable_line();
            prop_assert_eq!(Barcode::parse(&line.formatted()).unwrap(), barcode.clone());
            prop_assert_eq!(barcode.due_date(due), Some(due));
            prop_assert_eq!(barcode.value().cents(), cents);
        }

        /// A one-digit change anywhere in the digitable line is caught: by the field's
        /// mod-10 digit in fields 1–3, by the general mod-11 digit elsewhere. The one
        /// blind spot is FEBRABAN's own: results 0, 10 and 11 all print as 1, so a change
        /// in the due-date factor or value that moves the remainder between them passes.
        #[test]
        fn a_one_digit_change_in_the_line_is_detected(
            bank in 0u16..1000, days in 1000i64..20_000, cents in 0i64..9_999_999_999,
            campo in "[0-9]{25}", position in 0usize..47, delta in 1u8..10,
        ) {
            let bank = format!("{bank:03}");
            let due = factor_base() + Duration::days(days);
            let barcode = Barcode::build(&bank, due, Money::from_cents(cents), &campo).unwrap();
            let mut line = barcode.digitable_line().as_str().as_bytes().to_vec();
            line[position] = b'0' + (line[position] - b'0' + delta) % 10;
            let changed = String::from_utf8(line).unwrap();
            match Barcode::parse(&changed) {
                Err(_) => {}
                Ok(accepted) => {
                    // Only possible outside fields 1–3, with both general digits 1.
                    prop_assert!(position >= 32);
                    prop_assert_eq!(accepted.as_str().as_bytes()[4], b'1');
                    prop_assert_eq!(barcode.as_str().as_bytes()[4], b'1');
                }
            }
        }

        #[test]
        fn parse_never_panics(input in ".{0,60}") {
            let _ = Barcode::parse(&input);
        }
    }
}
