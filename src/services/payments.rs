//! Receiving a payment at the counter or from the bank's return file.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::imputation::{Allocation, balance_after, impute, total_owed};
use crate::domain::installment::{InstallmentStatus, PaymentMethod};
use crate::domain::money::{MAX_AMOUNT, Money};
use crate::error::{Error, Result};
use crate::services::{Actor, now_text};
use crate::store::boletos::{self, BoletoStatus};
use crate::store::payments::{self as stored, NewPayment};
use crate::store::{Database, audit, ledger, settings};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PaymentReceipt {
    pub payment_id: i64,
    pub customer_id: i64,
    pub paid_on: NaiveDate,
    pub amount: Money,
    pub method: PaymentMethod,
    pub allocations: Vec<Allocation>,
}

fn check(amount: Money, paid_on: NaiveDate, today: NaiveDate) -> Result<()> {
    if amount > MAX_AMOUNT {
        return Err(Error::AmountTooLarge);
    }
    if paid_on > today {
        return Err(Error::PaymentInFuture(paid_on));
    }
    Ok(())
}

fn open_ledgers(
    conn: &rusqlite::Connection,
    customer_id: i64,
    paid_on: NaiveDate,
) -> Result<Vec<crate::domain::installment::InstallmentLedger>> {
    Ok(ledger::customer_installments(conn, customer_id, paid_on)?
        .into_iter()
        .filter(|row| row.status.is_collectible())
        .map(|row| row.ledger)
        .collect())
}

fn allocate(
    conn: &rusqlite::Connection,
    customer_id: i64,
    amount: Money,
    paid_on: NaiveDate,
) -> Result<Vec<Allocation>> {
    let settings = settings::load(conn)?;
    let ledgers = open_ledgers(conn, customer_id, paid_on)?;
    Ok(impute(
        amount,
        paid_on,
        &ledgers,
        &settings.charges,
        &settings.calendar(),
    )?)
}

/// Where a payment would go, shown before the clerk confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentPreview {
    pub allocations: Vec<Allocation>,
    /// Owed on the payment date before it, and what will be left after it.
    pub owed_before: Money,
    pub balance_after: Money,
}

/// Where the payment would go, without recording anything: shown before confirming.
pub fn preview(
    db: &Database,
    customer_id: i64,
    amount: Money,
    paid_on: NaiveDate,
    today: NaiveDate,
) -> Result<PaymentPreview> {
    check(amount, paid_on, today)?;
    let settings = settings::load(db.conn())?;
    let ledgers = open_ledgers(db.conn(), customer_id, paid_on)?;
    let owed_before = total_owed(&ledgers, &settings.charges, &settings.calendar(), paid_on);
    let allocations = allocate(db.conn(), customer_id, amount, paid_on)?;
    Ok(PaymentPreview {
        balance_after: balance_after(owed_before, &allocations),
        allocations,
        owed_before,
    })
}

/// Records the payment and its allocation in one transaction.
pub fn receive(
    db: &mut Database,
    actor: &Actor,
    customer_id: i64,
    amount: Money,
    method: PaymentMethod,
    paid_on: NaiveDate,
    today: NaiveDate,
) -> Result<PaymentReceipt> {
    check(amount, paid_on, today)?;
    let tx = db.transaction()?;
    let allocations = allocate(&tx, customer_id, amount, paid_on)?;
    let payment_id = record_in(
        &tx,
        actor,
        customer_id,
        amount,
        method,
        paid_on,
        &allocations,
    )?;
    tx.commit()?;
    Ok(PaymentReceipt {
        payment_id,
        customer_id,
        paid_on,
        amount,
        method,
        allocations,
    })
}

/// Records a payment already allocated, inside the caller's transaction: the counter's,
/// or the bank's return. A boleto of an installment the payment settles is no longer to
/// be paid: one the bank never saw is written off, one it may have registered waits
/// for a write-off in the next remittance.
pub(crate) fn record_in(
    conn: &rusqlite::Connection,
    actor: &Actor,
    customer_id: i64,
    amount: Money,
    method: PaymentMethod,
    paid_on: NaiveDate,
    allocations: &[Allocation],
) -> Result<i64> {
    let created_at = now_text();
    let payment_id = stored::insert(
        conn,
        &NewPayment {
            customer_id,
            sale_id: None,
            paid_on,
            amount,
            method,
            actor: actor.name(),
            created_at: &created_at,
        },
        allocations,
    )?;
    for allocation in allocations {
        if allocation.status_after == InstallmentStatus::Paid
            && let Some(boleto) = boletos::current_for_installment(conn, allocation.installment_id)?
        {
            let status = if boleto.status == BoletoStatus::ToRegister {
                BoletoStatus::WrittenOff
            } else {
                BoletoStatus::ToWriteOff
            };
            boletos::set_status(conn, boleto.id, status)?;
        }
    }
    audit::record(
        conn,
        actor.name(),
        "payment.receive",
        "payment",
        Some(payment_id),
        &serde_json::json!({
            "customer_id": customer_id,
            "amount_cents": amount.cents(),
            "method": method.as_str(),
            "paid_on": paid_on,
            "allocations": allocations.iter().map(|a| serde_json::json!({
                "installment_id": a.installment_id,
                "principal_cents": a.principal.cents(),
                "fine_cents": a.fine.cents(),
                "interest_cents": a.interest.cents(),
                "discount_cents": a.discount.cents(),
            })).collect::<Vec<_>>(),
        }),
    )?;
    Ok(payment_id)
}
