//! CPF and CNPJ: parsing, check digits and masks.
//!
//! Both use the same mod-11 rule: `r = Σ value·weight mod 11`, check digit
//! `0` when `r < 2`, otherwise `11 − r`. Since July 2026 the first twelve
//! characters of a CNPJ may be letters (IN RFB nº 2.229/2024): a character's
//! value is its ASCII code − 48, so digits keep their value and `A` = 17 … `Z` = 42.
//! The check digits themselves are always digits.

use std::fmt;
use std::str::FromStr;

const CPF_LEN: usize = 11;
const CNPJ_LEN: usize = 14;

const CPF_DV1_WEIGHTS: [u32; 9] = [10, 9, 8, 7, 6, 5, 4, 3, 2];
const CPF_DV2_WEIGHTS: [u32; 10] = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_DV1_WEIGHTS: [u32; 12] = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_DV2_WEIGHTS: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/// A validated CPF or CNPJ in canonical form: 11 digits for a CPF,
/// 14 uppercase `[0-9A-Z]` characters (the last two digits) for a CNPJ.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaxId {
    Cpf(String),
    Cnpj(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaxIdKind {
    Cpf,
    Cnpj,
}

impl fmt::Display for TaxIdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TaxIdKind::Cpf => "CPF",
            TaxIdKind::Cnpj => "CNPJ",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaxIdError {
    /// Nothing but blanks and separators.
    Empty,
    /// Neither 11 nor 14 characters once separators are dropped (the count kept).
    Length(usize),
    /// A character that is neither alphanumeric nor a separator, or a letter in a CPF.
    Character(char),
    /// Every character is the same (these pass the arithmetic but are not issued).
    Repeated(TaxIdKind),
    /// The check digits do not match (also: a letter where a CNPJ check digit goes).
    CheckDigits(TaxIdKind),
    /// `parse_cpf` got something that is not 11 characters long.
    NotCpf,
    /// `parse_cnpj` got something that is not 14 characters long.
    NotCnpj,
}

impl fmt::Display for TaxIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `match *self`: every payload is Copy, and fl! needs owned values (it calls `.into()`).
        let message = match *self {
            TaxIdError::Empty => crate::t!("taxid-empty"),
            TaxIdError::Length(length) => crate::t!("taxid-length", length = length),
            TaxIdError::Character(character) => {
                crate::t!("taxid-character", character = character.to_string())
            }
            TaxIdError::Repeated(kind) => crate::t!("taxid-repeated", kind = kind.to_string()),
            TaxIdError::CheckDigits(kind) => {
                crate::t!("taxid-check-digits", kind = kind.to_string())
            }
            TaxIdError::NotCpf => crate::t!("taxid-not-cpf"),
            TaxIdError::NotCnpj => crate::t!("taxid-not-cnpj"),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for TaxIdError {}

/// Keeps only the ASCII digits (to search phones and ids whatever mask was typed).
pub fn digits_only(input: &str) -> String {
    input.chars().filter(char::is_ascii_digit).collect()
}

/// Drops masks and blanks and uppercases; rejects anything else that is not alphanumeric.
fn clean(input: &str) -> Result<String, TaxIdError> {
    let mut kept = String::with_capacity(CNPJ_LEN);
    for c in input.chars() {
        if matches!(c, '.' | '/' | '-') || c.is_whitespace() {
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            return Err(TaxIdError::Character(c));
        }
        kept.push(c.to_ascii_uppercase());
    }
    if kept.is_empty() {
        return Err(TaxIdError::Empty);
    }
    Ok(kept)
}

/// Value of a CPF/CNPJ character for the check-digit sums (ASCII − 48).
fn char_value(byte: u8) -> u32 {
    u32::from(byte).saturating_sub(u32::from(b'0'))
}

/// The mod-11 check digit of `values` under `weights` (zipped: extra values are ignored).
fn check_digit(values: &[u8], weights: &[u32]) -> u8 {
    let sum: u32 = values
        .iter()
        .zip(weights)
        .map(|(&byte, &weight)| char_value(byte) * weight)
        .sum();
    let remainder = sum % 11;
    if remainder < 2 {
        b'0'
    } else {
        // 11 − r is 2..=9 here, so it is a single digit.
        b'0' + (11 - remainder) as u8
    }
}

fn all_same(bytes: &[u8]) -> bool {
    bytes.windows(2).all(|pair| pair[0] == pair[1])
}

fn cpf_check_digits(first_nine: &[u8]) -> [u8; 2] {
    let dv1 = check_digit(first_nine, &CPF_DV1_WEIGHTS);
    let mut first_ten = [0u8; 10];
    first_ten[..9].copy_from_slice(&first_nine[..9]);
    first_ten[9] = dv1;
    [dv1, check_digit(&first_ten, &CPF_DV2_WEIGHTS)]
}

fn cnpj_check_digits(first_twelve: &[u8]) -> [u8; 2] {
    let dv1 = check_digit(first_twelve, &CNPJ_DV1_WEIGHTS);
    let mut first_thirteen = [0u8; 13];
    first_thirteen[..12].copy_from_slice(&first_twelve[..12]);
    first_thirteen[12] = dv1;
    [dv1, check_digit(&first_thirteen, &CNPJ_DV2_WEIGHTS)]
}

/// Validates an already cleaned 11-character string.
fn validate_cpf(kept: String) -> Result<TaxId, TaxIdError> {
    if let Some(letter) = kept.chars().find(|c| !c.is_ascii_digit()) {
        return Err(TaxIdError::Character(letter));
    }
    let bytes = kept.as_bytes();
    if all_same(bytes) {
        return Err(TaxIdError::Repeated(TaxIdKind::Cpf));
    }
    if cpf_check_digits(&bytes[..9]) != bytes[9..] {
        return Err(TaxIdError::CheckDigits(TaxIdKind::Cpf));
    }
    Ok(TaxId::Cpf(kept))
}

/// Validates an already cleaned (uppercase alphanumeric) 14-character string.
fn validate_cnpj(kept: String) -> Result<TaxId, TaxIdError> {
    let bytes = kept.as_bytes();
    // A letter where a check digit goes can never match: report it as such.
    if !bytes[12..].iter().all(u8::is_ascii_digit) {
        return Err(TaxIdError::CheckDigits(TaxIdKind::Cnpj));
    }
    if all_same(bytes) {
        return Err(TaxIdError::Repeated(TaxIdKind::Cnpj));
    }
    if cnpj_check_digits(&bytes[..12]) != bytes[12..] {
        return Err(TaxIdError::CheckDigits(TaxIdKind::Cnpj));
    }
    Ok(TaxId::Cnpj(kept))
}

impl TaxId {
    /// Accepts a CPF (11 digits) or a CNPJ (14 characters), masked or not,
    /// in any case; surrounding and inner blanks are ignored.
    pub fn parse(input: &str) -> Result<TaxId, TaxIdError> {
        let kept = clean(input)?;
        match kept.len() {
            CPF_LEN => validate_cpf(kept),
            CNPJ_LEN => validate_cnpj(kept),
            other => Err(TaxIdError::Length(other)),
        }
    }

    /// Like [`TaxId::parse`] but only a CPF; any other length is `NotCpf`.
    pub fn parse_cpf(input: &str) -> Result<TaxId, TaxIdError> {
        let kept = clean(input)?;
        if kept.len() != CPF_LEN {
            return Err(TaxIdError::NotCpf);
        }
        validate_cpf(kept)
    }

    /// Like [`TaxId::parse`] but only a CNPJ; any other length is `NotCnpj`.
    pub fn parse_cnpj(input: &str) -> Result<TaxId, TaxIdError> {
        let kept = clean(input)?;
        if kept.len() != CNPJ_LEN {
            return Err(TaxIdError::NotCnpj);
        }
        validate_cnpj(kept)
    }

    /// The canonical form, as stored: no mask, uppercase.
    pub fn as_str(&self) -> &str {
        match self {
            TaxId::Cpf(value) | TaxId::Cnpj(value) => value,
        }
    }

    /// `000.000.000-00` or `00.000.000/0000-00`.
    pub fn formatted(&self) -> String {
        // Canonical values are ASCII, so byte slicing is on char boundaries;
        // `get` keeps this panic-free even if someone built a malformed value.
        let value = self.as_str();
        let part = |range: std::ops::Range<usize>| value.get(range).unwrap_or("");
        match self {
            TaxId::Cpf(_) if value.len() == CPF_LEN => {
                format!(
                    "{}.{}.{}-{}",
                    part(0..3),
                    part(3..6),
                    part(6..9),
                    part(9..11)
                )
            }
            TaxId::Cnpj(_) if value.len() == CNPJ_LEN => format!(
                "{}.{}.{}/{}-{}",
                part(0..2),
                part(2..5),
                part(5..8),
                part(8..12),
                part(12..14)
            ),
            _ => value.to_string(),
        }
    }

    pub fn kind(&self) -> TaxIdKind {
        match self {
            TaxId::Cpf(_) => TaxIdKind::Cpf,
            TaxId::Cnpj(_) => TaxIdKind::Cnpj,
        }
    }

    /// A valid CPF whose first nine digits are `base` zero-padded (for demo data).
    ///
    /// `base` is taken modulo 1 000 000 000. The nine bases made of one repeated
    /// digit (000000000, 111111111, … 999999999) always yield an all-equal CPF,
    /// which is invalid, so the next base is used instead (999999999 wraps to
    /// 000000001): the result always parses back.
    pub fn cpf_from_base(base: u32) -> TaxId {
        const MODULUS: u32 = 1_000_000_000;
        let mut base = base % MODULUS;
        loop {
            let mut bytes = format!("{base:09}").into_bytes();
            if !all_same(&bytes) {
                let dvs = cpf_check_digits(&bytes);
                bytes.extend_from_slice(&dvs);
                return TaxId::Cpf(bytes.into_iter().map(char::from).collect());
            }
            base = (base + 1) % MODULUS;
        }
    }

    /// A valid numeric CNPJ whose first twelve digits (raiz 8 + ordem 4) are
    /// `base` zero-padded (for demo data).
    ///
    /// `base` is taken modulo 10¹². Only base 0 gives an all-equal CNPJ
    /// (00000000000000); it is replaced by base 1, so the result always parses back.
    pub fn cnpj_from_base(base: u64) -> TaxId {
        const MODULUS: u64 = 1_000_000_000_000;
        let mut base = base % MODULUS;
        loop {
            let mut bytes = format!("{base:012}").into_bytes();
            let dvs = cnpj_check_digits(&bytes);
            bytes.extend_from_slice(&dvs);
            if !all_same(&bytes) {
                return TaxId::Cnpj(bytes.into_iter().map(char::from).collect());
            }
            base = (base + 1) % MODULUS;
        }
    }
}

impl fmt::Display for TaxId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

impl FromStr for TaxId {
    type Err = TaxIdError;

    fn from_str(input: &str) -> Result<TaxId, TaxIdError> {
        TaxId::parse(input)
    }
}

impl serde::Serialize for TaxId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for TaxId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<TaxId, D::Error> {
        // Validated on the way in: a stored id is never trusted blindly.
        let text = String::deserialize(deserializer)?;
        TaxId::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const VECTORS: &str = include_str!("../../tests/vectors/boleto-pix-public.json");

    fn vector_values(key: &str) -> Vec<(String, Option<String>)> {
        let json: serde_json::Value = serde_json::from_str(VECTORS).expect("vectors are JSON");
        json[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} is a list"))
            .iter()
            .map(|entry| {
                let value = entry["value"].as_str().expect("value").to_string();
                let formatted = entry["formatted"].as_str().map(str::to_string);
                (value, formatted)
            })
            .collect()
    }

    /// Builds a CNPJ from any 12 uppercase alphanumeric characters (tests only).
    fn cnpj_with_dvs(base: &str) -> String {
        let mut bytes = base.as_bytes().to_vec();
        let dvs = cnpj_check_digits(&bytes);
        bytes.extend_from_slice(&dvs);
        String::from_utf8(bytes).expect("ascii")
    }

    /// With one character replaced.
    fn replaced(value: &str, index: usize, replacement: char) -> String {
        value
            .chars()
            .enumerate()
            .map(|(i, c)| if i == index { replacement } else { c })
            .collect()
    }

    // ---- public vectors ----

    /// Every valid vector of `key` parses as `kind`, formats as published and parses back.
    fn check_valid_vectors(
        key: &str,
        kind: TaxIdKind,
        parse_kind: fn(&str) -> Result<TaxId, TaxIdError>,
    ) {
        let vectors = vector_values(key);
        assert!(!vectors.is_empty());
        for (value, formatted) in vectors {
            let id = TaxId::parse(&value).unwrap_or_else(|e| panic!("{value}: {e:?}"));
            assert_eq!(id.kind(), kind);
            assert_eq!(id.as_str(), value);
            let formatted = formatted.expect("formatted given");
            assert_eq!(id.formatted(), formatted);
            assert_eq!(TaxId::parse(&formatted), Ok(id.clone()));
            assert_eq!(parse_kind(&formatted), Ok(id));
        }
    }

    /// Every invalid vector of `key` is refused for its repeated or check digits.
    fn check_invalid_vectors(key: &str, kind: TaxIdKind) {
        let vectors = vector_values(key);
        assert!(!vectors.is_empty());
        for (value, _) in vectors {
            let error = TaxId::parse(&value).expect_err(&value);
            assert!(
                error == TaxIdError::Repeated(kind) || error == TaxIdError::CheckDigits(kind),
                "{value}: {error:?}"
            );
        }
    }

    #[test]
    fn valid_cpf_vectors_parse_and_format() {
        check_valid_vectors("cpf_valid", TaxIdKind::Cpf, TaxId::parse_cpf);
    }

    #[test]
    fn invalid_cpf_vectors_are_rejected() {
        check_invalid_vectors("cpf_invalid", TaxIdKind::Cpf);
        assert_eq!(
            TaxId::parse("11111111111"),
            Err(TaxIdError::Repeated(TaxIdKind::Cpf))
        );
        assert_eq!(
            TaxId::parse("23100299900"),
            Err(TaxIdError::CheckDigits(TaxIdKind::Cpf))
        );
    }

    #[test]
    fn valid_cnpj_vectors_parse_and_format() {
        check_valid_vectors("cnpj_valid", TaxIdKind::Cnpj, TaxId::parse_cnpj);
    }

    #[test]
    fn invalid_cnpj_vectors_are_rejected() {
        check_invalid_vectors("cnpj_invalid", TaxIdKind::Cnpj);
        assert_eq!(
            TaxId::parse("00000000000000"),
            Err(TaxIdError::Repeated(TaxIdKind::Cnpj))
        );
        assert_eq!(
            TaxId::parse("12ABC34501DE00"),
            Err(TaxIdError::CheckDigits(TaxIdKind::Cnpj))
        );
    }

    // ---- masks, case, characters ----

    #[test]
    fn masks_and_blanks_are_accepted() {
        let cpf = TaxId::Cpf("11144477735".into());
        assert_eq!(TaxId::parse("111.444.777-35"), Ok(cpf.clone()));
        assert_eq!(TaxId::parse("  111 444 777 35\t"), Ok(cpf.clone()));
        assert_eq!(TaxId::parse("111444777-35"), Ok(cpf));
        let cnpj = TaxId::Cnpj("12ABC34501DE35".into());
        assert_eq!(TaxId::parse(" 12.abc.345/01de-35 "), Ok(cnpj.clone()));
        assert_eq!(TaxId::parse("12.ABC.345/01DE-35"), Ok(cnpj.clone()));
        assert_eq!(TaxId::parse_cnpj("12abc34501de35"), Ok(cnpj));
        assert_eq!(
            TaxId::parse("34.665.388/0001-61"),
            Ok(TaxId::Cnpj("34665388000161".into()))
        );
    }

    #[test]
    fn lowercase_alphanumeric_cnpj_is_stored_uppercase() {
        let id = TaxId::parse("12abc34501de35").expect("valid");
        assert_eq!(id.as_str(), "12ABC34501DE35");
        assert_eq!(id.formatted(), "12.ABC.345/01DE-35");
        assert_eq!(id.to_string(), "12.ABC.345/01DE-35");
    }

    #[test]
    fn letters_in_a_cpf_are_rejected() {
        assert_eq!(TaxId::parse("1114447773A"), Err(TaxIdError::Character('A')));
        // Uppercased before the check, so the error names the uppercase letter.
        assert_eq!(
            TaxId::parse_cpf("111.444.777-x5"),
            Err(TaxIdError::Character('X'))
        );
    }

    #[test]
    fn letters_in_cnpj_check_digit_positions_are_check_digit_errors() {
        assert_eq!(
            TaxId::parse("12ABC34501DE3A"),
            Err(TaxIdError::CheckDigits(TaxIdKind::Cnpj))
        );
        assert_eq!(
            TaxId::parse("12.ABC.345/01DE-A5"),
            Err(TaxIdError::CheckDigits(TaxIdKind::Cnpj))
        );
        assert_eq!(
            TaxId::parse("AAAAAAAAAAAAAA"),
            Err(TaxIdError::CheckDigits(TaxIdKind::Cnpj))
        );
    }

    #[test]
    fn foreign_characters_are_rejected() {
        assert_eq!(
            TaxId::parse("111.444.777_35"),
            Err(TaxIdError::Character('_'))
        );
        assert_eq!(
            TaxId::parse("111,444,777-35"),
            Err(TaxIdError::Character(','))
        );
        // Non-ASCII letters and digits are not CPF/CNPJ characters.
        assert_eq!(TaxId::parse("1114447773é"), Err(TaxIdError::Character('é')));
        assert_eq!(TaxId::parse("١١١٤٤٤٧٧٧٣٥"), Err(TaxIdError::Character('١')));
    }

    #[test]
    fn empty_and_wrong_lengths() {
        assert_eq!(TaxId::parse(""), Err(TaxIdError::Empty));
        assert_eq!(TaxId::parse("   "), Err(TaxIdError::Empty));
        assert_eq!(TaxId::parse(" ./- "), Err(TaxIdError::Empty));
        assert_eq!(TaxId::parse("12345"), Err(TaxIdError::Length(5)));
        assert_eq!(TaxId::parse("111.444.777-3"), Err(TaxIdError::Length(10)));
        assert_eq!(TaxId::parse("1114447773512"), Err(TaxIdError::Length(13)));
        assert_eq!(
            TaxId::parse("34.665.388/0001-612"),
            Err(TaxIdError::Length(15))
        );
        assert_eq!(TaxId::parse_cpf(""), Err(TaxIdError::Empty));
        assert_eq!(TaxId::parse_cnpj(""), Err(TaxIdError::Empty));
    }

    #[test]
    fn parse_cpf_and_parse_cnpj_refuse_the_other_kind() {
        assert_eq!(
            TaxId::parse_cpf("34.665.388/0001-61"),
            Err(TaxIdError::NotCpf)
        );
        assert_eq!(TaxId::parse_cpf("12345"), Err(TaxIdError::NotCpf));
        assert_eq!(
            TaxId::parse_cnpj("111.444.777-35"),
            Err(TaxIdError::NotCnpj)
        );
        assert_eq!(TaxId::parse_cnpj("12345"), Err(TaxIdError::NotCnpj));
        assert_eq!(
            TaxId::parse_cpf("111.444.777-36"),
            Err(TaxIdError::CheckDigits(TaxIdKind::Cpf))
        );
        assert_eq!(
            TaxId::parse_cnpj("34.665.388/0001-62"),
            Err(TaxIdError::CheckDigits(TaxIdKind::Cnpj))
        );
    }

    #[test]
    fn every_repeated_sequence_is_rejected() {
        for digit in '0'..='9' {
            let cpf: String = std::iter::repeat_n(digit, 11).collect();
            assert_eq!(
                TaxId::parse(&cpf),
                Err(TaxIdError::Repeated(TaxIdKind::Cpf))
            );
            let cnpj: String = std::iter::repeat_n(digit, 14).collect();
            assert_eq!(
                TaxId::parse(&cnpj),
                Err(TaxIdError::Repeated(TaxIdKind::Cnpj))
            );
        }
    }

    #[test]
    fn alphanumeric_values_follow_ascii_minus_48() {
        assert_eq!(char_value(b'0'), 0);
        assert_eq!(char_value(b'9'), 9);
        assert_eq!(char_value(b'A'), 17);
        assert_eq!(char_value(b'Z'), 42);
        assert_eq!(cnpj_with_dvs("12ABC34501DE"), "12ABC34501DE35");
    }

    #[test]
    fn kind_and_display() {
        assert_eq!(TaxIdKind::Cpf.to_string(), "CPF");
        assert_eq!(TaxIdKind::Cnpj.to_string(), "CNPJ");
        let cpf = TaxId::parse("39053344705").expect("valid");
        assert_eq!(cpf.to_string(), "390.533.447-05");
        assert_eq!(cpf.kind(), TaxIdKind::Cpf);
        let cnpj: TaxId = "00038166000105".parse().expect("valid");
        assert_eq!(cnpj.to_string(), "00.038.166/0001-05");
        assert_eq!(cnpj.kind(), TaxIdKind::Cnpj);
    }

    #[test]
    fn ordering_and_hashing_use_the_canonical_value() {
        let a = TaxId::parse("111.444.777-35").expect("valid");
        let b = TaxId::parse("11144477735").expect("valid");
        assert_eq!(a, b);
        let set: std::collections::HashSet<TaxId> = [a, b].into_iter().collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn digits_only_keeps_ascii_digits() {
        assert_eq!(digits_only("(11) 98765-4321"), "11987654321");
        assert_eq!(digits_only("12.ABC.345/01DE-35"), "123450135");
        assert_eq!(digits_only(""), "");
        assert_eq!(digits_only("١٢٣ abc"), "");
    }

    #[test]
    fn serde_uses_the_canonical_string_and_validates() {
        let id = TaxId::parse("12.abc.345/01de-35").expect("valid");
        let json = serde_json::to_string(&id).expect("serialize");
        assert_eq!(json, "\"12ABC34501DE35\"");
        let back: TaxId = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, id);
        let masked: TaxId = serde_json::from_str("\"111.444.777-35\"").expect("deserialize");
        assert_eq!(masked, TaxId::Cpf("11144477735".into()));
        assert!(serde_json::from_str::<TaxId>("\"11111111111\"").is_err());
        assert!(serde_json::from_str::<TaxId>("\"12ABC34501DE00\"").is_err());
        assert!(serde_json::from_str::<TaxId>("42").is_err());
    }

    #[test]
    fn error_messages_carry_their_arguments() {
        let errors = [
            TaxIdError::Empty,
            TaxIdError::Length(5),
            TaxIdError::Character('#'),
            TaxIdError::Repeated(TaxIdKind::Cpf),
            TaxIdError::CheckDigits(TaxIdKind::Cnpj),
            TaxIdError::NotCpf,
            TaxIdError::NotCnpj,
        ];
        for error in &errors {
            let message = error.to_string();
            assert!(!message.is_empty(), "{error:?}");
            // A missing id makes fl! fall back to the id itself.
            assert!(!message.starts_with("taxid-"), "{error:?}: {message}");
        }
        assert!(TaxIdError::Length(5).to_string().contains('5'));
        assert!(TaxIdError::Character('#').to_string().contains('#'));
        assert!(
            TaxIdError::Repeated(TaxIdKind::Cpf)
                .to_string()
                .contains("CPF")
        );
        assert!(
            TaxIdError::CheckDigits(TaxIdKind::Cnpj)
                .to_string()
                .contains("CNPJ")
        );
        let boxed: Box<dyn std::error::Error> = Box::new(TaxIdError::NotCpf);
        assert!(!boxed.to_string().is_empty());
    }

    // ---- generators ----

    #[test]
    fn from_base_examples() {
        assert_eq!(TaxId::cpf_from_base(111_444_777).as_str(), "11144477735");
        assert_eq!(TaxId::cpf_from_base(0).as_str(), "00000000191");
        assert_eq!(TaxId::cpf_from_base(1).as_str(), "00000000191");
        // Repeated bases skip to the next one; the top one wraps around.
        assert_eq!(
            TaxId::cpf_from_base(111_111_111),
            TaxId::cpf_from_base(111_111_112)
        );
        assert_eq!(TaxId::cpf_from_base(999_999_999), TaxId::cpf_from_base(1));
        // Bases beyond nine digits are reduced.
        assert_eq!(
            TaxId::cpf_from_base(1_111_444_777),
            TaxId::cpf_from_base(111_444_777)
        );
        assert_eq!(
            TaxId::cnpj_from_base(346_653_880_001).as_str(),
            "34665388000161"
        );
        assert_eq!(
            TaxId::cnpj_from_base(381_660_001).as_str(),
            "00038166000105"
        );
        assert_eq!(TaxId::cnpj_from_base(0), TaxId::cnpj_from_base(1));
        assert_eq!(
            TaxId::cnpj_from_base(u64::MAX),
            TaxId::cnpj_from_base(u64::MAX % 1_000_000_000_000)
        );
    }

    // ---- the known blind spots of the mod-11 rule ----

    #[test]
    fn the_zero_or_one_remainder_collapse_hides_some_single_digit_changes() {
        // Remainders 0 and 1 both give check digit 0, so a change that moves
        // the remainder between them goes unnoticed. These pairs are all valid.
        for (a, b) in [
            ("17088027704", "07088027704"),
            ("00000003700", "00000203700"),
        ] {
            assert!(TaxId::parse(a).is_ok(), "{a}");
            assert!(TaxId::parse(b).is_ok(), "{b}");
        }
        // Alphanumeric CNPJ: characters whose values differ by 11·k weigh the same.
        // '0' (0) and 'F' (22) are indistinguishable in any position of the base.
        let with_zero = cnpj_with_dvs("100000000001");
        let with_f = replaced(&with_zero, 3, 'F');
        assert!(TaxId::parse(&with_zero).is_ok());
        assert!(TaxId::parse(&with_f).is_ok());
    }

    /// The only single-digit CPF changes that keep it valid (found by exhaustive
    /// search on samples and by the algebra of the weights): the first digit by ±1
    /// when DV1 is 0 (its DV2 weight is 11 ≡ 0), or the sixth by ±2/±9 when both DVs are 0.
    fn cpf_change_may_go_unnoticed(original: &str, index: usize, delta: i32) -> bool {
        let dv1_zero = original.as_bytes()[9] == b'0';
        let both_zero = dv1_zero && original.as_bytes()[10] == b'0';
        let delta = delta.rem_euclid(11);
        (index == 0 && dv1_zero && matches!(delta, 1 | 10))
            || (index == 5 && both_zero && matches!(delta, 2 | 9))
    }

    /// Same for numeric CNPJs: positions 1 and 9 by ±2/±9, position 5 by ±5/±6,
    /// and only when both DVs are 0.
    fn cnpj_change_may_go_unnoticed(original: &str, index: usize, delta: i32) -> bool {
        let both_zero = original.ends_with("00");
        let delta = delta.rem_euclid(11);
        both_zero
            && (((index == 0 || index == 8) && matches!(delta, 2 | 9))
                || (index == 4 && matches!(delta, 5 | 6)))
    }

    proptest! {
        #[test]
        fn cpf_from_base_is_valid_and_round_trips(base in any::<u32>()) {
            let id = TaxId::cpf_from_base(base);
            prop_assert_eq!(id.kind(), TaxIdKind::Cpf);
            prop_assert_eq!(id.as_str().len(), 11);
            prop_assert_eq!(TaxId::parse(id.as_str()), Ok(id.clone()));
            prop_assert_eq!(TaxId::parse(&id.formatted()), Ok(id.clone()));
            prop_assert_eq!(TaxId::parse_cpf(&id.formatted()), Ok(id.clone()));
            let padded = format!("{:09}", base % 1_000_000_000);
            if !all_same(padded.as_bytes()) {
                prop_assert!(id.as_str().starts_with(&padded));
            }
        }

        #[test]
        fn cnpj_from_base_is_valid_and_round_trips(base in any::<u64>()) {
            let id = TaxId::cnpj_from_base(base);
            prop_assert_eq!(id.kind(), TaxIdKind::Cnpj);
            prop_assert_eq!(TaxId::parse(id.as_str()), Ok(id.clone()));
            prop_assert_eq!(TaxId::parse(&id.formatted()), Ok(id.clone()));
            prop_assert_eq!(TaxId::parse_cnpj(&id.formatted()), Ok(id.clone()));
            let padded = format!("{:012}", base % 1_000_000_000_000);
            if padded != "000000000000" {
                prop_assert!(id.as_str().starts_with(&padded));
            }
        }

        #[test]
        fn alphanumeric_cnpj_round_trips(base in "[0-9A-Z]{12}") {
            let value = cnpj_with_dvs(&base);
            let parsed = TaxId::parse(&value);
            if all_same(value.as_bytes()) {
                prop_assert_eq!(parsed, Err(TaxIdError::Repeated(TaxIdKind::Cnpj)));
            } else {
                let id = parsed.expect("valid by construction");
                prop_assert_eq!(id.as_str(), value.as_str());
                prop_assert_eq!(TaxId::parse(&id.formatted()), Ok(id.clone()));
                prop_assert_eq!(TaxId::parse(&id.formatted().to_lowercase()), Ok(id.clone()));
                // Wrong DVs: every other pair is refused.
                let wrong = format!("{}{:02}", &value[..12], (value[12..].parse::<u32>().unwrap_or(0) + 1) % 100);
                prop_assert_eq!(TaxId::parse(&wrong), Err(TaxIdError::CheckDigits(TaxIdKind::Cnpj)));
            }
        }

        #[test]
        fn changing_one_cpf_digit_is_detected(
            base in any::<u32>(),
            index in 0usize..11,
            shift in 1u8..10,
        ) {
            let original = TaxId::cpf_from_base(base).as_str().to_string();
            let old = original.as_bytes()[index];
            let new = b'0' + (old - b'0' + shift) % 10;
            let changed = replaced(&original, index, char::from(new));
            let delta = i32::from(new) - i32::from(old);
            if !cpf_change_may_go_unnoticed(&original, index, delta) {
                prop_assert!(TaxId::parse(&changed).is_err(), "{} -> {}", original, changed);
            }
        }

        #[test]
        fn changing_one_cnpj_digit_is_detected(
            base in any::<u64>(),
            index in 0usize..14,
            shift in 1u8..10,
        ) {
            let original = TaxId::cnpj_from_base(base).as_str().to_string();
            let old = original.as_bytes()[index];
            let new = b'0' + (old - b'0' + shift) % 10;
            let changed = replaced(&original, index, char::from(new));
            let delta = i32::from(new) - i32::from(old);
            if !cnpj_change_may_go_unnoticed(&original, index, delta) {
                prop_assert!(TaxId::parse(&changed).is_err(), "{} -> {}", original, changed);
            }
        }

        #[test]
        fn parse_never_panics(input in "\\PC{0,30}") {
            let _ = TaxId::parse(&input);
            let _ = TaxId::parse_cpf(&input);
            let _ = TaxId::parse_cnpj(&input);
        }

        #[test]
        fn parse_output_is_canonical(input in "[0-9A-Za-z./ -]{0,20}") {
            if let Ok(id) = TaxId::parse(&input) {
                prop_assert!(id.as_str().bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()));
                prop_assert_eq!(TaxId::parse(id.as_str()), Ok(id.clone()));
                prop_assert_eq!(TaxId::parse(&id.to_string()), Ok(id));
            }
        }
    }

    /// Every single-digit change of a spread of CPFs and CNPJs: none goes
    /// unnoticed outside the described blind spots, and the blind spots are real.
    #[test]
    fn blind_spot_description_is_complete() {
        let mut unnoticed_count = 0usize;
        for step in 0..5_000u32 {
            let cpf = TaxId::cpf_from_base(step.wrapping_mul(48_271) % 1_000_000_000);
            let cpf = cpf.as_str();
            let cnpj = TaxId::cnpj_from_base(u64::from(step) * 193_084_051);
            let cnpj = cnpj.as_str();
            for (value, is_cpf) in [(cpf, true), (cnpj, false)] {
                for index in 0..value.len() {
                    let old = value.as_bytes()[index];
                    for new in b'0'..=b'9' {
                        if new == old {
                            continue;
                        }
                        let changed = replaced(value, index, char::from(new));
                        let delta = i32::from(new) - i32::from(old);
                        let expected = if is_cpf {
                            cpf_change_may_go_unnoticed(value, index, delta)
                        } else {
                            cnpj_change_may_go_unnoticed(value, index, delta)
                        };
                        let unnoticed = TaxId::parse(&changed).is_ok();
                        assert!(
                            !unnoticed || expected,
                            "{value} -> {changed} went unnoticed"
                        );
                        unnoticed_count += usize::from(unnoticed);
                    }
                }
            }
        }
        assert!(unnoticed_count > 0);
    }
}
