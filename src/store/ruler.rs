//! What the collection ruler reads (customers' contact data, promises, contacts made,
//! steps done, payments to thank) and the contacts it records.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{date_text, parse_date_text};
use crate::domain::customer::Consent;
use crate::domain::ruler::{Channel, TemplateKind};
use crate::error::Result;

pub const LOCAL_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

pub fn local_text(at: NaiveDateTime) -> String {
    at.format(LOCAL_FORMAT).to_string()
}

fn parse_local(text: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, LOCAL_FORMAT).map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(error))
    })
}

/// A customer's contact data as the planner needs it.
pub struct ContactData {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub state: String,
    pub consent: Consent,
    pub stopped: bool,
}

pub fn contact_data(conn: &Connection) -> Result<HashMap<i64, ContactData>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.id, c.name, c.email, c.state, c.consent,
                c.disputed OR c.over_indebted OR c.do_not_contact,
                (SELECT phone FROM customer_phones p WHERE p.customer_id = c.id
                 ORDER BY position LIMIT 1)
         FROM customers c",
    )?;
    let rows = statement.query_map([], |row| {
        let consent: String = row.get(4)?;
        Ok((
            row.get::<_, i64>(0)?,
            ContactData {
                name: row.get(1)?,
                email: row.get::<_, Option<String>>(2)?.filter(|e| !e.is_empty()),
                state: row.get(3)?,
                consent: serde_json::from_str(&consent).unwrap_or_default(),
                stopped: row.get(5)?,
                phone: row.get(6)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The latest due date of each customer's promises not yet due on `today`.
pub fn promises_not_due(conn: &Connection, today: NaiveDate) -> Result<HashMap<i64, NaiveDate>> {
    let mut statement = conn.prepare_cached(
        "SELECT customer_id, max(due_on) FROM payment_promises WHERE due_on >= ?1
         GROUP BY customer_id",
    )?;
    let rows = statement.query_map([date_text(today)], |row| {
        let due: String = row.get(1)?;
        Ok((row.get(0)?, parse_date_text(&due)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Contacts the ruler planned since `since` (not cancelled), for the caps.
pub fn contacts_since(
    conn: &Connection,
    since: NaiveDateTime,
) -> Result<Vec<(i64, NaiveDateTime, Channel)>> {
    let mut statement = conn.prepare_cached(
        "SELECT customer_id, scheduled_at, channel FROM ruler_contacts
         WHERE scheduled_at >= ?1 AND state <> 'cancelled'",
    )?;
    let rows = statement.query_map([local_text(since)], |row| {
        let at: String = row.get(1)?;
        let channel: String = row.get(2)?;
        Ok((row.get(0)?, parse_local(&at)?, channel))
    })?;
    let mut found = Vec::new();
    for row in rows {
        let (customer, at, channel) = row?;
        if let Some(channel) = Channel::from_code(&channel) {
            found.push((customer, at, channel));
        }
    }
    Ok(found)
}

/// Contacts clerks logged by hand since `since` (UTC RFC 3339 text), with their channel
/// code, for the caps.
pub fn logged_contacts_since(conn: &Connection, since: &str) -> Result<Vec<(i64, String, String)>> {
    let mut statement =
        conn.prepare_cached("SELECT customer_id, at, channel FROM contact_log WHERE at >= ?1")?;
    let rows = statement.query_map([since], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The steps already planned for installments still collectible, as (installment, step).
pub fn done_steps(conn: &Connection) -> Result<Vec<(i64, i32)>> {
    let mut statement = conn.prepare_cached(
        "SELECT r.installment_id, r.step FROM ruler_contact_installments r
         JOIN installments i ON i.id = r.installment_id WHERE i.closed_on IS NULL",
    )?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Payments received at the counter or by boleto on or after `since` that no thank-you
/// has covered yet (one thank-you covers every payment made up to its day), as
/// (customer, payment, date). A sale's down payment is not thanked.
pub fn unthanked_payments(
    conn: &Connection,
    since: NaiveDate,
) -> Result<Vec<(i64, i64, NaiveDate)>> {
    let mut statement = conn.prepare_cached(
        "SELECT p.customer_id, p.id, p.paid_on FROM payments p
         WHERE p.paid_on >= ?1 AND p.sale_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM ruler_contacts r
                           WHERE r.customer_id = p.customer_id AND r.template = 'thank_you'
                             AND r.state <> 'cancelled' AND r.scheduled_at >= p.paid_on)",
    )?;
    let rows = statement.query_map([date_text(since)], |row| {
        let paid_on: String = row.get(2)?;
        Ok((row.get(0)?, row.get(1)?, parse_date_text(&paid_on)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub struct NewContact<'a> {
    pub customer_id: i64,
    pub step: Option<i32>,
    pub template: TemplateKind,
    pub channel: Channel,
    pub scheduled_at: NaiveDateTime,
    pub payment_id: Option<i64>,
    pub installment_ids: &'a [i64],
    /// `queued` for an e-mail, `open` for a clerk's task.
    pub state: ContactState,
    pub created_at: &'a str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactState {
    Queued,
    Open,
    Done,
    Cancelled,
}

impl ContactState {
    pub fn code(self) -> &'static str {
        match self {
            ContactState::Queued => "queued",
            ContactState::Open => "open",
            ContactState::Done => "done",
            ContactState::Cancelled => "cancelled",
        }
    }

    fn from_code(code: &str) -> ContactState {
        match code {
            "queued" => ContactState::Queued,
            "open" => ContactState::Open,
            "done" => ContactState::Done,
            _ => ContactState::Cancelled,
        }
    }
}

pub fn insert(conn: &Connection, contact: &NewContact<'_>) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO ruler_contacts (customer_id, step, template, channel, scheduled_at,
                                     payment_id, state, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        contact.customer_id,
        contact.step,
        contact.template.code(),
        contact.channel.code(),
        local_text(contact.scheduled_at),
        contact.payment_id,
        contact.state.code(),
        contact.created_at,
    ])?;
    let id = conn.last_insert_rowid();
    if let Some(step) = contact.step {
        let mut statement = conn.prepare_cached(
            "INSERT INTO ruler_contact_installments (contact_id, installment_id, step)
             VALUES (?1, ?2, ?3)",
        )?;
        for installment in contact.installment_ids {
            statement.execute(params![id, installment, step])?;
        }
    }
    Ok(id)
}

/// A contact as the Today screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactRow {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub step: Option<i32>,
    pub template: TemplateKind,
    pub channel: Channel,
    pub scheduled_at: NaiveDateTime,
    pub payment_id: Option<i64>,
    pub state: ContactState,
    pub outcome: Option<String>,
    pub installment_ids: Vec<i64>,
}

const SELECT: &str = "SELECT r.id, r.customer_id, c.name, r.step, r.template, r.channel,
    r.scheduled_at, r.payment_id, r.state, r.outcome,
    (SELECT json_group_array(installment_id) FROM ruler_contact_installments x
     WHERE x.contact_id = r.id)
    FROM ruler_contacts r JOIN customers c ON c.id = r.customer_id";

fn contact_row(row: &Row<'_>) -> rusqlite::Result<ContactRow> {
    let template: String = row.get(4)?;
    let channel: String = row.get(5)?;
    let at: String = row.get(6)?;
    let state: String = row.get(8)?;
    let installments: String = row.get(10)?;
    Ok(ContactRow {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        customer_name: row.get(2)?,
        step: row.get(3)?,
        template: TemplateKind::from_code(&template).unwrap_or(TemplateKind::Formal),
        channel: Channel::from_code(&channel).unwrap_or(Channel::Email),
        scheduled_at: parse_local(&at)?,
        payment_id: row.get(7)?,
        state: ContactState::from_code(&state),
        outcome: row.get(9)?,
        installment_ids: serde_json::from_str(&installments).unwrap_or_default(),
    })
}

/// The contacts planned for one day, by customer name.
pub fn on_day(conn: &Connection, day: NaiveDate) -> Result<Vec<ContactRow>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE r.scheduled_at >= ?1 AND r.scheduled_at < ?2
         ORDER BY c.search_name, r.id"
    ))?;
    let next = day.succ_opt().unwrap_or(day);
    let rows = statement.query_map(params![date_text(day), date_text(next)], contact_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Tasks for a clerk still open from before `day` (a call not made yesterday).
pub fn open_before(conn: &Connection, day: NaiveDate) -> Result<Vec<ContactRow>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE r.state = 'open' AND r.scheduled_at < ?1
         ORDER BY r.scheduled_at, r.id"
    ))?;
    let rows = statement.query_map([date_text(day)], contact_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<ContactRow>> {
    let mut statement = conn.prepare_cached(&format!("{SELECT} WHERE r.id = ?1"))?;
    Ok(statement.query_row([id], contact_row).optional()?)
}

/// Closes a contact with its outcome; only an open or queued one. Returns whether it did.
pub fn finish(
    conn: &Connection,
    id: i64,
    state: ContactState,
    outcome: &str,
    at: &str,
    by: &str,
) -> Result<bool> {
    let changed = conn.execute(
        "UPDATE ruler_contacts SET state = ?2, outcome = ?3, done_at = ?4, done_by = ?5
         WHERE id = ?1 AND state IN ('open', 'queued')",
        params![id, state.code(), outcome, at, by],
    )?;
    Ok(changed == 1)
}

/// Whether any of the installments is still collectible.
pub fn any_open(conn: &Connection, installment_ids: &[i64]) -> Result<bool> {
    let ids = serde_json::to_string(installment_ids).unwrap_or_default();
    let open: i64 = conn.query_row(
        "SELECT count(*) FROM installments
         WHERE id IN (SELECT value FROM json_each(?1)) AND closed_on IS NULL",
        [ids],
        |row| row.get(0),
    )?;
    Ok(open > 0)
}
