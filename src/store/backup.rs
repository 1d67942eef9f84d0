//! Copies of the database: the automatic daily one, on request, and restoring one.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use super::{Database, SCHEMA_VERSION, date_text, integrity_check, schema_version};
use crate::error::{Error, Result};

/// Daily copies kept in the `backups/` folder.
pub const KEEP_DAILY: usize = 14;
const DAILY_PREFIX: &str = "regua-";
const DAILY_SUFFIX: &str = ".sqlite";

pub fn backups_folder(database: &Path) -> PathBuf {
    database
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}

/// On the first open of a day, copies the database to `backups/regua-AAAA-MM-DD.sqlite`
/// and keeps the newest 14. Returns the new copy, if one was made.
pub fn daily_backup(db: &Database, today: NaiveDate) -> Result<Option<PathBuf>> {
    let folder = backups_folder(db.path());
    let target = folder.join(format!("{DAILY_PREFIX}{}{DAILY_SUFFIX}", date_text(today)));
    if target.exists() || db.is_empty()? {
        return Ok(None);
    }
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    copy_to(db.conn(), &target)?;
    prune(&folder)?;
    Ok(Some(target))
}

fn prune(folder: &Path) -> Result<()> {
    let entries = std::fs::read_dir(folder).map_err(|e| Error::io(folder, e))?;
    let mut daily: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .and_then(|name| name.strip_prefix(DAILY_PREFIX))
                .and_then(|rest| rest.strip_suffix(DAILY_SUFFIX))
                .is_some_and(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok())
        })
        .collect();
    daily.sort();
    let excess = daily.len().saturating_sub(KEEP_DAILY);
    for old in &daily[..excess] {
        std::fs::remove_file(old).map_err(|e| Error::io(old, e))?;
    }
    Ok(())
}

/// A consistent copy of a live database (SQLite's online backup), written beside the
/// target and renamed, so a crash never leaves half a copy under the final name.
pub fn copy_to(conn: &Connection, target: &Path) -> Result<()> {
    if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    }
    let partial = target.with_extension("partial");
    let result = (|| -> Result<()> {
        let mut copy = Connection::open(&partial)?;
        Backup::new(conn, &mut copy)?.run_to_completion(256, Duration::from_millis(2), None)?;
        // The copy is a plain file: no WAL beside it.
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        drop(copy);
        std::fs::rename(&partial, target).map_err(|e| Error::io(target, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// Replaces the database at `database` with the copy at `source`, after checking that
/// the copy is a sound Régua database. The current file is kept beside the backups as
/// `antes-da-restauracao-<instant>.sqlite`; that path is returned.
pub fn restore(database: &Path, source: &Path, instant: &str) -> Result<PathBuf> {
    if !source.is_file() {
        return Err(Error::io(
            source,
            std::io::Error::from(std::io::ErrorKind::NotFound),
        ));
    }
    let not_regua = || Error::NotADatabase(source.to_path_buf());
    let copy = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| not_regua())?;
    integrity_check(&copy).map_err(|error| match error {
        Error::NotADatabase(_) => not_regua(),
        other => other,
    })?;
    let found = schema_version(&copy)?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        });
    }
    let has_customers: bool = copy.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'customers'",
        [],
        |row| row.get(0),
    )?;
    if found < 1 || !has_customers {
        return Err(not_regua());
    }

    let mut current = Database::open(database)?;
    let kept = backups_folder(database).join(format!("antes-da-restauracao-{instant}.sqlite"));
    copy_to(current.conn(), &kept)?;
    Backup::new(&copy, &mut current.conn)?.run_to_completion(
        256,
        Duration::from_millis(2),
        None,
    )?;
    drop(current);
    // An older copy is brought up to this version's schema.
    Database::open(database)?.integrity_check()?;
    Ok(kept)
}
