//! The SQLite file: opening, pragmas, migrations. One module per aggregate holds its SQL.

pub mod agreements;
pub mod audit;
pub mod backup;
pub mod bank_files;
pub mod boletos;
pub mod contacts;
pub mod customers;
pub mod ledger;
pub mod locks;
pub mod outbox;
pub mod payments;
pub mod promises;
pub mod reports;
pub mod ruler;
pub mod sales;
pub mod settings;
pub mod users;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// Schema migrations, applied in order; `PRAGMA user_version` counts those applied.
/// Never edit or remove one that has shipped: add another.
const MIGRATIONS: &[&str] = &[
    include_str!("schema.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
    include_str!("schema_v4.sql"),
    include_str!("schema_v5.sql"),
    include_str!("schema_v6.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub const FILE_NAME: &str = "regua.sqlite";

pub struct Database {
    conn: Connection,
    path: PathBuf,
}

/// The database in the per-user data folder (`~/.local/share/regua` on Linux,
/// `%APPDATA%\Regua\data` on Windows).
pub fn default_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("br", "Regua", "Regua").ok_or(Error::NoDataFolder)?;
    Ok(dirs.data_dir().join(FILE_NAME))
}

/// Dates are stored as ISO text.
pub fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An instant stored as RFC 3339 text (`now_text`), if it reads as one.
pub fn utc(text: Option<String>) -> Option<chrono::DateTime<chrono::Utc>> {
    text.and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map(|at| at.with_timezone(&chrono::Utc))
}

pub fn parse_date_text(text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(error))
    })
}

impl Database {
    /// Opens the file, creating it and its folder if needed, and brings the schema up
    /// to date. A file from a newer Régua is refused untouched.
    pub fn open(path: &Path) -> Result<Database> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        }
        let with_path = |error: rusqlite::Error| Self::file_error(path, error);
        let mut conn = Connection::open(path).map_err(with_path)?;
        conn.busy_timeout(Duration::from_secs(5))
            .map_err(with_path)?;
        // Outside any transaction: WAL cannot be switched inside one.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(with_path)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(with_path)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(with_path)?;
        // Reports read a large part of the file: map it instead of a syscall per page,
        // and keep more pages than SQLite's 2 MB default.
        conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024_i64)
            .map_err(with_path)?;
        conn.pragma_update(None, "cache_size", -32 * 1024_i64)
            .map_err(with_path)?;
        migrate(&mut conn).map_err(|error| match error {
            Error::Database(inner) => Self::file_error(path, inner),
            Error::NotADatabase(_) => Error::NotADatabase(path.to_path_buf()),
            Error::ReadOnly(_) => Error::ReadOnly(path.to_path_buf()),
            other => other,
        })?;
        Ok(Database {
            conn,
            path: path.to_path_buf(),
        })
    }

    fn file_error(path: &Path, error: rusqlite::Error) -> Error {
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Error::NotADatabase(path.to_path_buf()),
            Some(ErrorCode::ReadOnly) => Error::ReadOnly(path.to_path_buf()),
            Some(ErrorCode::CannotOpen) => {
                Error::io(path, std::io::Error::other(error.to_string()))
            }
            _ => Error::from(error),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A write transaction that takes the lock up front, so two Régua windows never
    /// interleave one user action.
    pub fn transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// True when no customer, sale or setting has been recorded yet.
    pub fn is_empty(&self) -> Result<bool> {
        let used: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM customers)
                  + (SELECT count(*) FROM settings WHERE key NOT LIKE 'ui.%')",
            [],
            |row| row.get(0),
        )?;
        Ok(used == 0)
    }

    pub fn integrity_check(&self) -> Result<()> {
        integrity_check(&self.conn)
    }
}

pub fn integrity_check(conn: &Connection) -> Result<()> {
    let mut statement = conn.prepare("PRAGMA integrity_check")?;
    let findings: Vec<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if findings.len() == 1 && findings[0] == "ok" {
        Ok(())
    } else {
        Err(Error::Corrupt(findings.join("; ")))
    }
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(migration)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}
