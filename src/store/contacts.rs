//! The contact log.

use rusqlite::{Connection, params};

use crate::error::Result;

pub struct ContactRow {
    pub id: i64,
    pub at: String,
    pub channel: String,
    pub note: String,
    pub actor: String,
}

pub fn insert(
    conn: &Connection,
    customer_id: i64,
    at: &str,
    channel: &str,
    note: &str,
    actor: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO contact_log (customer_id, at, channel, note, actor)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![customer_id, at, channel, note, actor],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A customer's contacts, newest first.
pub fn for_customer(conn: &Connection, customer_id: i64) -> Result<Vec<ContactRow>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, at, channel, note, actor FROM contact_log
         WHERE customer_id = ?1 ORDER BY at DESC, id DESC",
    )?;
    let rows = statement.query_map([customer_id], |row| {
        Ok(ContactRow {
            id: row.get(0)?,
            at: row.get(1)?,
            channel: row.get(2)?,
            note: row.get(3)?,
            actor: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
