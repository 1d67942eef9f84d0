//! Who is at the counter: the first owner, adding people (owners only), and checking an
//! owner's PIN with a lockout after five wrong tries. The PIN itself is never stored.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Utc};

use crate::domain::settings::StoreInput;
use crate::domain::users::{Role, UserInput, after_wrong_pin, minutes_locked};
use crate::error::{Error, Result};
use crate::services::settings::SetupError;
use crate::services::{Actor, now_text};
use crate::store::users::{self as stored, UserRecord};
use crate::store::{Database, audit};

pub(crate) fn hash(pin: &str) -> Result<String> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| Error::Corrupt(e.to_string()))
}

fn matches(pin: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(pin.as_bytes(), hash)
        .is_ok()
}

fn create(db: &mut Database, by: &str, input: &UserInput, first_owner: bool) -> Result<i64> {
    let tx = db.transaction()?;
    let id = insert(&tx, by, input, first_owner)?;
    tx.commit()?;
    Ok(id)
}

fn insert(
    tx: &rusqlite::Connection,
    by: &str,
    input: &UserInput,
    first_owner: bool,
) -> Result<i64> {
    let (name, pin) = input
        .validate()
        .map_err(|e| Error::BadArgument(e.to_string()))?;
    let pin_hash = pin.as_deref().map(hash).transpose()?;
    if first_owner && stored::count_owners(tx)? > 0 {
        return Err(Error::BadArgument(crate::t!("user-owner-exists")));
    }
    if stored::by_name(tx, &name)?.is_some() {
        return Err(Error::BadArgument(crate::t!(
            "user-name-taken",
            name = name.clone()
        )));
    }
    let id = stored::insert(tx, &name, input.role, pin_hash.as_deref(), &now_text())?;
    audit::record(
        tx,
        by,
        "user.create",
        "user",
        Some(id),
        &serde_json::json!({ "name": name, "role": input.role.code() }),
    )?;
    Ok(id)
}

/// The store's first owner, from the welcome flow; refused once there is one.
pub fn create_first_owner(db: &mut Database, input: &UserInput) -> Result<i64> {
    if input.role != Role::Owner {
        return Err(Error::BadArgument(crate::t!("user-first-must-be-owner")));
    }
    create(db, "boas-vindas", input, true)
}

/// The welcome flow in one transaction: the first owner and the store's data. The
/// owner is checked first, then the store's fields; on any error nothing is saved.
pub fn open_store(
    db: &mut Database,
    owner: &UserInput,
    store: &StoreInput,
) -> std::result::Result<UserRecord, SetupError> {
    if owner.role != Role::Owner {
        return Err(Error::BadArgument(crate::t!("user-first-must-be-owner")).into());
    }
    owner
        .validate()
        .map_err(|e| SetupError::Failed(Error::BadArgument(e.to_string())))?;
    let profile = store.validate().map_err(SetupError::Invalid)?;
    let tx = db.transaction()?;
    let id = insert(&tx, "boas-vindas", owner, true)?;
    let user = stored::get(&tx, id)?.ok_or(Error::NotAllowed)?;
    crate::services::settings::save_store(&tx, &Actor::person(&user), &profile)?;
    tx.commit().map_err(Error::from)?;
    Ok(user)
}

/// Adds a clerk or an owner; only an owner may.
pub fn add(db: &mut Database, actor: &Actor, input: &UserInput) -> Result<i64> {
    actor.require_owner()?;
    create(db, actor.name(), input, false)
}

pub fn get(db: &Database, id: i64) -> Result<UserRecord> {
    stored::get(db.conn(), id)?.ok_or(Error::NotAllowed)
}

pub fn list(db: &Database) -> Result<Vec<UserRecord>> {
    stored::active(db.conn())
}

/// Checks `pin` for user `id` at `now`: a clerk without a PIN needs none; an owner's
/// wrong PIN counts towards the lockout, and each try is in the audit trail.
pub fn check_pin(db: &mut Database, id: i64, pin: &str, now: DateTime<Utc>) -> Result<UserRecord> {
    let tx = db.transaction()?;
    let user = stored::get(&tx, id)?.ok_or(Error::NotAllowed)?;
    if let Some(minutes) = minutes_locked(user.locked_until, now) {
        return Err(Error::Locked {
            name: user.name,
            minutes,
        });
    }
    let Some(hash) = &user.pin_hash else {
        return Ok(user);
    };
    let right = matches(pin.trim(), hash);
    let (failed, locked_until) = if right {
        (0, None)
    } else {
        after_wrong_pin(user.failed_attempts, now)
    };
    stored::set_attempts(&tx, id, failed, locked_until)?;
    audit::record(
        &tx,
        &user.name,
        if right {
            "user.pin_ok"
        } else {
            "user.pin_wrong"
        },
        "user",
        Some(id),
        &serde_json::json!({ "locked": locked_until.is_some() }),
    )?;
    tx.commit()?;
    if right {
        Ok(UserRecord {
            failed_attempts: 0,
            locked_until: None,
            ..user
        })
    } else if locked_until.is_some() {
        Err(Error::Locked {
            name: user.name,
            minutes: crate::domain::users::LOCKOUT_MINUTES,
        })
    } else {
        Err(Error::WrongPin {
            tries_left: crate::domain::users::MAX_TRIES - failed,
        })
    }
}
