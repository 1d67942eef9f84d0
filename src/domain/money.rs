//! Money as integer centavos. No float ever touches it.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use serde::{Deserialize, Serialize};

/// An amount in centavos of real.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

/// The largest amount a clerk may type: R$ 10.000.000,00. Larger is a typing mistake.
pub const MAX_AMOUNT: Money = Money(1_000_000_000);

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn from_reais(reais: i64) -> Money {
        Money(reais * 100)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn min(self, other: Money) -> Money {
        Money(self.0.min(other.0))
    }

    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }

    /// `R$ 1.234,56`; negatives as `-R$ 1.234,56`.
    pub fn format_brl(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        format!("{sign}R$ {}", Money(self.0.abs()).format_plain())
    }

    /// `1.234,56`, as a clerk types it; negatives as `-1.234,56`.
    pub fn format_plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let cents = self.0.unsigned_abs();
        let reais = (cents / 100).to_string();
        let mut grouped = String::with_capacity(reais.len() + reais.len() / 3);
        for (i, digit) in reais.chars().enumerate() {
            if i > 0 && (reais.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(digit);
        }
        format!("{sign}{grouped},{:02}", cents % 100)
    }

    /// Parses what a clerk types: `1.234,56`, `1234,56`, `1234`, `1234,5`, with an
    /// optional `R$` and sign. A dot is only a thousands separator: `12.50` is refused
    /// rather than silently read as twelve hundred and fifty.
    pub fn parse_brl(input: &str) -> Result<Money, MoneyParseError> {
        let mut text = input.trim();
        let negative = text.starts_with('-');
        if negative {
            text = text[1..].trim_start();
        }
        if let Some(rest) = text.strip_prefix("R$").or_else(|| text.strip_prefix("r$")) {
            text = rest.trim_start();
        }
        if !negative && text.starts_with('-') {
            return Self::parse_brl(&format!("-{}", &text[1..]));
        }
        if text.is_empty() {
            return Err(MoneyParseError::Empty);
        }
        if let Some(bad) = text
            .chars()
            .find(|c| !c.is_ascii_digit() && *c != '.' && *c != ',')
        {
            return Err(MoneyParseError::Character(bad));
        }
        let (whole, fraction) = match text.split_once(',') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let reais_digits = Self::whole_part_digits(whole)?;
        let cents_part = match fraction {
            None => 0,
            Some(fraction) => {
                if fraction.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
                    return Err(MoneyParseError::Malformed);
                }
                if fraction.len() > 2 {
                    return Err(MoneyParseError::TooManyDecimals);
                }
                let value: i64 = fraction.parse().map_err(|_| MoneyParseError::Malformed)?;
                if fraction.len() == 1 {
                    value * 10
                } else {
                    value
                }
            }
        };
        if reais_digits.len() > 13 {
            return Err(MoneyParseError::TooLarge);
        }
        let reais: i64 = if reais_digits.is_empty() {
            0
        } else {
            reais_digits
                .parse()
                .map_err(|_| MoneyParseError::Malformed)?
        };
        let cents = reais * 100 + cents_part;
        Ok(Money(if negative { -cents } else { cents }))
    }

    /// The digits of the reais part, checking that dots group thousands properly.
    fn whole_part_digits(whole: &str) -> Result<String, MoneyParseError> {
        if !whole.contains('.') {
            return Ok(whole.to_string());
        }
        let groups: Vec<&str> = whole.split('.').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|group| group.len() == 3);
        if !first_ok || !rest_ok {
            return Err(MoneyParseError::DecimalPoint);
        }
        Ok(groups.concat())
    }

    /// Splits into `parts` amounts that add up to the cent; the remainder goes to the
    /// first part. `parts` must be at least one.
    pub fn split(self, parts: u32) -> Vec<Money> {
        let parts = i64::from(parts.max(1));
        let base = self.0 / parts;
        let remainder = self.0 - base * parts;
        let mut result = vec![Money(base); parts as usize];
        result[0] = Money(base + remainder);
        result
    }

    /// `self × numerator ÷ denominator`, rounded half up (away from zero), in exact
    /// integer arithmetic.
    pub fn mul_div_round(self, numerator: i128, denominator: i128) -> Money {
        Money(round_div(i128::from(self.0) * numerator, denominator) as i64)
    }
}

/// Integer division rounded half away from zero.
pub fn round_div(numerator: i128, denominator: i128) -> i128 {
    debug_assert!(denominator > 0);
    let half = denominator / 2;
    if numerator >= 0 {
        (numerator + half) / denominator
    } else {
        -((-numerator + half) / denominator)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_brl())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0 - other.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        self.0 += other.0;
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, other: Money) {
        self.0 -= other.0;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyParseError {
    Empty,
    Character(char),
    Malformed,
    TooManyDecimals,
    DecimalPoint,
    TooLarge,
}

impl fmt::Display for MoneyParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            MoneyParseError::Empty => crate::t!("money-empty"),
            MoneyParseError::Character(c) => {
                crate::t!("money-character", character = c.to_string())
            }
            MoneyParseError::Malformed => crate::t!("money-malformed"),
            MoneyParseError::TooManyDecimals => crate::t!("money-decimals"),
            MoneyParseError::DecimalPoint => crate::t!("money-decimal-point"),
            MoneyParseError::TooLarge => crate::t!("money-too-large"),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for MoneyParseError {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_as_brazilian_real() {
        assert_eq!(Money::from_cents(123_456).format_brl(), "R$ 1.234,56");
        assert_eq!(Money::from_cents(5).format_brl(), "R$ 0,05");
        assert_eq!(Money::ZERO.format_brl(), "R$ 0,00");
        assert_eq!(Money::from_cents(100).format_brl(), "R$ 1,00");
        assert_eq!(Money::from_cents(100_000).format_brl(), "R$ 1.000,00");
        assert_eq!(
            Money::from_cents(-100_000_000).format_brl(),
            "-R$ 1.000.000,00"
        );
        assert_eq!(Money::from_cents(99_999).format_plain(), "999,99");
    }

    #[test]
    fn parses_what_a_clerk_types() {
        let ok = |s: &str| Money::parse_brl(s).unwrap().cents();
        assert_eq!(ok("1.234,56"), 123_456);
        assert_eq!(ok("1234,56"), 123_456);
        assert_eq!(ok("1234"), 123_400);
        assert_eq!(ok("1234,5"), 123_450);
        assert_eq!(ok("R$ 1.234,56"), 123_456);
        assert_eq!(ok(" R$1.000.000,00 "), 100_000_000);
        assert_eq!(ok("0,05"), 5);
        assert_eq!(ok(",50"), 50);
        assert_eq!(ok("1.234"), 123_400);
        assert_eq!(ok("-10,00"), -1000);
        assert_eq!(ok("R$ -10,00"), -1000);
    }

    #[test]
    fn refuses_ambiguous_or_broken_input() {
        let err = |s: &str| Money::parse_brl(s).unwrap_err();
        assert_eq!(err(""), MoneyParseError::Empty);
        assert_eq!(err("R$ "), MoneyParseError::Empty);
        assert_eq!(err("12.50"), MoneyParseError::DecimalPoint);
        assert_eq!(err("1234.56"), MoneyParseError::DecimalPoint);
        assert_eq!(err("1,234"), MoneyParseError::TooManyDecimals);
        assert_eq!(err("12a"), MoneyParseError::Character('a'));
        assert_eq!(err("1,2,3"), MoneyParseError::Malformed);
        assert_eq!(err("10,"), MoneyParseError::Malformed);
        assert_eq!(err("99999999999999"), MoneyParseError::TooLarge);
        assert_eq!(err("1e5"), MoneyParseError::Character('e'));
    }

    #[test]
    fn split_gives_the_remainder_to_the_first_part() {
        let parts = Money::from_cents(10_000).split(3);
        assert_eq!(
            parts,
            vec![
                Money::from_cents(3_334),
                Money::from_cents(3_333),
                Money::from_cents(3_333)
            ]
        );
        assert_eq!(Money::from_cents(5).split(10)[0], Money::from_cents(5));
        assert_eq!(
            Money::from_cents(100).split(1),
            vec![Money::from_cents(100)]
        );
    }

    #[test]
    fn rounds_half_up() {
        assert_eq!(round_div(5, 10), 1);
        assert_eq!(round_div(4, 10), 0);
        assert_eq!(round_div(15, 10), 2);
        assert_eq!(round_div(-15, 10), -2);
        assert_eq!(
            Money::from_cents(10_000).mul_div_round(200, 10_000),
            Money::from_cents(200)
        );
    }

    proptest! {
        #[test]
        fn split_adds_up_to_the_cent(cents in 0i64..10_000_000_000, parts in 1u32..120) {
            let split = Money::from_cents(cents).split(parts);
            prop_assert_eq!(split.len(), parts as usize);
            prop_assert_eq!(split.iter().sum::<Money>(), Money::from_cents(cents));
            let rest = split[1..].iter().copied().max().unwrap_or(split[0]);
            prop_assert!(split.iter().all(|p| *p == rest || *p == split[0]));
            prop_assert!(split[0] >= rest);
        }

        #[test]
        fn format_then_parse_round_trips(cents in -10_000_000_000i64..10_000_000_000) {
            let money = Money::from_cents(cents);
            prop_assert_eq!(Money::parse_brl(&money.format_brl()), Ok(money));
            prop_assert_eq!(Money::parse_brl(&money.format_plain()), Ok(money));
        }

        #[test]
        fn parse_never_panics(input in ".{0,20}") {
            let _ = Money::parse_brl(&input);
        }
    }
}
