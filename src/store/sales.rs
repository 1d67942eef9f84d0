//! Credit sales and the installments they create.

use rusqlite::{Connection, params};

use super::date_text;
use crate::domain::installment::InstallmentStatus;
use crate::domain::money::Money;
use crate::domain::sale::{PlannedInstallment, SaleTerms};
use crate::error::Result;

/// Inserts the sale and its installments; returns the sale id and the installment ids.
pub fn insert(
    conn: &Connection,
    customer_id: i64,
    terms: &SaleTerms,
    plan: &[PlannedInstallment],
    created_at: &str,
) -> Result<(i64, Vec<i64>)> {
    conn.prepare_cached(
        "INSERT INTO credit_sales (customer_id, sale_date, description, total_cents,
             down_payment_cents, financing_rate_bp, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        customer_id,
        date_text(terms.sale_date),
        terms.description,
        terms.total.cents(),
        terms.down_payment.cents(),
        terms.financing_rate.value(),
        created_at,
    ])?;
    let sale_id = conn.last_insert_rowid();
    let mut statement = conn.prepare_cached(
        "INSERT INTO installments (sale_id, customer_id, number, due_date, amount_cents,
             sale_date, financing_rate_bp, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut ids = Vec::with_capacity(plan.len());
    for installment in plan {
        statement.execute(params![
            sale_id,
            customer_id,
            installment.number,
            date_text(installment.due_date),
            installment.amount.cents(),
            date_text(terms.sale_date),
            terms.financing_rate.value(),
            InstallmentStatus::Open.as_str(),
        ])?;
        ids.push(conn.last_insert_rowid());
    }
    Ok((sale_id, ids))
}

/// A sale as its documents name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleInfo {
    pub id: i64,
    pub customer_id: i64,
    pub sale_date: chrono::NaiveDate,
    pub description: String,
    pub total: Money,
    pub installment_count: u32,
}

pub fn get(conn: &Connection, sale_id: i64) -> Result<Option<SaleInfo>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT s.id, s.customer_id, s.sale_date, s.description, s.total_cents,
                    (SELECT count(*) FROM installments i WHERE i.sale_id = s.id)
             FROM credit_sales s WHERE s.id = ?1",
            [sale_id],
            |row| {
                let date: String = row.get(2)?;
                Ok(SaleInfo {
                    id: row.get(0)?,
                    customer_id: row.get(1)?,
                    sale_date: super::parse_date_text(&date)?,
                    description: row.get(3)?,
                    total: Money::from_cents(row.get(4)?),
                    installment_count: row.get(5)?,
                })
            },
        )
        .optional()?)
}

pub fn made_on(conn: &Connection, date: chrono::NaiveDate) -> Result<Vec<i64>> {
    let mut statement =
        conn.prepare_cached("SELECT id FROM credit_sales WHERE sale_date = ?1 ORDER BY id")?;
    let ids = statement.query_map([date_text(date)], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}
