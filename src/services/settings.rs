//! Reading and changing the store's settings.

use crate::domain::ruler::TemplateKind;
use crate::domain::settings::{ConfigError, Settings, StoreErrors, StoreInput, StoreProfile};
use crate::domain::templates::Template;
use crate::error::{Error, Result};
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
    actor.require_owner()?;
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

/// Why the store's data could not be saved: the form's fields, or the database.
#[derive(Debug)]
pub enum SetupError {
    Invalid(StoreErrors),
    Failed(Error),
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SetupError::Invalid(errors) => errors.fmt(f),
            SetupError::Failed(error) => error.fmt(f),
        }
    }
}

impl From<Error> for SetupError {
    fn from(error: Error) -> SetupError {
        SetupError::Failed(error)
    }
}

/// Saves the store's data from the welcome or settings form, keeping the rest.
pub fn set_up_store(
    db: &mut Database,
    actor: &Actor,
    input: &StoreInput,
) -> Result<StoreProfile, SetupError> {
    actor.require_owner()?;
    let profile = input.validate().map_err(SetupError::Invalid)?;
    let tx = db.transaction()?;
    save_store(&tx, actor, &profile)?;
    tx.commit().map_err(Error::from)?;
    Ok(profile)
}

pub(crate) fn save_store(
    tx: &rusqlite::Connection,
    actor: &Actor,
    profile: &StoreProfile,
) -> Result<()> {
    let mut settings = stored::load(tx)?;
    settings.store = profile.clone();
    stored::save(tx, &settings)?;
    audit::record(
        tx,
        actor.name(),
        "settings.store",
        "settings",
        None,
        &serde_json::json!({
            "legal_name": profile.legal_name,
            "cnpj": profile.cnpj.as_ref().map(|c| c.as_str().to_string()),
        }),
    )?;
    Ok(())
}

/// Saves every section at once (the settings screen), checking the legal caps and
/// the bands first; refused, nothing is saved.
pub fn replace(db: &mut Database, actor: &Actor, new: &Settings) -> Result<()> {
    actor.require_owner()?;
    new.charges.validate()?;
    new.validate_sections()?;
    let tx = db.transaction()?;
    let before = stored::load(&tx)?;
    let old: std::collections::HashMap<String, String> = before.entries().into_iter().collect();
    let changed: Vec<String> = new
        .entries()
        .into_iter()
        .filter(|(key, value)| old.get(key) != Some(value))
        .map(|(key, _)| key)
        .collect();
    stored::save(&tx, new)?;
    audit::record(
        &tx,
        actor.name(),
        "settings.replace",
        "settings",
        None,
        &serde_json::json!({ "changed": changed }),
    )?;
    tx.commit()?;
    Ok(())
}

/// Saves the owner's text for one kind of message, refusing one the law forbids
/// (threats, insults, shouting, short deadlines, a subject that states the debt); `None`
/// goes back to the default text.
pub fn set_template(
    db: &mut Database,
    actor: &Actor,
    kind: TemplateKind,
    template: Option<&Template>,
) -> Result<()> {
    actor.require_owner()?;
    if let Some(template) = template
        && let Some(problem) = template.problems().into_iter().next()
    {
        return Err(ConfigError::Template(kind, problem).into());
    }
    let tx = db.transaction()?;
    let mut settings = stored::load(&tx)?;
    match template {
        Some(template) => settings.templates.insert(kind, template.clone()),
        None => settings.templates.remove(&kind),
    };
    stored::save(&tx, &settings)?;
    audit::record(
        &tx,
        actor.name(),
        "settings.template",
        "settings",
        None,
        &serde_json::json!({ "kind": kind.code(), "default": template.is_none() }),
    )?;
    tx.commit()?;
    Ok(())
}
