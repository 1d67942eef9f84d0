//! The store's Pix key (chave Pix): CPF, CNPJ, e-mail, phone or random key (EVP), as the
//! DICT stores them (BCB Pix manual §1.6): digits only for CPF/CNPJ, `+55…` for phones,
//! lower-case UUID for random keys.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::document::TaxId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PixKey(String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PixKeyError(pub String);

impl fmt::Display for PixKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::t!("pix-key-invalid", key = self.0.clone()))
    }
}

impl std::error::Error for PixKeyError {}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl PixKey {
    /// Reads a key as a person types it (`123.456.789-09`, `(11) 98765-4321`, …).
    pub fn parse(input: &str) -> Result<PixKey, PixKeyError> {
        let text = input.trim();
        let invalid = || PixKeyError(text.to_string());
        if text.is_empty() {
            return Err(invalid());
        }
        if text.contains('@') {
            let (user, domain) = text.split_once('@').ok_or_else(invalid)?;
            let ok = !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && text.len() <= 77
                && !text.contains(char::is_whitespace);
            return if ok {
                Ok(PixKey(text.to_lowercase()))
            } else {
                Err(invalid())
            };
        }
        if is_uuid(text) {
            return Ok(PixKey(text.to_lowercase()));
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let only_number_marks = text
            .chars()
            .all(|c| c.is_ascii_digit() || " .-/()+".contains(c));
        if !only_number_marks {
            // An alphanumeric CNPJ is the only other key with letters.
            return TaxId::parse(text)
                .ok()
                .filter(|id| id.as_str().len() == 14)
                .map(|id| PixKey(id.as_str().to_string()))
                .ok_or_else(invalid);
        }
        if text.starts_with('+') {
            return match digits.strip_prefix("55") {
                Some(rest) if (10..=11).contains(&rest.len()) => Ok(PixKey(format!("+{digits}"))),
                _ => Err(invalid()),
            };
        }
        if let Ok(id) = TaxId::parse(&digits) {
            return Ok(PixKey(id.as_str().to_string()));
        }
        // A Brazilian phone with area code, typed without +55.
        if (10..=11).contains(&digits.len()) && text.contains('(') {
            return Ok(PixKey(format!("+55{digits}")));
        }
        Err(invalid())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PixKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stored_as_the_dict_keeps_them() {
        let ok = |input: &str, stored: &str| {
            assert_eq!(PixKey::parse(input).unwrap().as_str(), stored, "{input}")
        };
        ok("123.456.789-09", "12345678909");
        ok("11.222.333/0001-81", "11222333000181");
        ok("12.ABC.345/01DE-35", "12ABC34501DE35");
        ok("Loja@Exemplo.com.br", "loja@exemplo.com.br");
        ok("+55 (11) 98765-4321", "+5511987654321");
        ok("(11) 98765-4321", "+5511987654321");
        ok(
            "123E4567-E89B-12D3-A456-426614174000",
            "123e4567-e89b-12d3-a456-426614174000",
        );
    }

    #[test]
    fn bad_keys_are_refused() {
        for input in [
            "",
            "123.456.789-00",
            "loja@",
            "@x.com",
            "+1 555 1234",
            "abc",
            "12345",
        ] {
            assert!(PixKey::parse(input).is_err(), "{input}");
        }
    }
}
