//! Named locks in the database, so two processes on the store's PC (the app and a
//! scheduled task) never send the outbox at the same time.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// Takes `name` for `holder` until `now + ttl`, unless someone else holds it and
/// it has not expired. Returns whether it was taken. Call inside a write transaction.
pub fn acquire(
    conn: &Connection,
    name: &str,
    holder: &str,
    now: DateTime<Utc>,
    ttl: Duration,
) -> Result<bool> {
    let current: Option<(String, String)> = conn
        .query_row(
            "SELECT holder, expires_at FROM locks WHERE name = ?1",
            [name],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    if let Some((current_holder, expires_at)) = current {
        let expired = DateTime::parse_from_rfc3339(&expires_at)
            .map(|at| at.with_timezone(&Utc) <= now)
            .unwrap_or(true);
        if current_holder != holder && !expired {
            return Ok(false);
        }
    }
    conn.execute(
        "INSERT INTO locks (name, holder, expires_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,
                                          expires_at = excluded.expires_at",
        params![name, holder, (now + ttl).to_rfc3339()],
    )?;
    Ok(true)
}

/// Lets `name` go, if `holder` still has it.
pub fn release(conn: &Connection, name: &str, holder: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM locks WHERE name = ?1 AND holder = ?2",
        params![name, holder],
    )?;
    Ok(())
}
