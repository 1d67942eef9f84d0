//! Customers: registering, finding, and their statement as of a date.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::band::{BoardEntry, customer_band, is_prescribed};
use crate::domain::charges::{Charges, charges_at};
use crate::domain::customer::{CustomerInput, format_phone, format_postal_code};
use crate::domain::document::TaxId;
use crate::domain::installment::InstallmentStatus;
use crate::domain::money::Money;
use crate::error::{Error, Result};
use crate::services::{Actor, now_text, settings};
use crate::store::customers::{self as stored, CustomerRecord, CustomerSummary};
use crate::store::ledger::{self, PaymentRecord};
use crate::store::{Database, audit};

pub fn create(db: &mut Database, actor: &Actor, input: &CustomerInput) -> Result<i64> {
    let customer = input.validate()?;
    let tx = db.transaction()?;
    let id = stored::insert(&tx, &customer, &now_text())?;
    audit::record(
        &tx,
        actor.name(),
        "customer.create",
        "customer",
        Some(id),
        &serde_json::json!({ "name": customer.name, "tax_id": customer.tax_id.as_str() }),
    )?;
    tx.commit()?;
    Ok(id)
}

/// Saves the edited customer; the audit row names the fields that changed.
pub fn update(db: &mut Database, actor: &Actor, id: i64, input: &CustomerInput) -> Result<()> {
    let customer = input.validate()?;
    let tx = db.transaction()?;
    let before = stored::get(&tx, id)?.ok_or_else(|| Error::CustomerNotFound(id.to_string()))?;
    if !stored::update(&tx, id, &customer)? {
        return Err(Error::CustomerNotFound(id.to_string()));
    }
    let old = serde_json::to_value(&before.customer).unwrap_or_default();
    let new = serde_json::to_value(&customer).unwrap_or_default();
    let changed: Vec<&String> = match (&old, &new) {
        (serde_json::Value::Object(old), serde_json::Value::Object(new)) => new
            .iter()
            .filter(|(key, value)| old.get(*key) != Some(*value))
            .map(|(key, _)| key)
            .collect(),
        _ => Vec::new(),
    };
    audit::record(
        &tx,
        actor.name(),
        "customer.update",
        "customer",
        Some(id),
        &serde_json::json!({ "changed": changed }),
    )?;
    tx.commit()?;
    Ok(())
}

/// The customer as a form shows it for editing: masks and formats a clerk reads.
pub fn input_from(record: &CustomerRecord) -> CustomerInput {
    let customer = &record.customer;
    let mut address = customer.address.clone();
    address.postal_code = format_postal_code(&address.postal_code);
    CustomerInput {
        name: customer.name.clone(),
        tax_id: customer.tax_id.formatted(),
        phones: customer.phones.iter().map(|p| format_phone(p)).collect(),
        email: customer.email.clone().unwrap_or_default(),
        address,
        notes: customer.notes.clone(),
        consent: customer.consent,
        stops: customer.stops,
    }
}

pub fn get(db: &Database, id: i64) -> Result<CustomerRecord> {
    stored::get(db.conn(), id)?.ok_or_else(|| Error::CustomerNotFound(id.to_string()))
}

pub fn search(db: &Database, query: &str, limit: u32) -> Result<Vec<CustomerSummary>> {
    stored::search(db.conn(), query, limit)
}

/// One customer from what a clerk types: an id, a CPF/CNPJ (punctuation optional) or
/// part of a name. Several matches are an error that lists them.
pub fn resolve(db: &Database, query: &str) -> Result<i64> {
    let text = query.trim();
    if text.is_empty() {
        return Err(Error::CustomerNotFound(query.to_string()));
    }
    if let Ok(tax_id) = TaxId::parse(text) {
        return stored::id_by_tax_id(db.conn(), &tax_id)?
            .ok_or_else(|| Error::CustomerNotFound(query.to_string()));
    }
    if let Ok(id) = text.trim_start_matches('#').parse::<i64>() {
        return match stored::get(db.conn(), id)? {
            Some(_) => Ok(id),
            None => Err(Error::CustomerNotFound(query.to_string())),
        };
    }
    let matches = stored::search(db.conn(), text, 11)?;
    match matches.as_slice() {
        [] => Err(Error::CustomerNotFound(query.to_string())),
        [only] => Ok(only.id),
        many => Err(Error::AmbiguousCustomer {
            query: query.to_string(),
            matches: many
                .iter()
                .take(10)
                .map(|c| {
                    format!(
                        "  #{} {} ({}) – {}/{}",
                        c.id, c.name, c.tax_id, c.city, c.state
                    )
                })
                .collect(),
        }),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InstallmentLine {
    pub id: i64,
    pub sale_id: i64,
    pub number: u32,
    pub description: String,
    pub due_date: NaiveDate,
    pub amount: Money,
    pub status: InstallmentStatus,
    pub charges: Charges,
    pub band: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub today: NaiveDate,
    pub customer: CustomerRecord,
    /// The customer's band label and colour, if on the board.
    pub band: Option<(String, String)>,
    /// Collectible installments, itemized as of `today`.
    pub open_installments: Vec<InstallmentLine>,
    pub totals: Charges,
    pub payments: Vec<PaymentRecord>,
}

pub fn statement(db: &Database, customer_id: i64, today: NaiveDate) -> Result<Statement> {
    let customer = get(db, customer_id)?;
    let settings = settings::load(db)?;
    let calendar = settings.calendar();
    let rows = ledger::customer_installments(db.conn(), customer_id, today)?;
    let mut lines = Vec::new();
    let mut entries = Vec::new();
    for row in rows.into_iter().filter(|row| row.status.is_collectible()) {
        let charges = charges_at(&row.ledger, &settings.charges, &calendar, today);
        let slot = settings
            .bands
            .slot_for(row.ledger.due_date, charges.days_overdue, today);
        entries.push(BoardEntry {
            due_date: row.ledger.due_date,
            charges,
        });
        lines.push(InstallmentLine {
            id: row.ledger.id,
            sale_id: row.sale_id,
            number: row.number,
            description: row.description,
            due_date: row.ledger.due_date,
            amount: row.ledger.amount,
            status: row.status,
            charges,
            band: slot.map(|slot| settings.bands.label(slot).to_string()),
        });
    }
    let band = customer_band(&settings.bands, &entries, today)
        .map(|index| {
            let definition = &settings.bands.bands[index];
            (definition.label.clone(), definition.color.clone())
        })
        .or_else(|| {
            entries
                .iter()
                .any(|e| is_prescribed(e.due_date, today))
                .then(|| {
                    (
                        settings.bands.prescribed_label.clone(),
                        settings.bands.prescribed_color.clone(),
                    )
                })
        });
    let totals = lines.iter().fold(Charges::default(), |mut sum, line| {
        sum.principal += line.charges.principal;
        sum.fine += line.charges.fine;
        sum.interest += line.charges.interest;
        sum.discount += line.charges.discount;
        sum.total += line.charges.total;
        sum.days_overdue = sum.days_overdue.max(line.charges.days_overdue);
        sum
    });
    Ok(Statement {
        today,
        customer,
        band,
        open_installments: lines,
        totals,
        payments: ledger::customer_payments(db.conn(), customer_id)?,
    })
}
