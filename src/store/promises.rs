//! Promises to pay and the payments that keep them.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{date_text, parse_date_text};
use crate::domain::money::Money;
use crate::error::Result;

pub struct NewPromise<'a> {
    pub customer_id: i64,
    pub made_on: NaiveDate,
    pub due_on: NaiveDate,
    pub amount: Money,
    pub note: &'a str,
    pub actor: &'a str,
    pub created_at: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromiseRow {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub made_on: NaiveDate,
    pub due_on: NaiveDate,
    pub amount: Money,
    pub note: String,
    pub actor: String,
    /// What the customer paid from the day of the promise to its date.
    pub paid_since: Money,
}

pub fn insert(conn: &Connection, promise: &NewPromise<'_>) -> Result<i64> {
    conn.execute(
        "INSERT INTO payment_promises (customer_id, made_on, due_on, amount_cents, note, actor,
             created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            promise.customer_id,
            date_text(promise.made_on),
            date_text(promise.due_on),
            promise.amount.cents(),
            promise.note,
            promise.actor,
            promise.created_at,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

const SELECT: &str = "SELECT p.id, p.customer_id, c.name, p.made_on, p.due_on, p.amount_cents,
        p.note, p.actor,
        (SELECT coalesce(sum(amount_cents), 0) FROM payments m
          WHERE m.customer_id = p.customer_id AND m.sale_id IS NULL
            AND m.paid_on BETWEEN p.made_on AND p.due_on)
     FROM payment_promises p JOIN customers c ON c.id = p.customer_id";

fn row(row: &rusqlite::Row<'_>) -> rusqlite::Result<PromiseRow> {
    let made_on: String = row.get(3)?;
    let due_on: String = row.get(4)?;
    Ok(PromiseRow {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        customer_name: row.get(2)?,
        made_on: parse_date_text(&made_on)?,
        due_on: parse_date_text(&due_on)?,
        amount: Money::from_cents(row.get(5)?),
        note: row.get(6)?,
        actor: row.get(7)?,
        paid_since: Money::from_cents(row.get(8)?),
    })
}

/// A customer's promises, the last made first.
pub fn for_customer(conn: &Connection, customer_id: i64) -> Result<Vec<PromiseRow>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE p.customer_id = ?1 ORDER BY p.made_on DESC, p.id DESC"
    ))?;
    let rows = statement.query_map([customer_id], row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The promises falling due on a day, by customer name.
pub fn due_on(conn: &Connection, date: NaiveDate) -> Result<Vec<PromiseRow>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE p.due_on = ?1 ORDER BY c.search_name, p.id"
    ))?;
    let rows = statement.query_map([date_text(date)], row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
