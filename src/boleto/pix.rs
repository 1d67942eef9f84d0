//! Pix BR Code (EMV QRCPS-MPM): the "copia e cola" payload and what a QR carries
//! (`boleto-spec.md` §7.1).

use std::fmt;

use crate::domain::money::Money;
use crate::domain::text::fold_ascii;

const GUI: &str = "br.gov.bcb.pix";
const MAX_NAME: usize = 25;
const MAX_CITY: usize = 15;
const MAX_KEY: usize = 77;
const MAX_TXID: usize = 25;

/// CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection.
pub fn crc16(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for byte in data {
        crc ^= u16::from(*byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// A BR Code read back: the Pix fields a store cares about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrCode {
    /// `12` for a code meant to be paid once (dynamic).
    pub point_of_initiation: Option<String>,
    /// The payee's key (static codes).
    pub key: Option<String>,
    /// Where the payer's app fetches the charge (dynamic codes).
    pub url: Option<String>,
    pub message: Option<String>,
    pub amount: Option<Money>,
    pub merchant_name: String,
    pub merchant_city: String,
    pub postal_code: Option<String>,
    pub txid: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PixError {
    NotBrCode,
    Malformed(usize),
    Crc { stated: String, computed: String },
    Missing(&'static str),
    NotPix,
    Amount(String),
    Key,
    Txid(String),
    Field(&'static str),
}

impl fmt::Display for PixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            PixError::NotBrCode => crate::t!("pix-not-br-code"),
            PixError::Malformed(position) => {
                crate::t!("pix-malformed", position = position.to_string())
            }
            PixError::Crc { stated, computed } => crate::t!(
                "pix-crc",
                stated = stated.clone(),
                computed = computed.clone()
            ),
            PixError::Missing(field) => crate::t!("pix-missing", field = field.to_string()),
            PixError::NotPix => crate::t!("pix-not-pix"),
            PixError::Amount(text) => crate::t!("pix-amount", amount = text.clone()),
            PixError::Key => crate::t!("pix-key", max = MAX_KEY.to_string()),
            PixError::Txid(txid) => crate::t!("pix-txid", txid = txid.clone()),
            PixError::Field(field) => crate::t!("pix-field", field = field.to_string()),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for PixError {}

/// Splits `ID(2) LEN(2) VALUE` objects; `offset` only places errors.
fn objects(text: &str, offset: usize) -> Result<Vec<(&str, &str)>, PixError> {
    let mut found = Vec::new();
    let mut rest = text;
    let mut position = offset;
    while !rest.is_empty() {
        let malformed = PixError::Malformed(position);
        let id = rest.get(0..2).ok_or(malformed.clone())?;
        let length: usize = rest
            .get(2..4)
            .and_then(|l| l.parse().ok())
            .ok_or(malformed.clone())?;
        let value = rest.get(4..4 + length).ok_or(malformed)?;
        found.push((id, value));
        rest = &rest[4 + length..];
        position += 4 + length;
    }
    Ok(found)
}

/// `123.45`, `100`, `10.5`, `0.9` (the BR Code writes amounts with a dot).
fn parse_amount(text: &str) -> Result<Money, PixError> {
    let bad = || PixError::Amount(text.to_string());
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty()
        || whole.len() > 10
        || fraction.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| bad())? * 10,
        _ => fraction.parse().map_err(|_| bad())?,
    };
    Ok(Money::from_cents(whole * 100 + cents))
}

/// Reads and checks a BR Code ("Pix copia e cola"): structure, CRC and Pix fields.
pub fn parse(payload: &str) -> Result<BrCode, PixError> {
    let payload = payload.trim();
    if !payload.starts_with("000201") {
        return Err(PixError::NotBrCode);
    }
    let crc_at = payload.len().checked_sub(8).ok_or(PixError::NotBrCode)?;
    if payload.get(crc_at..crc_at + 4) != Some("6304") {
        return Err(PixError::Missing("63 (CRC)"));
    }
    let stated = payload[crc_at + 4..].to_uppercase();
    let computed = format!("{:04X}", crc16(&payload.as_bytes()[..crc_at + 4]));
    if stated != computed {
        return Err(PixError::Crc { stated, computed });
    }
    let top = objects(&payload[..crc_at], 0)?;
    let field = |id: &str| {
        top.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, v)| v.to_string())
    };

    let mut key = None;
    let mut url = None;
    let mut message = None;
    let mut is_pix = false;
    for (id, value) in &top {
        let Ok(number) = id.parse::<u8>() else {
            continue;
        };
        if !(26..=51).contains(&number) {
            continue;
        }
        let inner = objects(value, 0)?;
        let get = |sub: &str| {
            inner
                .iter()
                .find(|(i, _)| *i == sub)
                .map(|(_, v)| v.to_string())
        };
        if get("00").is_some_and(|gui| gui.eq_ignore_ascii_case(GUI)) {
            is_pix = true;
            key = get("01");
            message = get("02");
            url = get("25");
            break;
        }
    }
    if !is_pix {
        return Err(PixError::NotPix);
    }
    if field("53").as_deref() != Some("986") {
        return Err(PixError::Missing("53 (986)"));
    }
    let txid = match field("62") {
        Some(data) => objects(&data, 0)?
            .into_iter()
            .find(|(id, _)| *id == "05")
            .map(|(_, v)| v.to_string())
            .ok_or(PixError::Missing("62/05 (txid)"))?,
        None => return Err(PixError::Missing("62 (txid)")),
    };
    Ok(BrCode {
        point_of_initiation: field("01"),
        key,
        url,
        message,
        amount: field("54").map(|a| parse_amount(&a)).transpose()?,
        merchant_name: field("59").ok_or(PixError::Missing("59"))?,
        merchant_city: field("60").ok_or(PixError::Missing("60"))?,
        postal_code: field("61"),
        txid,
    })
}

/// What a static Pix code for one installment carries.
pub struct StaticPix<'a> {
    /// CPF/CNPJ digits, `+55…` phone, e-mail or random key.
    pub key: &'a str,
    pub amount: Option<Money>,
    pub merchant_name: &'a str,
    pub merchant_city: &'a str,
    /// Up to 25 letters and digits to reconcile the statement, or `***`.
    pub txid: &'a str,
}

fn object(id: &str, value: &str) -> String {
    format!("{id}{:02}{value}", value.len())
}

/// The "copia e cola" payload of a static Pix code, CRC included.
pub fn static_payload(pix: &StaticPix<'_>) -> Result<String, PixError> {
    let key = pix.key.trim();
    if key.is_empty() || key.len() > MAX_KEY {
        return Err(PixError::Key);
    }
    let txid_ok = pix.txid == "***"
        || (!pix.txid.is_empty()
            && pix.txid.len() <= MAX_TXID
            && pix.txid.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !txid_ok {
        return Err(PixError::Txid(pix.txid.to_string()));
    }
    let name = fold_ascii(pix.merchant_name, MAX_NAME);
    let city = fold_ascii(pix.merchant_city, MAX_CITY);
    if name.is_empty() {
        return Err(PixError::Field("59"));
    }
    if city.is_empty() {
        return Err(PixError::Field("60"));
    }
    let mut payload = object("00", "01");
    payload.push_str(&object("26", &(object("00", GUI) + &object("01", key))));
    payload.push_str(&object("52", "0000"));
    payload.push_str(&object("53", "986"));
    if let Some(amount) = pix.amount {
        if !amount.is_positive() {
            return Err(PixError::Amount(amount.format_plain()));
        }
        let cents = amount.cents();
        payload.push_str(&object(
            "54",
            &format!("{}.{:02}", cents / 100, cents % 100),
        ));
    }
    payload.push_str(&object("58", "BR"));
    payload.push_str(&object("59", &name));
    payload.push_str(&object("60", &city));
    payload.push_str(&object("62", &object("05", pix.txid)));
    payload.push_str("6304");
    let crc = crc16(payload.as_bytes());
    payload.push_str(&format!("{crc:04X}"));
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn vectors(key: &str) -> Value {
        let all: Value =
            serde_json::from_str(include_str!("../../tests/vectors/boleto-pix-public.json"))
                .unwrap();
        all[key].clone()
    }

    #[test]
    fn the_crc_check_value() {
        let check = vectors("crc16_ccitt_false_check");
        let crc = format!(
            "{:04X}",
            crc16(check["input_ascii"].as_str().unwrap().as_bytes())
        );
        assert_eq!(crc, check["crc"].as_str().unwrap());
    }

    #[test]
    fn every_published_code_parses_with_its_fields() {
        for v in vectors("pix").as_array().unwrap() {
            let payload = v["payload"].as_str().unwrap();
            let code = parse(payload).unwrap_or_else(|e| panic!("{payload}: {e:?}"));
            let text = |k: &str| v[k].as_str().map(str::to_string);
            assert_eq!(code.key, text("key"));
            assert_eq!(code.url, text("url"));
            assert_eq!(code.message, text("info_adicional"));
            assert_eq!(Some(code.merchant_name.clone()), text("merchant_name"));
            assert_eq!(Some(code.merchant_city.clone()), text("merchant_city"));
            assert_eq!(Some(code.txid.clone()), text("txid"));
            assert_eq!(code.postal_code, text("postal_code"));
            assert_eq!(code.point_of_initiation, text("point_of_initiation"));
            let amount = text("amount").map(|a| parse_amount(&a).unwrap());
            assert_eq!(code.amount, amount);
        }
    }

    #[test]
    fn published_bad_codes_are_refused() {
        for v in vectors("pix_invalid").as_array().unwrap() {
            let error = parse(v["payload"].as_str().unwrap()).unwrap_err();
            assert!(matches!(error, PixError::Crc { .. }), "{error:?}");
        }
        assert_eq!(parse("hello"), Err(PixError::NotBrCode));
        let official = vectors("pix")[0]["payload"].as_str().unwrap().to_string();
        let tampered = official.replace("Fulano", "Fulana");
        assert!(matches!(parse(&tampered), Err(PixError::Crc { .. })));
    }

    #[test]
    fn builds_the_official_static_example_exactly() {
        let official = vectors("pix")[0]["payload"].as_str().unwrap().to_string();
        let built = static_payload(&StaticPix {
            key: "123e4567-e12b-12d1-a456-426655440000",
            amount: None,
            merchant_name: "Fulano de Tal",
            merchant_city: "BRASILIA",
            txid: "***",
        })
        .unwrap();
        assert_eq!(built, official);
    }

    #[test]
    fn folds_names_and_refuses_bad_fields() {
        assert_eq!(
            fold_ascii("Móveis Conceição & Filhos Comércio Ltda", 25),
            "Moveis Conceicao & Filhos"
        );
        assert_eq!(fold_ascii("São Miguel do Oeste", 15), "Sao Miguel do O");
        let mut pix = StaticPix {
            key: "34665388000161",
            amount: Some(Money::from_cents(15_090)),
            merchant_name: "Móveis Conceição",
            merchant_city: "Belo Horizonte",
            txid: "PARC000123",
        };
        let payload = static_payload(&pix).unwrap();
        let code = parse(&payload).unwrap();
        assert_eq!(code.amount, Some(Money::from_cents(15_090)));
        assert_eq!(code.merchant_name, "Moveis Conceicao");
        assert!(payload.contains("5406150.90"));
        pix.txid = "parcela-12";
        assert_eq!(
            static_payload(&pix),
            Err(PixError::Txid("parcela-12".into()))
        );
        pix.txid = "***";
        pix.key = "";
        assert_eq!(static_payload(&pix), Err(PixError::Key));
    }

    proptest! {
        #[test]
        fn built_codes_parse_back(
            cents in 1i64..10_000_000_000,
            name in "[A-Za-zÀ-ú ]{1,40}",
            txid in "[A-Za-z0-9]{1,25}",
        ) {
            let pix = StaticPix {
                key: "loja@exemplo.com.br",
                amount: Some(Money::from_cents(cents)),
                merchant_name: &name,
                merchant_city: "Belo Horizonte",
                txid: &txid,
            };
            match static_payload(&pix) {
                Ok(payload) => {
                    let code = parse(&payload).unwrap();
                    prop_assert_eq!(code.amount, Some(Money::from_cents(cents)));
                    prop_assert_eq!(code.txid, txid);
                }
                Err(error) => prop_assert_eq!(error, PixError::Field("59")),
            }
        }

        #[test]
        fn parse_never_panics(input in ".{0,120}") {
            let _ = parse(&input);
        }
    }
}
