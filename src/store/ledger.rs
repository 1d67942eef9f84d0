//! Reading installments with the payments applied to them, as the charges engine
//! needs them.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};
use serde::Serialize;

use super::{date_text, parse_date_text};
use crate::domain::installment::{
    AppliedPayment, InstallmentLedger, InstallmentStatus, PaymentMethod,
};
use crate::domain::money::Money;
use crate::domain::rate::BasisPoints;
use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstallmentRow {
    pub customer_id: i64,
    pub sale_id: i64,
    pub number: u32,
    pub status: InstallmentStatus,
    pub description: String,
    pub ledger: InstallmentLedger,
}

const INSTALLMENT_COLUMNS: &str = "i.id, i.customer_id, i.sale_id, i.number, i.due_date,
    i.amount_cents, i.status, s.financing_rate_bp, s.description";

fn installment_from_row(row: &Row<'_>) -> rusqlite::Result<InstallmentRow> {
    let status: String = row.get(6)?;
    let due_date: String = row.get(4)?;
    let mut ledger = InstallmentLedger::new(
        row.get(0)?,
        parse_date_text(&due_date)?,
        Money::from_cents(row.get(5)?),
    );
    ledger.financing_rate = BasisPoints(row.get(7)?);
    Ok(InstallmentRow {
        customer_id: row.get(1)?,
        sale_id: row.get(2)?,
        number: row.get(3)?,
        status: InstallmentStatus::from_code(&status).unwrap_or(InstallmentStatus::Open),
        description: row.get(8)?,
        ledger,
    })
}

/// Fills in the payments applied to each installment that has any, up to `as_of`.
fn attach_payments(conn: &Connection, rows: &mut [InstallmentRow], as_of: NaiveDate) -> Result<()> {
    let mut statement = conn.prepare_cached(
        "SELECT p.paid_on, a.principal_cents, a.fine_cents, a.interest_cents, a.discount_cents
         FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
         WHERE a.installment_id = ?1 AND p.paid_on <= ?2
         ORDER BY p.paid_on, p.id",
    )?;
    let as_of = date_text(as_of);
    for row in rows
        .iter_mut()
        .filter(|r| r.status != InstallmentStatus::Open)
    {
        let applied = statement.query_map(params![row.ledger.id, as_of], |r| {
            let date: String = r.get(0)?;
            Ok(AppliedPayment {
                date: parse_date_text(&date)?,
                principal: Money::from_cents(r.get(1)?),
                fine: Money::from_cents(r.get(2)?),
                interest: Money::from_cents(r.get(3)?),
                discount: Money::from_cents(r.get(4)?),
            })
        })?;
        row.ledger.applied = applied.collect::<rusqlite::Result<_>>()?;
    }
    Ok(())
}

/// Every installment of a customer, by due date, with the payments applied up to `as_of`.
pub fn customer_installments(
    conn: &Connection,
    customer_id: i64,
    as_of: NaiveDate,
) -> Result<Vec<InstallmentRow>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {INSTALLMENT_COLUMNS} FROM installments i JOIN credit_sales s ON s.id = i.sale_id
         WHERE i.customer_id = ?1 ORDER BY i.due_date, i.id"
    ))?;
    let mut rows: Vec<InstallmentRow> = statement
        .query_map([customer_id], installment_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    attach_payments(conn, &mut rows, as_of)?;
    Ok(rows)
}

/// One installment with the payments applied up to `as_of`.
pub fn installment(
    conn: &Connection,
    installment_id: i64,
    as_of: NaiveDate,
) -> Result<Option<InstallmentRow>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {INSTALLMENT_COLUMNS} FROM installments i JOIN credit_sales s ON s.id = i.sale_id
         WHERE i.id = ?1"
    ))?;
    let mut rows: Vec<InstallmentRow> = statement
        .query_map([installment_id], installment_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    attach_payments(conn, &mut rows, as_of)?;
    Ok(rows.pop())
}

/// Every installment of a sale, by number, with the payments applied up to `as_of`.
pub fn sale_installments(
    conn: &Connection,
    sale_id: i64,
    as_of: NaiveDate,
) -> Result<Vec<InstallmentRow>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {INSTALLMENT_COLUMNS} FROM installments i JOIN credit_sales s ON s.id = i.sale_id
         WHERE i.sale_id = ?1 ORDER BY i.number"
    ))?;
    let mut rows: Vec<InstallmentRow> = statement
        .query_map([sale_id], installment_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    attach_payments(conn, &mut rows, as_of)?;
    Ok(rows)
}

/// One installment on the board: its customer, status and ledger.
pub struct BoardRow {
    pub customer_id: i64,
    pub ledger: InstallmentLedger,
}

/// The installments that were collectible on `as_of` and fall due by `horizon`,
/// ordered by customer. An installment closed after `as_of` still counts, with only
/// the payments made by then, so the board can be seen as of a past date. Reads only
/// the covering index `installments_collectible` for the usual case.
pub fn collectible_until(
    conn: &Connection,
    as_of: NaiveDate,
    horizon: NaiveDate,
) -> Result<Vec<BoardRow>> {
    const COLUMNS: &str = "id, customer_id, due_date, amount_cents, status, financing_rate_bp";
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM installments INDEXED BY installments_collectible
         WHERE closed_on IS NULL AND due_date <= ?1 AND sale_date <= ?2
         UNION ALL
         SELECT {COLUMNS} FROM installments INDEXED BY installments_closed
         WHERE closed_on > ?2 AND due_date <= ?1 AND sale_date <= ?2"
    ))?;
    let (horizon, as_of_text) = (date_text(horizon), date_text(as_of));
    let mut with_payments = Vec::new();
    let mut rows: Vec<BoardRow> = statement
        .query_map(params![horizon, as_of_text], |row| {
            let due_date: String = row.get(2)?;
            let status: String = row.get(4)?;
            let mut ledger = InstallmentLedger::new(
                row.get(0)?,
                parse_date_text(&due_date)?,
                Money::from_cents(row.get(3)?),
            );
            ledger.financing_rate = BasisPoints(row.get(5)?);
            Ok((
                row.get(1)?,
                ledger,
                status != InstallmentStatus::Open.as_str(),
            ))
        })?
        .map(|row| {
            row.map(|(customer_id, ledger, paid_in_part)| {
                if paid_in_part {
                    with_payments.push(ledger.id);
                }
                BoardRow {
                    customer_id,
                    ledger,
                }
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    rows.sort_unstable_by_key(|row| (row.customer_id, row.ledger.due_date, row.ledger.id));

    // Payments of the installments paid in part (or closed after `as_of`), in one pass.
    if !with_payments.is_empty() {
        let mut applied: HashMap<i64, Vec<AppliedPayment>> = HashMap::new();
        let mut statement = conn.prepare_cached(
            "SELECT a.installment_id, p.paid_on, a.principal_cents, a.fine_cents,
                    a.interest_cents, a.discount_cents
             FROM installments i INDEXED BY installments_collectible
             JOIN payment_allocations a ON a.installment_id = i.id
             JOIN payments p ON p.id = a.payment_id
             WHERE i.closed_on IS NULL AND i.due_date <= ?1 AND i.status <> 'open'
               AND p.paid_on <= ?2
             UNION ALL
             SELECT a.installment_id, p.paid_on, a.principal_cents, a.fine_cents,
                    a.interest_cents, a.discount_cents
             FROM installments i INDEXED BY installments_closed
             JOIN payment_allocations a ON a.installment_id = i.id
             JOIN payments p ON p.id = a.payment_id
             WHERE i.closed_on > ?2 AND i.due_date <= ?1 AND p.paid_on <= ?2
             ORDER BY 2",
        )?;
        let mut cursor = statement.query(params![horizon, as_of_text])?;
        while let Some(row) = cursor.next()? {
            let date: String = row.get(1)?;
            applied
                .entry(row.get(0)?)
                .or_default()
                .push(AppliedPayment {
                    date: parse_date_text(&date)?,
                    principal: Money::from_cents(row.get(2)?),
                    fine: Money::from_cents(row.get(3)?),
                    interest: Money::from_cents(row.get(4)?),
                    discount: Money::from_cents(row.get(5)?),
                });
        }
        for row in &mut rows {
            if let Some(payments) = applied.remove(&row.ledger.id) {
                row.ledger.applied = payments;
            }
        }
    }
    Ok(rows)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PaymentRecord {
    pub id: i64,
    pub paid_on: NaiveDate,
    pub amount: Money,
    pub method: PaymentMethod,
    pub actor: String,
    pub down_payment_of_sale: Option<i64>,
}

pub fn customer_payments(conn: &Connection, customer_id: i64) -> Result<Vec<PaymentRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, paid_on, amount_cents, method, actor, sale_id FROM payments
         WHERE customer_id = ?1 ORDER BY paid_on DESC, id DESC",
    )?;
    let rows = statement.query_map([customer_id], |row| {
        let paid_on: String = row.get(1)?;
        let method: String = row.get(3)?;
        Ok(PaymentRecord {
            id: row.get(0)?,
            paid_on: parse_date_text(&paid_on)?,
            amount: Money::from_cents(row.get(2)?),
            method: PaymentMethod::from_code(&method).unwrap_or(PaymentMethod::Cash),
            actor: row.get(4)?,
            down_payment_of_sale: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
