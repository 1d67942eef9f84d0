//! Customers and their phones.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::domain::customer::{Address, CollectionStops, Customer};
use crate::domain::document::{TaxId, digits_only};
use crate::domain::text::fold;
use crate::error::{Error, Result};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CustomerRecord {
    pub id: i64,
    #[serde(flatten)]
    pub customer: Customer,
}

/// One line of a search result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CustomerSummary {
    pub id: i64,
    pub name: String,
    pub tax_id: String,
    pub city: String,
    pub state: String,
}

pub fn insert(conn: &Connection, customer: &Customer, created_at: &str) -> Result<i64> {
    let result = conn.execute(
        "INSERT INTO customers (name, search_name, tax_id, email, street, number, complement,
             district, city, state, postal_code, notes, consent, disputed, over_indebted,
             do_not_contact, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            customer.name,
            fold(&customer.name),
            customer.tax_id.as_str(),
            customer.email,
            customer.address.street,
            customer.address.number,
            customer.address.complement,
            customer.address.district,
            customer.address.city,
            customer.address.state,
            customer.address.postal_code,
            customer.notes,
            serde_json::to_string(&customer.consent).unwrap_or_default(),
            customer.stops.disputed,
            customer.stops.over_indebted,
            customer.stops.do_not_contact,
            created_at,
        ],
    );
    unique_tax_id(result, customer)?;
    let id = conn.last_insert_rowid();
    insert_phones(conn, id, &customer.phones)?;
    Ok(id)
}

/// Rewrites every field of a customer and their phones; false if there is no such id.
pub fn update(conn: &Connection, id: i64, customer: &Customer) -> Result<bool> {
    let result = conn.execute(
        "UPDATE customers SET name = ?2, search_name = ?3, tax_id = ?4, email = ?5, street = ?6,
             number = ?7, complement = ?8, district = ?9, city = ?10, state = ?11,
             postal_code = ?12, notes = ?13, consent = ?14, disputed = ?15,
             over_indebted = ?16, do_not_contact = ?17
         WHERE id = ?1",
        params![
            id,
            customer.name,
            fold(&customer.name),
            customer.tax_id.as_str(),
            customer.email,
            customer.address.street,
            customer.address.number,
            customer.address.complement,
            customer.address.district,
            customer.address.city,
            customer.address.state,
            customer.address.postal_code,
            customer.notes,
            serde_json::to_string(&customer.consent).unwrap_or_default(),
            customer.stops.disputed,
            customer.stops.over_indebted,
            customer.stops.do_not_contact,
        ],
    );
    let changed = unique_tax_id(result, customer)?;
    if changed == 0 {
        return Ok(false);
    }
    conn.execute("DELETE FROM customer_phones WHERE customer_id = ?1", [id])?;
    insert_phones(conn, id, &customer.phones)?;
    Ok(true)
}

/// The only unique column besides the id is the CPF/CNPJ: say so in words.
fn unique_tax_id(result: rusqlite::Result<usize>, customer: &Customer) -> Result<usize> {
    match result {
        Err(rusqlite::Error::SqliteFailure(failure, _))
            if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            Err(Error::DuplicateTaxId(customer.tax_id.formatted()))
        }
        other => Ok(other?),
    }
}

fn insert_phones(conn: &Connection, id: i64, phones: &[String]) -> Result<()> {
    let mut statement = conn.prepare_cached(
        "INSERT INTO customer_phones (customer_id, position, phone) VALUES (?1, ?2, ?3)",
    )?;
    for (position, phone) in phones.iter().enumerate() {
        statement.execute(params![id, position as i64, phone])?;
    }
    Ok(())
}

fn customer_from_row(row: &Row<'_>) -> rusqlite::Result<CustomerRecord> {
    let tax_id: String = row.get("tax_id")?;
    let consent: String = row.get("consent")?;
    Ok(CustomerRecord {
        id: row.get("id")?,
        customer: Customer {
            name: row.get("name")?,
            tax_id: TaxId::parse(&tax_id).map_err(|error| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    error.to_string().into(),
                )
            })?,
            phones: Vec::new(),
            email: row.get("email")?,
            address: Address {
                street: row.get("street")?,
                number: row.get("number")?,
                complement: row.get("complement")?,
                district: row.get("district")?,
                city: row.get("city")?,
                state: row.get("state")?,
                postal_code: row.get("postal_code")?,
            },
            notes: row.get("notes")?,
            consent: serde_json::from_str(&consent).unwrap_or_default(),
            stops: CollectionStops {
                disputed: row.get("disputed")?,
                over_indebted: row.get("over_indebted")?,
                do_not_contact: row.get("do_not_contact")?,
            },
        },
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<CustomerRecord>> {
    let record = conn
        .query_row(
            "SELECT * FROM customers WHERE id = ?1",
            [id],
            customer_from_row,
        )
        .optional()?;
    let Some(mut record) = record else {
        return Ok(None);
    };
    let mut statement = conn.prepare_cached(
        "SELECT phone FROM customer_phones WHERE customer_id = ?1 ORDER BY position",
    )?;
    record.customer.phones = statement
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(record))
}

pub fn id_by_tax_id(conn: &Connection, tax_id: &TaxId) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM customers WHERE tax_id = ?1",
            [tax_id.as_str()],
            |row| row.get(0),
        )
        .optional()?)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM customers", [], |row| row.get(0))?)
}

/// Finds customers by name without accents or case, by CPF/CNPJ with or without
/// punctuation (its start is enough), or by phone digits.
pub fn search(conn: &Connection, query: &str, limit: u32) -> Result<Vec<CustomerSummary>> {
    let folded = fold(query);
    if folded.is_empty() {
        return Ok(Vec::new());
    }
    let digits = digits_only(query);
    let looks_numeric = !digits.is_empty()
        && query
            .chars()
            .all(|c| c.is_ascii_digit() || " .-/()+".contains(c));
    let mut statement;
    let rows = if looks_numeric {
        statement = conn.prepare_cached(
            "SELECT id, name, tax_id, city, state FROM customers
             WHERE tax_id LIKE ?1 || '%'
                OR id IN (SELECT customer_id FROM customer_phones WHERE phone LIKE '%' || ?1 || '%')
             ORDER BY search_name, id LIMIT ?2",
        )?;
        statement.query_map(params![digits, limit], summary_from_row)?
    } else {
        let upper = query.trim().to_uppercase();
        let alnum: String = upper.chars().filter(char::is_ascii_alphanumeric).collect();
        statement = conn.prepare_cached(
            "SELECT id, name, tax_id, city, state FROM customers
             WHERE search_name LIKE '%' || ?1 || '%' ESCAPE '\\'
                OR (length(?2) = 14 AND tax_id = ?2)
             ORDER BY search_name, id LIMIT ?3",
        )?;
        statement.query_map(
            params![escape_like(&folded), alnum, limit],
            summary_from_row,
        )?
    };
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<CustomerSummary> {
    let tax_id: String = row.get(2)?;
    Ok(CustomerSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        tax_id: TaxId::parse(&tax_id)
            .map(|t| t.formatted())
            .unwrap_or(tax_id),
        city: row.get(3)?,
        state: row.get(4)?,
    })
}

/// Marks the customer's debt as disputed, which stops collection until a person
/// resolves it. Returns false if there is no such id.
pub fn set_disputed(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("UPDATE customers SET disputed = 1 WHERE id = ?1", [id])? == 1)
}
