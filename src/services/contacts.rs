//! The contact log: every conversation with a customer about a debt.

use std::fmt;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::services::{Actor, customers, now_text};
use crate::store::contacts as stored;
use crate::store::{Database, audit};

const MAX_NOTE: usize = 1_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactChannel {
    Phone,
    Email,
    Whatsapp,
    Sms,
    Letter,
    InPerson,
}

impl ContactChannel {
    pub const ALL: [ContactChannel; 6] = [
        ContactChannel::Phone,
        ContactChannel::Email,
        ContactChannel::Whatsapp,
        ContactChannel::Sms,
        ContactChannel::Letter,
        ContactChannel::InPerson,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactChannel::Phone => "phone",
            ContactChannel::Email => "email",
            ContactChannel::Whatsapp => "whatsapp",
            ContactChannel::Sms => "sms",
            ContactChannel::Letter => "letter",
            ContactChannel::InPerson => "in_person",
        }
    }

    pub fn from_code(code: &str) -> Option<ContactChannel> {
        Self::ALL
            .into_iter()
            .find(|channel| channel.as_str() == code)
    }

    pub fn label(self) -> String {
        match self {
            ContactChannel::Phone => crate::t!("contact-channel-phone"),
            ContactChannel::Email => crate::t!("channel-email"),
            ContactChannel::Whatsapp => crate::t!("channel-whatsapp"),
            ContactChannel::Sms => crate::t!("channel-sms"),
            ContactChannel::Letter => crate::t!("contact-channel-letter"),
            ContactChannel::InPerson => crate::t!("contact-channel-in-person"),
        }
    }
}

impl fmt::Display for ContactChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContactView {
    pub id: i64,
    /// Local date and time, `DD/MM/AAAA HH:MM`.
    pub at: String,
    pub channel: ContactChannel,
    pub note: String,
    pub actor: String,
}

pub fn record(
    db: &mut Database,
    actor: &Actor,
    customer_id: i64,
    channel: ContactChannel,
    note: &str,
) -> Result<i64> {
    let note = note.trim();
    if note.is_empty() {
        return Err(Error::BadArgument(crate::t!("contact-note-required")));
    }
    if note.chars().count() > MAX_NOTE {
        return Err(Error::BadArgument(crate::t!(
            "contact-note-too-long",
            max = MAX_NOTE.to_string()
        )));
    }
    customers::get(db, customer_id)?;
    let tx = db.transaction()?;
    let id = stored::insert(
        &tx,
        customer_id,
        &now_text(),
        channel.as_str(),
        note,
        actor.name(),
    )?;
    audit::record(
        &tx,
        actor.name(),
        "contact.record",
        "contact",
        Some(id),
        &serde_json::json!({ "customer_id": customer_id, "channel": channel.as_str() }),
    )?;
    tx.commit()?;
    Ok(id)
}

pub fn for_customer(db: &Database, customer_id: i64) -> Result<Vec<ContactView>> {
    Ok(stored::for_customer(db.conn(), customer_id)?
        .into_iter()
        .map(|row| ContactView {
            id: row.id,
            at: chrono::DateTime::parse_from_rfc3339(&row.at)
                .map(|at| {
                    at.with_timezone(&chrono::Local)
                        .format("%d/%m/%Y %H:%M")
                        .to_string()
                })
                .unwrap_or(row.at),
            channel: ContactChannel::from_code(&row.channel).unwrap_or(ContactChannel::Phone),
            note: row.note,
            actor: row.actor,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_round_trips_through_its_code() {
        for channel in ContactChannel::ALL {
            assert_eq!(ContactChannel::from_code(channel.as_str()), Some(channel));
        }
        assert_eq!(
            ContactChannel::from_code("in_person"),
            Some(ContactChannel::InPerson)
        );
        assert_eq!(ContactChannel::from_code("fax"), None);
    }
}
