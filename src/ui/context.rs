//! What every screen shares: the open database, the settings, who is at the
//! counter, the date and the privacy mode.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::money::Money;
use crate::domain::settings::Settings;
use crate::error::Result;
use crate::i18n::Language;
use crate::services::{self, Actor};
use crate::store::Database;
use crate::store::users::UserRecord;

pub struct Context {
    db: Option<Database>,
    path: PathBuf,
    pub settings: Settings,
    pub actor: Actor,
    /// The date the app acts as of; fixed in tests, else the clock's.
    pub today: NaiveDate,
    fixed_today: bool,
    /// Hides names and amounts while a customer can see the screen.
    pub privacy: bool,
    pub language: Language,
    /// Printed documents open in the system's viewer; tests turn it off.
    pub open_documents: bool,
}

impl Context {
    pub fn new(db: Database, path: PathBuf, today: Option<NaiveDate>) -> Result<Context> {
        let settings = services::settings::load(&db)?;
        let language = services::preferences::language(&db)?.unwrap_or_else(Language::from_env);
        crate::i18n::select(language);
        Ok(Context {
            db: Some(db),
            path,
            settings,
            actor: Actor::from_os_for_app(),
            today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            fixed_today: today.is_some(),
            privacy: false,
            language,
            open_documents: true,
        })
    }

    /// A context with no database, for showing why the database could not be opened.
    pub fn unavailable() -> Context {
        Context {
            db: None,
            path: PathBuf::new(),
            settings: Settings::default(),
            actor: Actor::from_os_for_app(),
            today: chrono::Local::now().date_naive(),
            fixed_today: false,
            privacy: false,
            language: Language::from_env(),
            open_documents: true,
        }
    }

    /// The person at the counter from now on: their name goes in the audit trail and
    /// their role decides what the services allow.
    pub fn sign_in(&mut self, user: &UserRecord) {
        self.actor = Actor::person(user);
    }

    pub fn sign_out(&mut self) {
        self.actor = Actor::from_os_for_app();
    }

    pub fn signed_in(&self) -> bool {
        self.actor.user_id().is_some()
    }

    pub fn is_ready(&self) -> bool {
        self.db.is_some()
    }

    /// The open database. Screens are only reachable once it is open.
    pub fn db(&self) -> &Database {
        self.db.as_ref().expect("screens open only with a database")
    }

    pub fn db_mut(&mut self) -> &mut Database {
        self.db.as_mut().expect("screens open only with a database")
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn refresh_today(&mut self) {
        if !self.fixed_today {
            self.today = chrono::Local::now().date_naive();
        }
    }

    pub fn reload_settings(&mut self) -> Result<()> {
        self.settings = services::settings::load(self.db())?;
        Ok(())
    }

    pub fn set_language(&mut self, language: Language) -> Result<()> {
        services::preferences::set_language(self.db_mut(), language)?;
        crate::i18n::select(language);
        self.language = language;
        Ok(())
    }

    /// An amount, or dots in privacy mode.
    pub fn money(&self, amount: Money) -> String {
        if self.privacy {
            "R$ •••".to_string()
        } else {
            amount.format_brl()
        }
    }

    /// A customer's name, or initials in privacy mode.
    pub fn name(&self, name: &str) -> String {
        if self.privacy {
            name.split_whitespace()
                .filter_map(|word| word.chars().next())
                .filter(|c| c.is_uppercase())
                .map(|c| format!("{c}."))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            name.to_string()
        }
    }

    pub fn today_label(&self) -> String {
        date_label(self.today)
    }
}

pub fn date_label(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Reads a date typed as DD/MM/AAAA (or AAAA-MM-DD).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
}

/// "seg 07/12": the short weekday and the date.
pub fn weekday_label(date: NaiveDate) -> String {
    use chrono::Datelike;
    let day = match date.weekday() {
        chrono::Weekday::Mon => crate::t!("weekday-mon"),
        chrono::Weekday::Tue => crate::t!("weekday-tue"),
        chrono::Weekday::Wed => crate::t!("weekday-wed"),
        chrono::Weekday::Thu => crate::t!("weekday-thu"),
        chrono::Weekday::Fri => crate::t!("weekday-fri"),
        chrono::Weekday::Sat => crate::t!("weekday-sat"),
        chrono::Weekday::Sun => crate::t!("weekday-sun"),
    };
    format!("{day} {}", date.format("%d/%m"))
}
