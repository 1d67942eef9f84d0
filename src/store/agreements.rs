//! Renegotiation agreements and the installments they replaced.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{date_text, parse_date_text};
use crate::domain::money::Money;
use crate::domain::negotiation::{AgreementState, BREAK_AFTER_DAYS, Debt, ProposalKind};
use crate::domain::rate::BasisPoints;
use crate::error::Result;

/// An agreement as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgreementRecord {
    pub id: i64,
    pub customer_id: i64,
    pub made_on: NaiveDate,
    pub valid_until: NaiveDate,
    pub kind: ProposalKind,
    pub debt: Debt,
    pub discount: Money,
    pub new_total: Money,
    pub down_payment: Money,
    pub installment_count: u32,
    pub monthly_rate: BasisPoints,
    pub cet_annual: BasisPoints,
    pub total_with_financing: Money,
    pub sale_id: Option<i64>,
    pub down_payment_id: Option<i64>,
    pub actor: String,
    pub approved_by: Option<String>,
    pub approval_reason: Option<String>,
}

/// What `insert` records; the sale and the down payment are linked once they exist.
pub struct NewAgreement<'a> {
    pub record: &'a AgreementRecord,
    pub breaches_json: &'a str,
    pub created_at: &'a str,
}

const COLUMNS: &str = "id, customer_id, made_on, valid_until, kind, principal_cents, fine_cents,
    interest_cents, discount_cents, new_total_cents, down_payment_cents, installment_count,
    monthly_rate_bp, cet_annual_bp, total_with_financing_cents, sale_id, down_payment_id, actor,
    approved_by, approval_reason";

fn from_row(row: &Row<'_>) -> rusqlite::Result<AgreementRecord> {
    let money = |index: usize| row.get::<_, i64>(index).map(Money::from_cents);
    let kind: String = row.get(4)?;
    Ok(AgreementRecord {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        made_on: parse_date_text(&row.get::<_, String>(2)?)?,
        valid_until: parse_date_text(&row.get::<_, String>(3)?)?,
        kind: ProposalKind::from_code(&kind).unwrap_or(ProposalKind::Custom),
        debt: Debt {
            principal: money(5)?,
            fine: money(6)?,
            interest: money(7)?,
        },
        discount: money(8)?,
        new_total: money(9)?,
        down_payment: money(10)?,
        installment_count: row.get(11)?,
        monthly_rate: BasisPoints(row.get(12)?),
        cet_annual: BasisPoints(row.get(13)?),
        total_with_financing: money(14)?,
        sale_id: row.get(15)?,
        down_payment_id: row.get(16)?,
        actor: row.get(17)?,
        approved_by: row.get(18)?,
        approval_reason: row.get(19)?,
    })
}

pub fn insert(conn: &Connection, new: &NewAgreement<'_>) -> Result<i64> {
    let a = new.record;
    conn.execute(
        "INSERT INTO agreements (customer_id, made_on, valid_until, kind, principal_cents,
             fine_cents, interest_cents, discount_cents, new_total_cents, down_payment_cents,
             installment_count, monthly_rate_bp, cet_annual_bp, total_with_financing_cents,
             actor, approved_by, approval_reason, breaches, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19)",
        params![
            a.customer_id,
            date_text(a.made_on),
            date_text(a.valid_until),
            a.kind.code(),
            a.debt.principal.cents(),
            a.debt.fine.cents(),
            a.debt.interest.cents(),
            a.discount.cents(),
            a.new_total.cents(),
            a.down_payment.cents(),
            a.installment_count,
            a.monthly_rate.value(),
            a.cet_annual.value(),
            a.total_with_financing.cents(),
            a.actor,
            a.approved_by,
            a.approval_reason,
            new.breaches_json,
            new.created_at,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Records an installment the agreement replaces and closes it as renegotiated; false
/// when it was no longer open (paid or renegotiated meanwhile), and nothing was changed.
pub fn replace_installment(
    conn: &Connection,
    agreement_id: i64,
    installment_id: i64,
    worth: &Debt,
    today: NaiveDate,
) -> Result<bool> {
    let closed = conn
        .prepare_cached(
            "UPDATE installments SET status = 'renegotiated', closed_on = ?2
             WHERE id = ?1 AND closed_on IS NULL",
        )?
        .execute(params![installment_id, date_text(today)])?;
    if closed == 0 {
        return Ok(false);
    }
    conn.prepare_cached(
        "INSERT INTO agreement_debts (agreement_id, installment_id, principal_cents, fine_cents,
             interest_cents)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        agreement_id,
        installment_id,
        worth.principal.cents(),
        worth.fine.cents(),
        worth.interest.cents(),
    ])?;
    Ok(true)
}

pub fn link(
    conn: &Connection,
    id: i64,
    sale_id: Option<i64>,
    down_payment_id: Option<i64>,
) -> Result<()> {
    conn.execute(
        "UPDATE agreements SET sale_id = ?2, down_payment_id = ?3 WHERE id = ?1",
        params![id, sale_id, down_payment_id],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<AgreementRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM agreements WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// A customer's agreements, newest first.
pub fn for_customer(conn: &Connection, customer_id: i64) -> Result<Vec<AgreementRecord>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM agreements WHERE customer_id = ?1 ORDER BY id DESC"
    ))?;
    let rows = statement.query_map([customer_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An installment an agreement replaced, as the agreement prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplacedDebt {
    pub installment_id: i64,
    pub sale_id: i64,
    pub description: String,
    pub number: u32,
    pub installment_count: u32,
    pub due_date: NaiveDate,
    pub amount: Money,
    pub worth: Debt,
}

pub fn debts(conn: &Connection, agreement_id: i64) -> Result<Vec<ReplacedDebt>> {
    let mut statement = conn.prepare_cached(
        "SELECT d.installment_id, i.sale_id, s.description, i.number,
                (SELECT count(*) FROM installments o WHERE o.sale_id = i.sale_id),
                i.due_date, i.amount_cents, d.principal_cents, d.fine_cents, d.interest_cents
         FROM agreement_debts d
         JOIN installments i ON i.id = d.installment_id
         JOIN credit_sales s ON s.id = i.sale_id
         WHERE d.agreement_id = ?1
         ORDER BY i.due_date, i.id",
    )?;
    let rows = statement.query_map([agreement_id], |row| {
        Ok(ReplacedDebt {
            installment_id: row.get(0)?,
            sale_id: row.get(1)?,
            description: row.get(2)?,
            number: row.get(3)?,
            installment_count: row.get(4)?,
            due_date: parse_date_text(&row.get::<_, String>(5)?)?,
            amount: Money::from_cents(row.get(6)?),
            worth: Debt {
                principal: Money::from_cents(row.get(7)?),
                fine: Money::from_cents(row.get(8)?),
                interest: Money::from_cents(row.get(9)?),
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Where the agreement stands on `today`, from its installments.
pub fn state(
    conn: &Connection,
    agreement: &AgreementRecord,
    today: NaiveDate,
) -> Result<AgreementState> {
    let Some(sale_id) = agreement.sale_id else {
        return Ok(AgreementState::Settled);
    };
    let (oldest_open, renegotiated): (Option<String>, i64) = conn
        .prepare_cached(
            "SELECT min(due_date) FILTER (WHERE closed_on IS NULL),
                    count(*) FILTER (WHERE status = 'renegotiated')
             FROM installments WHERE sale_id = ?1",
        )?
        .query_row([sale_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    let oldest_open = oldest_open.map(|text| parse_date_text(&text)).transpose()?;
    Ok(AgreementState::of(oldest_open, renegotiated > 0, today))
}

/// Customers with a broken agreement on `today`, in one query for the board.
pub fn broken_customers(
    conn: &Connection,
    today: NaiveDate,
) -> Result<std::collections::HashSet<i64>> {
    let cutoff = today - chrono::Duration::days(BREAK_AFTER_DAYS);
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT a.customer_id FROM agreements a
         JOIN installments i ON i.sale_id = a.sale_id
         WHERE (i.closed_on IS NULL AND i.due_date < ?1) OR i.status = 'renegotiated'",
    )?;
    let rows = statement.query_map([date_text(cutoff)], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
