//! Preferences of the counter PC (the app's language).

use rusqlite::OptionalExtension;

use crate::error::Result;
use crate::i18n::Language;
use crate::store::Database;

const LANGUAGE_KEY: &str = "ui.language";

pub fn language(db: &Database) -> Result<Option<Language>> {
    let code: Option<String> = db
        .conn()
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [LANGUAGE_KEY],
            |row| row.get(0),
        )
        .optional()?;
    Ok(code.as_deref().and_then(Language::from_code))
}

pub fn set_language(db: &mut Database, language: Language) -> Result<()> {
    db.conn().execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [LANGUAGE_KEY, language.code()],
    )?;
    Ok(())
}
