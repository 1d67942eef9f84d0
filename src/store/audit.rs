//! The audit trail: who did what and when, written in the same transaction as the act.

use rusqlite::{Connection, params};

use crate::error::Result;

pub fn record(
    conn: &Connection,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    details: &serde_json::Value,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, details)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            actor,
            action,
            entity,
            entity_id,
            details.to_string()
        ],
    )?;
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub details: String,
}

pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<AuditEntry>> {
    let mut statement = conn.prepare(
        "SELECT at, actor, action, entity, entity_id, details FROM audit_log
         ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = statement.query_map([limit], |row| {
        Ok(AuditEntry {
            at: row.get(0)?,
            actor: row.get(1)?,
            action: row.get(2)?,
            entity: row.get(3)?,
            entity_id: row.get(4)?,
            details: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
