//! One function per user action. Each writing action is one SQLite transaction with
//! its audit row; the CLI and the desktop app call these and nothing below them.

pub mod backup;
pub mod board;
pub mod boletos;
pub mod contacts;
pub mod customers;
pub mod day_end;
pub mod demo;
pub mod documents;
pub mod files;
pub mod negotiation;
pub mod payments;
pub mod preferences;
pub mod promises;
pub mod sales;
pub mod settings;
pub mod users;

/// Who is doing the action, as written in the audit trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor(pub String);

impl Actor {
    /// The operating-system user, for actions from the command line.
    pub fn from_os() -> Actor {
        let user = ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
            .unwrap_or_else(|| "desconhecido".to_string());
        Actor(format!("cli:{user}"))
    }

    /// The operating-system user, for actions from the desktop app (until the people at
    /// the counter identify themselves).
    pub fn from_os_for_app() -> Actor {
        let Actor(cli) = Actor::from_os();
        Actor(cli.replacen("cli:", "app:", 1))
    }

    pub fn name(&self) -> &str {
        &self.0
    }
}

/// The instant stored with records and audit rows.
pub(crate) fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
