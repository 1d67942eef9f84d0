//! Percentages as integer basis points (hundredths of a percent): 2,00 % is 200.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct BasisPoints(pub u32);

impl BasisPoints {
    pub const fn value(self) -> u32 {
        self.0
    }

    /// Parses `2`, `2,5`, `2,00`, `2,00 %` (comma for decimals, at most two).
    pub fn parse_percent(input: &str) -> Result<BasisPoints, RateParseError> {
        let text = input.trim().trim_end_matches('%').trim();
        if text.is_empty() {
            return Err(RateParseError::Empty);
        }
        if text.starts_with('-') {
            return Err(RateParseError::Negative);
        }
        let (whole, fraction) = text.split_once(',').unwrap_or((text, ""));
        let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !digits_only(whole)
            || !digits_only(fraction)
            || (whole.is_empty() && fraction.is_empty())
        {
            return Err(RateParseError::Malformed(input.trim().to_string()));
        }
        if fraction.len() > 2 {
            return Err(RateParseError::TooManyDecimals);
        }
        if whole.len() > 5 {
            return Err(RateParseError::Malformed(input.trim().to_string()));
        }
        let whole: u32 = if whole.is_empty() {
            0
        } else {
            whole.parse().unwrap_or(0)
        };
        let fraction: u32 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<u32>().unwrap_or(0) * 10,
            _ => fraction.parse().unwrap_or(0),
        };
        Ok(BasisPoints(whole * 100 + fraction))
    }
}

impl fmt::Display for BasisPoints {
    /// `2,00 %`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{:02} %", self.0 / 100, self.0 % 100)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RateParseError {
    Empty,
    Negative,
    Malformed(String),
    TooManyDecimals,
}

impl fmt::Display for RateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            RateParseError::Empty => crate::t!("rate-empty"),
            RateParseError::Negative => crate::t!("rate-negative"),
            RateParseError::Malformed(text) => crate::t!("rate-malformed", text = text.clone()),
            RateParseError::TooManyDecimals => crate::t!("rate-decimals"),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for RateParseError {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_percentages() {
        let bp = |s: &str| BasisPoints::parse_percent(s).unwrap().value();
        assert_eq!(bp("2"), 200);
        assert_eq!(bp("2,00"), 200);
        assert_eq!(bp("2,5"), 250);
        assert_eq!(bp("0,33 %"), 33);
        assert_eq!(bp("1%"), 100);
        assert_eq!(bp(",5"), 50);
        assert!(BasisPoints::parse_percent("-1").is_err());
        assert!(BasisPoints::parse_percent("1.5").is_err());
        assert!(BasisPoints::parse_percent("1,234").is_err());
        assert!(BasisPoints::parse_percent("").is_err());
        assert!(BasisPoints::parse_percent("abc").is_err());
    }

    proptest! {
        #[test]
        fn display_then_parse_round_trips(bp in 0u32..1_000_000) {
            let rate = BasisPoints(bp);
            prop_assert_eq!(BasisPoints::parse_percent(&rate.to_string()), Ok(rate));
        }
    }
}
