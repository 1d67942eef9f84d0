//! Running the collection ruler: reading every customer's state, asking the planner
//! which contacts are due at a moment, and queuing them in one transaction — e-mails
//! into the outbox, WhatsApp messages, calls and letters as tasks for the Today screen.

use std::collections::HashMap;

use chrono::{
    DateTime, Datelike, Duration, Local, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday,
};
use rusqlite::Connection;
use serde::Serialize;

use crate::domain::band::is_prescribed;
use crate::domain::ruler::{
    Channel, CustomerState, OpenInstallment, PastContact, PlannedContact, TemplateKind, plan,
    record,
};
use crate::domain::settings::Settings;
use crate::error::Result;
use crate::services::messages::{self, Subject};
use crate::services::{Actor, now_text};
use crate::store::ruler::{self as stored, ContactData, ContactState, NewContact};
use crate::store::{Database, audit, ledger, outbox, settings as stored_settings};

/// States where a law forbids collection contacts on Saturdays (`brazil-rules.md` §3.2).
const NO_SATURDAY_STATES: [&str; 3] = ["RJ", "ES", "AM"];

/// One contact of a run, as `regua ruler run --json` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlannedView {
    pub customer_id: i64,
    pub customer_name: String,
    pub step: Option<i32>,
    pub channel: Channel,
    pub template: TemplateKind,
    pub scheduled_at: NaiveDateTime,
    pub installment_ids: Vec<i64>,
    pub payment_id: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RunReport {
    /// False outside the contact window: nothing is planned then.
    pub window_open: bool,
    pub dry_run: bool,
    pub planned: Vec<PlannedView>,
    /// E-mails put in the outbox.
    pub queued: usize,
    /// WhatsApp messages, calls and letters for a clerk.
    pub tasks: usize,
    /// Contacts left out because their text could not be made (nothing owed any more).
    pub skipped: usize,
}

/// The planner's view of every customer with something to collect or to thank, read
/// as of `now`.
pub(crate) fn customer_states(
    conn: &Connection,
    settings: &Settings,
    now: NaiveDateTime,
    look_ahead_days: i64,
) -> Result<(Vec<CustomerState>, HashMap<i64, ContactData>)> {
    let today = now.date();
    let earliest = settings
        .collection
        .ruler
        .steps
        .iter()
        .map(|step| step.offset)
        .min()
        .unwrap_or(0)
        .min(0);
    let horizon = today + Duration::days(i64::from(-earliest) + look_ahead_days);
    let mut states: HashMap<i64, CustomerState> = HashMap::new();
    for row in ledger::collectible_until(conn, today, horizon)? {
        let state = states.entry(row.customer_id).or_default();
        state.customer_id = row.customer_id;
        state.installments.push(OpenInstallment {
            id: row.ledger.id,
            due_date: row.ledger.due_date,
            prescribed: is_prescribed(row.ledger.due_date, today),
        });
    }
    for (customer_id, payment_id, paid_on) in
        stored::unthanked_payments(conn, today - Duration::days(7))?
    {
        let state = states.entry(customer_id).or_default();
        state.customer_id = customer_id;
        state.unthanked_payments.push((payment_id, paid_on));
    }
    let contact_data = stored::contact_data(conn)?;
    let promises = stored::promises_not_due(conn, today)?;
    let week_ago = now - Duration::days(7);
    let mut made: HashMap<i64, Vec<PastContact>> = HashMap::new();
    for (customer_id, at, channel) in stored::contacts_since(conn, week_ago)? {
        made.entry(customer_id)
            .or_default()
            .push(PastContact { at, channel });
    }
    // Contacts a clerk logged by hand count too, unless the ruler's task already did.
    let since = local_to_utc(week_ago).to_rfc3339();
    for (customer_id, at, code) in stored::logged_contacts_since(conn, &since)? {
        let Some(channel) = logged_channel(&code) else {
            continue;
        };
        let Ok(at) = DateTime::parse_from_rfc3339(&at) else {
            continue;
        };
        let at = at.with_timezone(&Local).naive_local();
        let contacts = made.entry(customer_id).or_default();
        let counted = contacts
            .iter()
            .any(|c| c.channel == channel && c.at.date() == at.date());
        if !counted {
            contacts.push(PastContact { at, channel });
        }
    }
    let mut done: HashMap<i64, Vec<(i64, i32)>> = HashMap::new();
    let owner: HashMap<i64, i64> = states
        .values()
        .flat_map(|s| s.installments.iter().map(|i| (i.id, s.customer_id)))
        .collect();
    for (installment_id, step) in stored::done_steps(conn)? {
        if let Some(customer_id) = owner.get(&installment_id) {
            done.entry(*customer_id)
                .or_default()
                .push((installment_id, step));
        }
    }
    let mut list: Vec<CustomerState> = states
        .into_values()
        .filter_map(|mut state| {
            let data = contact_data.get(&state.customer_id)?;
            state.consent = data.consent.collection;
            state.has_email = data.email.is_some();
            state.has_phone = data.phone.is_some();
            state.stopped = data.stopped;
            state.saturday_banned = NO_SATURDAY_STATES.contains(&data.state.as_str());
            state.promise_due = promises.get(&state.customer_id).copied();
            state.contacts = made.remove(&state.customer_id).unwrap_or_default();
            state.done = done
                .remove(&state.customer_id)
                .unwrap_or_default()
                .into_iter()
                .collect();
            Some(state)
        })
        .collect();
    list.sort_unstable_by_key(|state| state.customer_id);
    Ok((list, contact_data))
}

fn logged_channel(code: &str) -> Option<Channel> {
    match code {
        "phone" => Some(Channel::Call),
        "email" => Some(Channel::Email),
        "whatsapp" | "sms" => Some(Channel::WhatsApp),
        "letter" => Some(Channel::Letter),
        _ => None,
    }
}

pub(crate) fn local_to_utc(at: NaiveDateTime) -> DateTime<Utc> {
    Local
        .from_local_datetime(&at)
        .earliest()
        .map(|local| local.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&at))
}

/// The contacts due at `now`, without queuing anything.
pub fn plan_at(db: &Database, now: NaiveDateTime) -> Result<Vec<PlannedView>> {
    let settings = stored_settings::load(db.conn())?;
    let (planned, data) = planned(db.conn(), &settings, now)?;
    Ok(views(&planned, &data))
}

/// The planner's answer for `now` on the database as `conn` sees it.
fn planned(
    conn: &Connection,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<(Vec<PlannedContact>, HashMap<i64, ContactData>)> {
    let (states, data) = customer_states(conn, settings, now, 0)?;
    let planned = plan(&settings.collection, &settings.calendar(), &states, now);
    Ok((planned, data))
}

fn views(planned: &[PlannedContact], data: &HashMap<i64, ContactData>) -> Vec<PlannedView> {
    planned
        .iter()
        .map(|contact| PlannedView {
            customer_id: contact.customer_id,
            customer_name: data
                .get(&contact.customer_id)
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            step: contact.step,
            channel: contact.channel,
            template: contact.template,
            scheduled_at: contact.scheduled_at,
            installment_ids: contact.installment_ids.clone(),
            payment_id: contact.payment_id,
        })
        .collect()
}

/// Plans the contacts due at `now` and, unless `dry_run`, queues them in one
/// transaction. Running it again for the same moment queues nothing new.
pub fn run(
    db: &mut Database,
    actor: &Actor,
    now: NaiveDateTime,
    dry_run: bool,
) -> Result<RunReport> {
    let settings = stored_settings::load(db.conn())?;
    let window_open = settings
        .collection
        .window
        .is_open(now, &settings.calendar());
    if dry_run {
        let (planned, data) = planned(db.conn(), &settings, now)?;
        return Ok(RunReport {
            window_open,
            dry_run,
            planned: views(&planned, &data),
            ..RunReport::default()
        });
    }
    // Planned inside the write transaction, so two runs at once never plan twice.
    let tx = db.transaction()?;
    let (planned, data) = planned(&tx, &settings, now)?;
    let created_at = now_text();
    let queued_at = Utc::now();
    let domain = settings
        .store
        .email
        .rsplit_once('@')
        .map(|(_, domain)| domain.to_string())
        .unwrap_or_default();
    let mut report = RunReport {
        window_open,
        dry_run,
        ..RunReport::default()
    };
    let mut kept = Vec::new();
    for contact in &planned {
        let Some(customer) = data.get(&contact.customer_id) else {
            continue;
        };
        let email = contact.channel == Channel::Email;
        // An e-mail's text is made now, to be stored; a clerk's task shows its text
        // with the figures of the moment it is done.
        let composed = if email {
            let about = match contact.payment_id {
                Some(payment) => Subject::Payment(payment),
                None => Subject::Installments(&contact.installment_ids),
            };
            let template = settings.template(contact.template);
            match messages::compose(&tx, &settings, &customer.name, &template, about, now.date()) {
                Ok(composed) => Some(composed),
                // Nothing owed any more: recorded as cancelled so no run plans it again.
                Err(crate::error::Error::NothingToCollect) => None,
                Err(error) => return Err(error),
            }
        } else {
            None
        };
        let contact_id = stored::insert(
            &tx,
            &NewContact {
                customer_id: contact.customer_id,
                step: contact.step,
                template: contact.template,
                channel: contact.channel,
                scheduled_at: contact.scheduled_at,
                payment_id: contact.payment_id,
                installment_ids: &contact.installment_ids,
                state: match (email, &composed) {
                    (true, Some(_)) => ContactState::Queued,
                    (true, None) => ContactState::Cancelled,
                    (false, _) => ContactState::Open,
                },
                created_at: &created_at,
            },
        )?;
        if let Some(composed) = composed {
            outbox::insert(
                &tx,
                &outbox::NewMessage {
                    contact_id: Some(contact_id),
                    customer_id: Some(contact.customer_id),
                    to_address: customer.email.as_deref().unwrap_or_default(),
                    to_name: &customer.name,
                    subject: &composed.subject,
                    body: &composed.body,
                    attachments: &serde_json::to_string(&composed.attachments).unwrap_or_default(),
                    domain: &domain,
                    created_at: queued_at,
                },
            )?;
            report.queued += 1;
        } else if email {
            report.skipped += 1;
            continue;
        } else {
            report.tasks += 1;
        }
        kept.push(contact.clone());
    }
    if !kept.is_empty() {
        audit::record(
            &tx,
            actor.name(),
            "ruler.run",
            "ruler",
            None,
            &serde_json::json!({
                "at": stored::local_text(now),
                "queued": report.queued,
                "tasks": report.tasks,
            }),
        )?;
    }
    tx.commit()?;
    report.planned = views(&kept, &data);
    Ok(report)
}

/// One day ahead: how many contacts by channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayPlan {
    pub day: NaiveDate,
    pub by_channel: Vec<(Channel, usize)>,
}

/// How many contacts the ruler would make on each of the `days` days after `today`,
/// by channel, if nobody paid meanwhile: what the owner sees coming.
pub fn upcoming(db: &Database, today: NaiveDate, days: i64) -> Result<Vec<DayPlan>> {
    let conn = db.conn();
    let settings = stored_settings::load(conn)?;
    let calendar = settings.calendar();
    let rules = &settings.collection;
    let opening = |day: NaiveDate| {
        let saturday = rules.window.saturday.map(|(from, _)| from);
        match saturday {
            Some(from) if day.weekday() == Weekday::Sat => day.and_time(from),
            _ => day.and_time(rules.window.weekday_from),
        }
    };
    let (mut states, _) = customer_states(conn, &settings, opening(today), days)?;
    // Contacts already made stay; the days ahead are simulated one after another.
    let mut out = Vec::new();
    for offset in 1..=days {
        let day = today + Duration::days(offset);
        let moment = opening(day);
        let planned = plan(rules, &calendar, &states, moment);
        record(&mut states, &planned);
        let mut by_channel: Vec<(Channel, usize)> = Channel::ALL
            .into_iter()
            .map(|channel| {
                (
                    channel,
                    planned.iter().filter(|c| c.channel == channel).count(),
                )
            })
            .filter(|(_, count)| *count > 0)
            .collect();
        by_channel.sort_by_key(|(channel, _)| *channel);
        out.push(DayPlan { day, by_channel });
    }
    Ok(out)
}
