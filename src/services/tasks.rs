//! The Today (Hoje) screen's work: the ruler's e-mails of the day, the WhatsApp
//! messages to open, the calls to make and the letters to print, with what came of
//! each; and what the ruler will do in the next days.

use chrono::NaiveDate;
use serde::Serialize;

use crate::docs::letter::{self, Letter};
use crate::domain::money::Money;
use crate::domain::outbox::OutboxStatus;
use crate::domain::ruler::Channel;
use crate::domain::settings::Settings;
use crate::error::{Error, Result};
use crate::services::messages::{self, Subject};
use crate::services::ruler::DayPlan;
use crate::services::{Actor, documents, now_text, promises};
use crate::store::ruler::{self as stored, ContactRow, ContactState};
use crate::store::{Database, audit, contacts, customers, settings as stored_settings};

/// A contact the ruler planned, with the text it carries today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Task {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub channel: Channel,
    pub step: Option<i32>,
    pub state: ContactState,
    pub outcome: Option<String>,
    pub phone: Option<String>,
    /// The message as the customer would read it now (the body of the template).
    pub text: String,
    /// A click-to-chat link with the text ready, for a customer who opted in.
    pub whatsapp_link: Option<String>,
    pub total: Money,
    /// For an e-mail: where it stands in the outbox.
    pub email_status: Option<OutboxStatus>,
}

impl Task {
    /// Still for a clerk to do.
    pub fn is_open(&self) -> bool {
        self.state == ContactState::Open
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Today {
    pub day: NaiveDate,
    pub emails: Vec<Task>,
    pub whatsapp: Vec<Task>,
    pub calls: Vec<Task>,
    pub letters: Vec<Task>,
    /// Contacts of each channel beyond the first `SHOWN` (the first day of a ruler on an
    /// old store can have thousands): counted, not itemized.
    pub more: Vec<(Channel, usize)>,
    /// The next days: how many contacts the ruler would make, by channel.
    pub upcoming: Vec<DayPlan>,
}

/// How many contacts of each channel the screen itemizes.
pub const SHOWN: usize = 200;

impl Today {
    pub fn more(&self, channel: Channel) -> usize {
        self.more
            .iter()
            .find(|(c, _)| *c == channel)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }
}

/// What came of a task a clerk did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The WhatsApp message was opened and sent by the clerk.
    Sent,
    Printed,
    NoAnswer,
    /// The customer promised to pay `amount` by `due_on`.
    Promise {
        due_on: NaiveDate,
        amount: Money,
    },
    /// The customer disputes the debt: collection stops until someone resolves it.
    Dispute,
    /// Talked; the note says what.
    Talked,
}

impl Outcome {
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Sent => "sent",
            Outcome::Printed => "printed",
            Outcome::NoAnswer => "no_answer",
            Outcome::Promise { .. } => "promise",
            Outcome::Dispute => "dispute",
            Outcome::Talked => "talked",
        }
    }

    pub fn label_of(code: &str) -> String {
        match code {
            "sent" => crate::t!("outcome-sent"),
            "printed" => crate::t!("outcome-printed"),
            "no_answer" => crate::t!("outcome-no-answer"),
            "promise" => crate::t!("outcome-promise"),
            "dispute" => crate::t!("outcome-dispute"),
            "talked" => crate::t!("outcome-talked"),
            "cancelled" => crate::t!("outcome-cancelled"),
            other => other.to_string(),
        }
    }
}

/// Percent-encodes `text` for a URL query (RFC 3986 unreserved characters kept).
fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The wa.me link for a Brazilian number (digits with DDD) and a text.
pub fn whatsapp_link(phone: &str, text: &str) -> String {
    format!("https://wa.me/55{phone}?text={}", url_encode(text))
}

fn task(db: &Database, settings: &Settings, row: ContactRow, today: NaiveDate) -> Result<Task> {
    let conn = db.conn();
    let customer = customers::get(conn, row.customer_id)?
        .ok_or_else(|| Error::CustomerNotFound(row.customer_id.to_string()))?;
    let phone = customer.customer.phones.first().cloned();
    let about = match row.payment_id {
        Some(payment) => Subject::Payment(payment),
        None => Subject::Installments(&row.installment_ids),
    };
    let template = settings.template(row.template);
    let composed = messages::compose(
        conn,
        settings,
        &customer.customer.name,
        &template,
        about,
        today,
    );
    let (text, total) = match composed {
        Ok(composed) => (composed.body, composed.total),
        Err(Error::NothingToCollect) => (crate::t!("task-nothing-owed"), Money::ZERO),
        Err(error) => return Err(error),
    };
    let consents = customer.customer.consent.collection.whatsapp;
    let whatsapp_link = match (&phone, row.channel) {
        (Some(phone), Channel::WhatsApp) if consents && total.is_positive() => {
            Some(whatsapp_link(phone, &text))
        }
        _ => None,
    };
    let email_status = if row.channel == Channel::Email {
        conn.query_row(
            "SELECT status FROM outbox WHERE contact_id = ?1",
            [row.id],
            |r| r.get::<_, String>(0),
        )
        .ok()
        .and_then(|code| OutboxStatus::from_code(&code))
    } else {
        None
    };
    Ok(Task {
        id: row.id,
        customer_id: row.customer_id,
        customer_name: row.customer_name,
        channel: row.channel,
        step: row.step,
        state: row.state,
        outcome: row.outcome,
        phone,
        text,
        whatsapp_link,
        total,
        email_status,
    })
}

/// Everything on the Today screen for `today`: the day's contacts, the tasks still
/// open from earlier days, and the next `ahead` days.
pub fn today(db: &Database, today: NaiveDate, ahead: i64) -> Result<Today> {
    let mut view = Today {
        day: today,
        ..Today::default()
    };
    let settings = stored_settings::load(db.conn())?;
    let mut rows = stored::open_before(db.conn(), today)?;
    rows.extend(stored::on_day(db.conn(), today)?);
    // Open tasks first, so the ones still to do are the ones itemized.
    rows.sort_by_key(|row| row.state != ContactState::Open);
    for row in rows {
        let list = match row.channel {
            Channel::Email => &mut view.emails,
            Channel::WhatsApp => &mut view.whatsapp,
            Channel::Call => &mut view.calls,
            Channel::Letter => &mut view.letters,
        };
        if list.len() >= SHOWN {
            match view.more.iter_mut().find(|(c, _)| *c == row.channel) {
                Some((_, count)) => *count += 1,
                None => view.more.push((row.channel, 1)),
            }
            continue;
        }
        list.push(task(db, &settings, row, today)?);
    }
    view.upcoming = crate::services::ruler::upcoming(db, today, ahead)?;
    Ok(view)
}

/// Records what came of a task, with the contact in the customer's history, in one
/// transaction; a promise or a dispute is recorded with it.
pub fn finish(
    db: &mut Database,
    actor: &Actor,
    contact_id: i64,
    outcome: &Outcome,
    note: &str,
    today: NaiveDate,
) -> Result<()> {
    let row = stored::get(db.conn(), contact_id)?.ok_or(Error::ContactNotFound(contact_id))?;
    if row.state != ContactState::Open {
        return Err(Error::ContactClosed(contact_id));
    }
    if let Outcome::Promise { due_on, amount } = outcome {
        promises::check(db, row.customer_id, *due_on, *amount, note, today)?;
    }
    let channel = match row.channel {
        Channel::Email => "email",
        Channel::WhatsApp => "whatsapp",
        Channel::Call => "phone",
        Channel::Letter => "letter",
    };
    let logged = if note.trim().is_empty() {
        Outcome::label_of(outcome.code())
    } else {
        format!("{} – {}", Outcome::label_of(outcome.code()), note.trim())
    };
    let tx = db.transaction()?;
    if !stored::finish(
        &tx,
        contact_id,
        ContactState::Done,
        outcome.code(),
        &now_text(),
        actor.name(),
    )? {
        return Err(Error::ContactClosed(contact_id));
    }
    contacts::insert(
        &tx,
        row.customer_id,
        &now_text(),
        channel,
        &logged,
        actor.name(),
    )?;
    match outcome {
        Outcome::Promise { due_on, amount } => {
            promises::insert(&tx, actor, row.customer_id, *due_on, *amount, note, today)?;
        }
        Outcome::Dispute => {
            customers::set_disputed(&tx, row.customer_id)?;
            audit::record(
                &tx,
                actor.name(),
                "customer.dispute",
                "customer",
                Some(row.customer_id),
                &serde_json::json!({ "contact_id": contact_id }),
            )?;
        }
        _ => {}
    }
    audit::record(
        &tx,
        actor.name(),
        "ruler.task",
        "ruler_contact",
        Some(contact_id),
        &serde_json::json!({ "outcome": outcome.code(), "customer_id": row.customer_id }),
    )?;
    tx.commit()?;
    Ok(())
}

/// The letters of the day's open letter tasks as one PDF, with today's figures.
pub fn letters(db: &Database, contact_ids: &[i64], today: NaiveDate) -> Result<Vec<u8>> {
    let conn = db.conn();
    let settings = stored_settings::load(conn)?;
    let mut letters = Vec::new();
    for &id in contact_ids {
        let row = stored::get(conn, id)?.ok_or(Error::ContactNotFound(id))?;
        let customer = customers::get(conn, row.customer_id)?
            .ok_or_else(|| Error::CustomerNotFound(row.customer_id.to_string()))?;
        let template = settings.template(row.template);
        let composed = match messages::compose(
            conn,
            &settings,
            &customer.customer.name,
            &template,
            Subject::Installments(&row.installment_ids),
            today,
        ) {
            Ok(composed) => composed,
            Err(Error::NothingToCollect) => continue,
            Err(error) => return Err(error),
        };
        letters.push(Letter {
            store: documents::store_header(&settings),
            customer: documents::payer(&customer),
            place: settings.store.address.city.clone(),
            date: today,
            subject: composed.subject,
            body: composed.body,
        });
    }
    if letters.is_empty() {
        return Err(Error::NothingToPrint);
    }
    letter::render(&letters)
}

/// The open letter tasks up to `today`.
pub fn open_letters(db: &Database, today: NaiveDate) -> Result<Vec<i64>> {
    let mut rows = stored::open_before(db.conn(), today)?;
    rows.extend(stored::on_day(db.conn(), today)?);
    Ok(rows
        .into_iter()
        .filter(|row| row.channel == Channel::Letter && row.state == ContactState::Open)
        .map(|row| row.id)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whatsapp_link_carries_the_text_encoded() {
        let link = whatsapp_link("11987654321", "Olá, Ana! R$ 10,00\nLoja & Cia");
        assert_eq!(
            link,
            "https://wa.me/5511987654321?text=Ol%C3%A1%2C%20Ana%21%20R%24%2010%2C00%0ALoja%20%26%20Cia"
        );
    }
}
