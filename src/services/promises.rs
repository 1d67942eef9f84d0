//! Promises to pay (promessas de pagamento): recorded at the counter, kept or broken
//! by the payments that follow.

use std::fmt;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::domain::money::Money;
use crate::error::{Error, Result};
use crate::services::{Actor, customers, now_text};
use crate::store::promises::{self as stored, NewPromise, PromiseRow};
use crate::store::{Database, audit};

/// The date a promise is offered with: a week from today.
pub fn default_due_on(today: NaiveDate) -> NaiveDate {
    today + Duration::days(7)
}

/// How far ahead a promise may be made.
pub const MAX_DAYS_AHEAD: i64 = 60;
const MAX_NOTE: usize = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromiseStatus {
    Pending,
    Kept,
    Broken,
}

impl PromiseStatus {
    /// Kept when the customer paid at least the amount between the promise and its
    /// date; pending until that date; broken after it.
    pub fn of(amount: Money, paid_since: Money, due_on: NaiveDate, today: NaiveDate) -> Self {
        if paid_since >= amount {
            PromiseStatus::Kept
        } else if due_on >= today {
            PromiseStatus::Pending
        } else {
            PromiseStatus::Broken
        }
    }

    pub fn label(self) -> String {
        match self {
            PromiseStatus::Pending => crate::t!("promise-status-pending"),
            PromiseStatus::Kept => crate::t!("promise-status-kept"),
            PromiseStatus::Broken => crate::t!("promise-status-broken"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PromiseView {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub made_on: NaiveDate,
    pub due_on: NaiveDate,
    pub amount: Money,
    pub note: String,
    pub actor: String,
    pub status: PromiseStatus,
}

impl PromiseView {
    fn from_row(row: PromiseRow, today: NaiveDate) -> PromiseView {
        PromiseView {
            status: PromiseStatus::of(row.amount, row.paid_since, row.due_on, today),
            id: row.id,
            customer_id: row.customer_id,
            customer_name: row.customer_name,
            made_on: row.made_on,
            due_on: row.due_on,
            amount: row.amount,
            note: row.note,
            actor: row.actor,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromiseError {
    NotPositive,
    MoreThanOwed(Money),
    InThePast,
    TooFar,
    NoteTooLong,
}

impl fmt::Display for PromiseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            PromiseError::NotPositive => crate::t!("promise-not-positive"),
            PromiseError::MoreThanOwed(owed) => {
                crate::t!("promise-more-than-owed", owed = owed.format_brl())
            }
            PromiseError::InThePast => crate::t!("promise-in-the-past"),
            PromiseError::TooFar => crate::t!("promise-too-far", days = MAX_DAYS_AHEAD.to_string()),
            PromiseError::NoteTooLong => {
                crate::t!("promise-note-too-long", max = MAX_NOTE.to_string())
            }
        };
        f.write_str(&message)
    }
}

pub fn record(
    db: &mut Database,
    actor: &Actor,
    customer_id: i64,
    due_on: NaiveDate,
    amount: Money,
    note: &str,
    today: NaiveDate,
) -> Result<i64> {
    check(db, customer_id, due_on, amount, note, today)?;
    let tx = db.transaction()?;
    let id = insert(&tx, actor, customer_id, due_on, amount, note, today)?;
    tx.commit()?;
    Ok(id)
}

/// Refuses a promise that is not positive, in the past, too far, longer than a note
/// may be, or above what the customer owes today.
pub(crate) fn check(
    db: &Database,
    customer_id: i64,
    due_on: NaiveDate,
    amount: Money,
    note: &str,
    today: NaiveDate,
) -> Result<()> {
    let refuse = |error: PromiseError| Err(Error::BadArgument(error.to_string()));
    if !amount.is_positive() {
        return refuse(PromiseError::NotPositive);
    }
    if due_on < today {
        return refuse(PromiseError::InThePast);
    }
    if due_on > today + Duration::days(MAX_DAYS_AHEAD) {
        return refuse(PromiseError::TooFar);
    }
    if note.trim().chars().count() > MAX_NOTE {
        return refuse(PromiseError::NoteTooLong);
    }
    let owed = customers::statement(db, customer_id, today)?.totals.total;
    if amount > owed {
        return refuse(PromiseError::MoreThanOwed(owed));
    }
    Ok(())
}

/// Writes a promise already checked, with its audit row, inside the caller's transaction.
pub(crate) fn insert(
    tx: &rusqlite::Connection,
    actor: &Actor,
    customer_id: i64,
    due_on: NaiveDate,
    amount: Money,
    note: &str,
    today: NaiveDate,
) -> Result<i64> {
    let id = stored::insert(
        tx,
        &NewPromise {
            customer_id,
            made_on: today,
            due_on,
            amount,
            note: note.trim(),
            actor: actor.name(),
            created_at: &now_text(),
        },
    )?;
    audit::record(
        tx,
        actor.name(),
        "promise.record",
        "payment_promise",
        Some(id),
        &serde_json::json!({
            "customer_id": customer_id,
            "due_on": due_on,
            "amount_cents": amount.cents(),
        }),
    )?;
    Ok(id)
}

pub fn for_customer(db: &Database, customer_id: i64, today: NaiveDate) -> Result<Vec<PromiseView>> {
    Ok(stored::for_customer(db.conn(), customer_id)?
        .into_iter()
        .map(|row| PromiseView::from_row(row, today))
        .collect())
}

/// The promises falling due on `date`, as seen on `today`.
pub fn due_on(db: &Database, date: NaiveDate, today: NaiveDate) -> Result<Vec<PromiseView>> {
    Ok(stored::due_on(db.conn(), date)?
        .into_iter()
        .map(|row| PromiseView::from_row(row, today))
        .collect())
}

/// Whether the customer has a promise not yet due and not yet kept (the ruler waits).
pub fn has_pending_promise(db: &Database, customer_id: i64, today: NaiveDate) -> Result<bool> {
    Ok(for_customer(db, customer_id, today)?
        .iter()
        .any(|promise| promise.status == PromiseStatus::Pending))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_promise_is_kept_pending_or_broken() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let amount = Money::from_cents(10_000);
        assert_eq!(
            PromiseStatus::of(amount, amount, day(20), day(25)),
            PromiseStatus::Kept
        );
        assert_eq!(
            PromiseStatus::of(amount, Money::from_cents(9_999), day(25), day(25)),
            PromiseStatus::Pending
        );
        assert_eq!(
            PromiseStatus::of(amount, Money::ZERO, day(24), day(25)),
            PromiseStatus::Broken
        );
    }
}
