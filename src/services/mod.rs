//! One function per user action. Each writing action is one SQLite transaction with
//! its audit row; the CLI and the desktop app call these and nothing below them.

pub mod agreements;
pub mod backup;
pub mod bank;
pub mod board;
pub mod boletos;
pub mod contacts;
pub mod customers;
pub mod day_end;
pub mod demo;
pub mod documents;
pub mod files;
pub mod messages;
pub mod negotiation;
pub mod outbox;
pub mod payments;
pub mod preferences;
pub mod promises;
pub mod ruler;
pub mod sales;
pub mod settings;
pub mod tasks;
pub mod users;

use crate::domain::users::Role;
use crate::error::{Error, Result};
use crate::store::users::UserRecord;

/// Who is doing the action: the name written in the audit trail and the authority it
/// carries. Services check the role themselves; hiding a button is not enough.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    name: String,
    role: Role,
    user_id: Option<i64>,
}

impl Actor {
    /// The operating-system account, for the command line. Whoever holds the store
    /// computer's account (scheduled tasks, backups, the owner at a terminal) acts with
    /// the owner's authority; the people at the counter use the app.
    pub fn from_os() -> Actor {
        Actor::system(format!("cli:{}", os_user()))
    }

    /// The app before anyone has said who is at the counter: a clerk's authority, so
    /// nothing an owner decides can happen unidentified.
    pub fn from_os_for_app() -> Actor {
        Actor::named(format!("app:{}", os_user()), Role::Clerk)
    }

    /// A person of the store's user list, after identifying.
    pub fn person(user: &UserRecord) -> Actor {
        Actor {
            name: user.name.clone(),
            role: user.role,
            user_id: Some(user.id),
        }
    }

    /// A named actor with the owner's authority, for the machine's own work.
    pub fn system(name: impl Into<String>) -> Actor {
        Actor::named(name, Role::Owner)
    }

    pub fn named(name: impl Into<String>, role: Role) -> Actor {
        Actor {
            name: name.into(),
            role,
            user_id: None,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn user_id(&self) -> Option<i64> {
        self.user_id
    }

    pub fn is_owner(&self) -> bool {
        self.role == Role::Owner
    }

    /// Refuses what only an owner may do.
    pub fn require_owner(&self) -> Result<()> {
        if self.is_owner() {
            Ok(())
        } else {
            Err(Error::NotAllowed)
        }
    }
}

/// Who did something, as stored in a record, for a person to read: the command line's
/// account is said to be the command line.
pub fn actor_label(stored: &str) -> String {
    match stored.strip_prefix("cli:") {
        Some(user) => crate::t!("actor-command-line", user = user.to_string()),
        None => stored.to_string(),
    }
}

fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "desconhecido".to_string())
}

/// The instant stored with records and audit rows.
pub(crate) fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
