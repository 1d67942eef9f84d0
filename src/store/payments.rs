//! Payments and where each one went.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::date_text;
use crate::domain::imputation::Allocation;
use crate::domain::installment::{InstallmentStatus, PaymentMethod};
use crate::domain::money::Money;
use crate::error::Result;

pub struct NewPayment<'a> {
    pub customer_id: i64,
    pub sale_id: Option<i64>,
    pub paid_on: NaiveDate,
    pub amount: Money,
    pub method: PaymentMethod,
    pub actor: &'a str,
    pub created_at: &'a str,
}

/// Records the payment, its allocations, and the new status of each installment it
/// touched. Returns the payment id.
pub fn insert(
    conn: &Connection,
    payment: &NewPayment<'_>,
    allocations: &[Allocation],
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO payments (customer_id, sale_id, paid_on, amount_cents, method, actor, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        payment.customer_id,
        payment.sale_id,
        date_text(payment.paid_on),
        payment.amount.cents(),
        payment.method.as_str(),
        payment.actor,
        payment.created_at,
    ])?;
    let payment_id = conn.last_insert_rowid();
    let mut insert_allocation = conn.prepare_cached(
        "INSERT INTO payment_allocations (payment_id, installment_id, principal_cents, fine_cents,
             interest_cents, discount_cents)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut update_status =
        conn.prepare_cached("UPDATE installments SET status = ?2, closed_on = ?3 WHERE id = ?1")?;
    for allocation in allocations {
        insert_allocation.execute(params![
            payment_id,
            allocation.installment_id,
            allocation.principal.cents(),
            allocation.fine.cents(),
            allocation.interest.cents(),
            allocation.discount.cents(),
        ])?;
        let closed_on = (allocation.status_after == InstallmentStatus::Paid)
            .then(|| date_text(payment.paid_on));
        update_status.execute(params![
            allocation.installment_id,
            allocation.status_after.as_str(),
            closed_on,
        ])?;
    }
    Ok(payment_id)
}

/// A recorded payment, as its receipt prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPayment {
    pub id: i64,
    pub customer_id: i64,
    pub sale_id: Option<i64>,
    pub paid_on: chrono::NaiveDate,
    pub amount: Money,
    pub method: PaymentMethod,
    pub actor: String,
}

pub fn get(conn: &Connection, payment_id: i64) -> Result<Option<StoredPayment>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT id, customer_id, sale_id, paid_on, amount_cents, method, actor
             FROM payments WHERE id = ?1",
            [payment_id],
            |row| {
                let paid_on: String = row.get(3)?;
                let method: String = row.get(5)?;
                Ok(StoredPayment {
                    id: row.get(0)?,
                    customer_id: row.get(1)?,
                    sale_id: row.get(2)?,
                    paid_on: super::parse_date_text(&paid_on)?,
                    amount: Money::from_cents(row.get(4)?),
                    method: PaymentMethod::from_code(&method).unwrap_or(PaymentMethod::Cash),
                    actor: row.get(6)?,
                })
            },
        )
        .optional()?)
}

/// What a payment settled on one installment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredAllocation {
    pub installment_id: i64,
    pub principal: Money,
    pub fine: Money,
    pub interest: Money,
    pub discount: Money,
}

/// How a payment settled each installment, by due date.
pub fn allocations(conn: &Connection, payment_id: i64) -> Result<Vec<StoredAllocation>> {
    let mut statement = conn.prepare_cached(
        "SELECT a.installment_id, a.principal_cents, a.fine_cents, a.interest_cents,
                a.discount_cents
         FROM payment_allocations a JOIN installments i ON i.id = a.installment_id
         WHERE a.payment_id = ?1 ORDER BY i.due_date, i.id",
    )?;
    let rows = statement.query_map([payment_id], |row| {
        Ok(StoredAllocation {
            installment_id: row.get(0)?,
            principal: Money::from_cents(row.get(1)?),
            fine: Money::from_cents(row.get(2)?),
            interest: Money::from_cents(row.get(3)?),
            discount: Money::from_cents(row.get(4)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
