//! Aggregates for the day-end report.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::date_text;
use crate::domain::installment::PaymentMethod;
use crate::domain::money::Money;
use crate::error::Result;

/// `(method, count, amount)` of the day's payments, down payments included.
pub fn payments_by_method(
    conn: &Connection,
    day: NaiveDate,
) -> Result<Vec<(PaymentMethod, u64, Money)>> {
    let mut statement = conn.prepare_cached(
        "SELECT method, count(*), sum(amount_cents) FROM payments WHERE paid_on = ?1
         GROUP BY method ORDER BY sum(amount_cents) DESC",
    )?;
    let rows = statement.query_map([date_text(day)], |row| {
        let method: String = row.get(0)?;
        Ok((
            PaymentMethod::from_code(&method).unwrap_or(PaymentMethod::Cash),
            row.get::<_, i64>(1)? as u64,
            Money::from_cents(row.get(2)?),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `(clerk, count, amount)` of the day's payments.
pub fn payments_by_clerk(conn: &Connection, day: NaiveDate) -> Result<Vec<(String, u64, Money)>> {
    let mut statement = conn.prepare_cached(
        "SELECT actor, count(*), sum(amount_cents) FROM payments WHERE paid_on = ?1
         GROUP BY actor ORDER BY actor",
    )?;
    let rows = statement.query_map([date_text(day)], |row| {
        Ok((
            row.get(0)?,
            row.get::<_, i64>(1)? as u64,
            Money::from_cents(row.get(2)?),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
