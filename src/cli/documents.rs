//! Commands that print documents or check boleto and Pix codes.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use super::args::{BoletoAction, PixAction};
use crate::boleto::account::{AccountInput, Bank};
use crate::boleto::barcode::Barcode;
use crate::boleto::pix::{self, StaticPix};
use crate::boleto::pix_key::PixKey;
use crate::docs::model::{BoletoSlip, Party};
use crate::domain::customer::Address;
use crate::domain::money::Money;
use crate::error::{Error, Result};
use crate::services::files::write_whole;
use crate::store::{Database, settings as stored_settings};

/// Writes the PDF and says where, with its size.
pub fn written(bytes: &[u8], path: &Path, json: bool, extra: serde_json::Value) -> Result<String> {
    write_whole(path, bytes)?;
    let kb = bytes.len().div_ceil(1024);
    Ok(if json {
        let mut value = json!({ "path": path.display().to_string(), "bytes": bytes.len() });
        if let (Some(object), serde_json::Value::Object(more)) = (value.as_object_mut(), extra) {
            object.extend(more);
        }
        format!("{value}\n")
    } else {
        format!(
            "{}\n",
            crate::t!(
                "cli-pdf-written",
                path = path.display().to_string(),
                size = kb.to_string()
            )
        )
    })
}

pub fn boleto(
    action: BoletoAction,
    db_path: &Path,
    today: NaiveDate,
    json: bool,
) -> Result<String> {
    match action {
        BoletoAction::Check { text } => {
            let barcode = match Barcode::parse(&text) {
                Ok(barcode) => barcode,
                Err(error) if json => {
                    println!("{}", json!({ "valid": false, "error": error.to_string() }));
                    return Err(error.into());
                }
                Err(error) => return Err(error.into()),
            };
            Ok(describe(&barcode, today, json))
        }
        BoletoAction::Make {
            bank,
            agency,
            account,
            convenio,
            wallet,
            our_number,
            due,
            boleto_amount,
            boleto_pdf,
        } => {
            let bank_code = bank.clone();
            let input = AccountInput {
                bank: Bank::from_code(&bank),
                agency,
                account,
                beneficiary_code: convenio.unwrap_or_default(),
                wallet,
            };
            let account = input.validate().map_err(|errors| {
                if input.bank.is_none() {
                    Error::Code(crate::t!("boleto-bank-unsupported", bank = bank_code))
                } else {
                    Error::BankAccount(errors)
                }
            })?;
            let due = super::parse_date(&due)?;
            let amount = Money::parse_brl(&boleto_amount)?;
            if !amount.is_positive() {
                return Err(Error::Code(crate::t!("boleto-value")));
            }
            let number = account.our_number(our_number, today.year() as u32, 1)?;
            let barcode = Barcode::build(account.bank.code(), due, amount, &number.campo_livre)?;
            let mut text = describe(&barcode, today, json);
            if !json {
                text.push_str(&format!("our_number: {}\n", number.printed));
            }
            let mut pdf_written = None;
            if let Some(path) = boleto_pdf {
                let store = stored_store(db_path);
                let slip = BoletoSlip {
                    bank: account.bank,
                    digitable_line: barcode.digitable_line().formatted(),
                    barcode: barcode.as_str().to_string(),
                    agency_code: account.printed_agency_code(),
                    payee: store,
                    payer: Party::new(
                        "Pagador de Teste",
                        "CPF 123.456.789-09".to_string(),
                        &Address {
                            street: "Rua de Teste".into(),
                            number: "1".into(),
                            city: "São Paulo".into(),
                            state: "SP".into(),
                            postal_code: "01001000".into(),
                            ..Default::default()
                        },
                    ),
                    due_date: due,
                    amount,
                    our_number: number.printed.clone(),
                    document_number: our_number.to_string(),
                    document_date: today,
                    processing_date: today,
                    wallet: account.wallet.clone(),
                    instructions: vec!["Boleto de teste para homologação: não pague.".to_string()],
                };
                let bytes = crate::docs::boleto::render(&slip, "Boleto de teste – homologação")?;
                let note = written(&bytes, &path, json, json!({}))?;
                if !json {
                    text.push_str(&note);
                }
                pdf_written = Some((path, bytes.len()));
            }
            if json {
                let mut value: serde_json::Value =
                    serde_json::from_str(&text).map_err(|e| Error::Corrupt(e.to_string()))?;
                value["our_number"] = json!(number.printed);
                if let Some((path, size)) = pdf_written {
                    value["path"] = json!(path.display().to_string());
                    value["bytes"] = json!(size);
                }
                text = format!("{value}\n");
            }
            Ok(text)
        }
    }
}

/// The store as payee when the database exists; a placeholder otherwise (a test boleto
/// should not create a database).
fn stored_store(db_path: &Path) -> Party {
    let settings = db_path
        .exists()
        .then(|| Database::open(db_path).ok())
        .flatten()
        .and_then(|db| stored_settings::load(db.conn()).ok());
    match settings {
        Some(settings) if !settings.store.legal_name.is_empty() => {
            crate::services::documents::payee(&settings)
        }
        _ => Party::new("Beneficiário de Teste", String::new(), &Address::default()),
    }
}

fn describe(barcode: &Barcode, today: NaiveDate, json: bool) -> String {
    let bank = Bank::from_code(barcode.bank());
    let due = barcode.due_date(today);
    if json {
        format!(
            "{}\n",
            json!({
                "valid": true,
                "bank": barcode.bank(),
                "bank_name": bank.map(|b| b.name()),
                "value_cents": barcode.value().cents(),
                "due_date": due.map(|d| d.to_string()),
                "barcode": barcode.as_str(),
                "digitable_line": barcode.digitable_line().formatted(),
            })
        )
    } else {
        let bank_name = bank.map(|b| format!(" ({})", b.name())).unwrap_or_default();
        format!(
            "valid: {}\nbank: {}{bank_name}\nvalue_cents: {} ({})\ndue_date: {}\nbarcode: {}\ndigitable_line: {}\n",
            crate::t!("cli-boleto-valid"),
            barcode.bank(),
            barcode.value().cents(),
            barcode.value().format_brl(),
            due.map_or_else(|| "-".to_string(), |d| d.to_string()),
            barcode.as_str(),
            barcode.digitable_line().formatted(),
        )
    }
}

pub fn pix(action: PixAction, json: bool) -> Result<String> {
    match action {
        PixAction::Check { payload } => {
            let code = match pix::parse(&payload) {
                Ok(code) => code,
                Err(error) if json => {
                    println!("{}", json!({ "valid": false, "error": error.to_string() }));
                    return Err(error.into());
                }
                Err(error) => return Err(error.into()),
            };
            let fields = json!({
                "valid": true,
                "key": code.key,
                "url": code.url,
                "amount_cents": code.amount.map(|a| a.cents()),
                "merchant_name": code.merchant_name,
                "merchant_city": code.merchant_city,
                "txid": code.txid,
                "message": code.message,
            });
            Ok(if json {
                format!("{fields}\n")
            } else {
                let mut text = format!("valid: {}\n", crate::t!("cli-boleto-valid"));
                for (label, value) in [
                    ("key", code.key.clone()),
                    ("url", code.url.clone()),
                    ("amount", code.amount.map(|a| a.format_brl())),
                    ("merchant_name", Some(code.merchant_name.clone())),
                    ("merchant_city", Some(code.merchant_city.clone())),
                    ("txid", Some(code.txid.clone())),
                    ("message", code.message.clone()),
                ] {
                    if let Some(value) = value {
                        text.push_str(&format!("{label}: {value}\n"));
                    }
                }
                text
            })
        }
        PixAction::Make {
            pix_key,
            name,
            city,
            pix_amount,
            txid,
        } => {
            let key = PixKey::parse(&pix_key)?;
            let amount = match pix_amount {
                Some(text) => {
                    let amount = Money::parse_brl(&text)?;
                    if !amount.is_positive() {
                        return Err(Error::Code(crate::t!("boleto-value")));
                    }
                    Some(amount)
                }
                None => None,
            };
            let txid = txid.unwrap_or_else(|| "***".to_string());
            let payload = pix::static_payload(&StaticPix {
                key: key.as_str(),
                amount,
                merchant_name: &name,
                merchant_city: &city,
                txid: &txid,
            })?;
            Ok(if json {
                format!("{}\n", json!({ "payload": payload }))
            } else {
                format!("{payload}\n")
            })
        }
    }
}
