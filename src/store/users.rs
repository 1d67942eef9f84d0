//! The people at the counter.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::domain::users::Role;
use crate::error::Result;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRecord {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub pin_hash: Option<String>,
    pub failed_attempts: u32,
    pub locked_until: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, name, role, pin_hash, failed_attempts, locked_until";

fn from_row(row: &Row<'_>) -> rusqlite::Result<UserRecord> {
    let role: String = row.get(2)?;
    let locked: Option<String> = row.get(5)?;
    Ok(UserRecord {
        id: row.get(0)?,
        name: row.get(1)?,
        role: Role::from_code(&role).unwrap_or(Role::Clerk),
        pin_hash: row.get(3)?,
        failed_attempts: row.get(4)?,
        locked_until: locked
            .and_then(|text| DateTime::parse_from_rfc3339(&text).ok())
            .map(|at| at.with_timezone(&Utc)),
    })
}

pub fn insert(
    conn: &Connection,
    name: &str,
    role: Role,
    pin_hash: Option<&str>,
    created_at: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO users (name, role, pin_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![name, role.code(), pin_hash, created_at],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<UserRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE id = ?1 AND active = 1"),
            [id],
            from_row,
        )
        .optional()?)
}

pub fn by_name(conn: &Connection, name: &str) -> Result<Option<UserRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE name = ?1 AND active = 1"),
            [name.trim()],
            from_row,
        )
        .optional()?)
}

/// Everyone who can be at the counter, owners first, then by name.
pub fn active(conn: &Connection) -> Result<Vec<UserRecord>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM users WHERE active = 1
         ORDER BY role = 'clerk', name COLLATE NOCASE"
    ))?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count_owners(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM users WHERE role = 'owner' AND active = 1",
        [],
        |row| row.get(0),
    )?)
}

pub fn set_attempts(
    conn: &Connection,
    id: i64,
    failed: u32,
    locked_until: Option<DateTime<Utc>>,
) -> Result<()> {
    conn.execute(
        "UPDATE users SET failed_attempts = ?1, locked_until = ?2 WHERE id = ?3",
        params![
            failed,
            locked_until.map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            id
        ],
    )?;
    Ok(())
}
