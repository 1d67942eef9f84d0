//! The e-mail outbox table.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::utc;
use crate::domain::outbox::{OutboxStatus, message_id};
use crate::error::Result;

pub struct NewMessage<'a> {
    pub contact_id: Option<i64>,
    pub customer_id: Option<i64>,
    pub to_address: &'a str,
    pub to_name: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub attachments: &'a str,
    /// The sender's domain, for the Message-ID.
    pub domain: &'a str,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredMessage {
    pub id: i64,
    pub contact_id: Option<i64>,
    pub customer_id: Option<i64>,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
    pub attachments: String,
    pub message_id: String,
    pub status: OutboxStatus,
    pub attempts: u32,
    pub next_try: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, contact_id, customer_id, to_address, to_name, subject, body,
    attachments, message_id, status, attempts, next_try, last_error, created_at, sent_at";

fn message(row: &Row<'_>) -> rusqlite::Result<StoredMessage> {
    let status: String = row.get(9)?;
    Ok(StoredMessage {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        customer_id: row.get(2)?,
        to_address: row.get(3)?,
        to_name: row.get(4)?,
        subject: row.get(5)?,
        body: row.get(6)?,
        attachments: row.get(7)?,
        message_id: row.get(8)?,
        status: OutboxStatus::from_code(&status).unwrap_or(OutboxStatus::Failed),
        attempts: row.get(10)?,
        next_try: utc(row.get(11)?),
        last_error: row.get(12)?,
        created_at: utc(row.get(13)?).unwrap_or_default(),
        sent_at: utc(row.get(14)?),
    })
}

/// Stores a message as pending, with its Message-ID made from its id; returns the id.
pub fn insert(conn: &Connection, new: &NewMessage<'_>) -> Result<i64> {
    let created_at = new.created_at.to_rfc3339();
    // The id is known only after the insert; the row is written inside one transaction.
    conn.prepare_cached(
        "INSERT INTO outbox (contact_id, customer_id, to_address, to_name, subject, body,
                             attachments, message_id, status, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', 'pending', ?8)",
    )?
    .execute(params![
        new.contact_id,
        new.customer_id,
        new.to_address,
        new.to_name,
        new.subject,
        new.body,
        new.attachments,
        created_at,
    ])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached("UPDATE outbox SET message_id = ?2 WHERE id = ?1")?
        .execute(params![id, message_id(id, &created_at, new.domain)])?;
    Ok(id)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<StoredMessage>> {
    let mut statement =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1"))?;
    Ok(statement.query_row([id], message).optional()?)
}

/// Messages a sender should pick up at `now`, oldest first.
pub fn due(conn: &Connection, now: DateTime<Utc>, limit: usize) -> Result<Vec<StoredMessage>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM outbox
         WHERE status IN ('pending', 'sending')
            OR (status = 'retry' AND (next_try IS NULL OR next_try <= ?1))
         ORDER BY id LIMIT ?2"
    ))?;
    let rows = statement.query_map(params![now.to_rfc3339(), limit as i64], message)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest messages first, of one status or all.
pub fn list(
    conn: &Connection,
    status: Option<OutboxStatus>,
    limit: usize,
) -> Result<Vec<StoredMessage>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE ?1 IS NULL OR status = ?1
         ORDER BY id DESC LIMIT ?2"
    ))?;
    let rows = statement.query_map(
        params![status.map(OutboxStatus::code), limit as i64],
        message,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many messages are in each status.
pub fn counts(conn: &Connection) -> Result<Vec<(OutboxStatus, u64)>> {
    let mut statement =
        conn.prepare_cached("SELECT status, count(*) FROM outbox GROUP BY status")?;
    let rows = statement.query_map([], |row| {
        let status: String = row.get(0)?;
        Ok((status, row.get::<_, i64>(1)?))
    })?;
    let mut counts = Vec::new();
    for row in rows {
        let (status, count) = row?;
        if let Some(status) = OutboxStatus::from_code(&status) {
            counts.push((status, count.max(0) as u64));
        }
    }
    Ok(counts)
}

/// Moves a message to `status`; only from one of `from`, so a message cancelled
/// meanwhile is not sent. Returns whether it moved.
#[allow(clippy::too_many_arguments)]
pub fn update(
    conn: &Connection,
    id: i64,
    from: &[OutboxStatus],
    status: OutboxStatus,
    attempts: u32,
    next_try: Option<DateTime<Utc>>,
    last_error: Option<&str>,
    sent_at: Option<DateTime<Utc>>,
) -> Result<bool> {
    let from: Vec<&str> = from.iter().map(|s| s.code()).collect();
    let changed = conn.execute(
        "UPDATE outbox SET status = ?2, attempts = ?3, next_try = ?4, last_error = ?5,
                           sent_at = ?6
         WHERE id = ?1 AND status IN (SELECT value FROM json_each(?7))",
        params![
            id,
            status.code(),
            attempts,
            next_try.map(|at| at.to_rfc3339()),
            last_error,
            sent_at.map(|at| at.to_rfc3339()),
            serde_json::to_string(&from).unwrap_or_default(),
        ],
    )?;
    Ok(changed == 1)
}
