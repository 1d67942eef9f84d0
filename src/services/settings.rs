//! Reading and changing the store's settings.

use crate::domain::settings::Settings;
use crate::error::Result;
use crate::services::Actor;
use crate::store::{Database, audit, settings as stored};

pub fn load(db: &Database) -> Result<Settings> {
    stored::load(db.conn())
}

pub fn get(db: &Database, key: &str) -> Result<String> {
    Ok(load(db)?.get(key)?)
}

/// Validates and saves one setting; returns its value as now stored.
pub fn set(db: &mut Database, actor: &Actor, key: &str, value: &str) -> Result<String> {
    let tx = db.transaction()?;
    let mut settings = stored::load(&tx)?;
    let before = settings.get(key).ok();
    settings.set(key, value)?;
    stored::save(&tx, &settings)?;
    let after = settings.get(key)?;
    audit::record(
        &tx,
        actor.name(),
        "settings.set",
        "settings",
        None,
        &serde_json::json!({ "key": key, "before": before, "after": after }),
    )?;
    tx.commit()?;
    Ok(after)
}
