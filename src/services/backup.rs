//! Backups on request and restoring one.

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::services::Actor;
use crate::store::{Database, audit, backup};

/// Writes a consistent copy of the open database to `target`.
pub fn backup_to(db: &Database, actor: &Actor, target: &Path) -> Result<()> {
    backup::copy_to(db.conn(), target)?;
    audit::record(
        db.conn(),
        actor.name(),
        "database.backup",
        "database",
        None,
        &serde_json::json!({ "target": target.display().to_string() }),
    )
}

/// Replaces the database with a checked copy; returns where the old one was kept.
pub fn restore(database: &Path, actor: &Actor, source: &Path) -> Result<PathBuf> {
    let instant = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let kept = backup::restore(database, source, &instant)?;
    let db = Database::open(database)?;
    audit::record(
        db.conn(),
        actor.name(),
        "database.restore",
        "database",
        None,
        &serde_json::json!({
            "source": source.display().to_string(),
            "previous_kept_at": kept.display().to_string(),
        }),
    )?;
    Ok(kept)
}
