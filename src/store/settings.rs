//! Settings are stored one section per row, as JSON.

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::settings::Settings;
use crate::error::Result;

const SECTIONS: [&str; 8] = [
    "store",
    "charges",
    "bands",
    "holidays",
    "negotiation",
    "collection",
    "templates",
    "smtp",
];

/// The stored settings; defaults for any section never saved or no longer readable.
pub fn load(conn: &Connection) -> Result<Settings> {
    let mut settings = Settings::default();
    for section in SECTIONS {
        let value: Option<String> = conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [section],
                |row| row.get(0),
            )
            .optional()?;
        let Some(value) = value else { continue };
        match section {
            "store" => settings.store = serde_json::from_str(&value).unwrap_or_default(),
            "charges" => settings.charges = serde_json::from_str(&value).unwrap_or_default(),
            "bands" => settings.bands = serde_json::from_str(&value).unwrap_or_default(),
            "negotiation" => {
                settings.negotiation = serde_json::from_str(&value).unwrap_or_default()
            }
            "collection" => settings.collection = serde_json::from_str(&value).unwrap_or_default(),
            "templates" => settings.templates = serde_json::from_str(&value).unwrap_or_default(),
            "smtp" => settings.smtp = serde_json::from_str(&value).unwrap_or_default(),
            _ => settings.holidays = serde_json::from_str(&value).unwrap_or_default(),
        }
    }
    Ok(settings)
}

pub fn save(conn: &Connection, settings: &Settings) -> Result<()> {
    let values = [
        serde_json::to_string(&settings.store),
        serde_json::to_string(&settings.charges),
        serde_json::to_string(&settings.bands),
        serde_json::to_string(&settings.holidays),
        serde_json::to_string(&settings.negotiation),
        serde_json::to_string(&settings.collection),
        serde_json::to_string(&settings.templates),
        serde_json::to_string(&settings.smtp),
    ];
    for (section, value) in SECTIONS.iter().zip(values) {
        let value = value.unwrap_or_default();
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![section, value],
        )?;
    }
    Ok(())
}
