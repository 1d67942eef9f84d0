//! The e-mail outbox: sending what is due (one sender at a time, each message marked
//! before and after it goes), listing it for the owner, trying again or cancelling,
//! the SMTP password and the "send a test e-mail" button.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::outbox::{OutboxStatus, SendResult, after_try};
use crate::domain::settings::Settings;
use crate::error::{Error, Result};
use crate::mail::secret::{self, Vault};
use crate::mail::smtp::{Mailer, Outgoing};
use crate::services::messages::Attachment;
use crate::services::{Actor, documents, now_text};
use crate::store::outbox::{self as stored, StoredMessage};
use crate::store::ruler::{self as contacts, ContactState};
use crate::store::{Database, audit, customers, locks, settings as stored_settings};

const LOCK: &str = "outbox";
/// Long enough for a slow server; a sender that died frees the outbox after it.
const LOCK_MINUTES: i64 = 10;
const BATCH: usize = 100;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SendReport {
    pub sent: usize,
    /// Temporary failures: they go again later.
    pub waiting: usize,
    pub failed: usize,
    /// Dropped because the customer paid or asked to stop meanwhile.
    pub cancelled: usize,
}

/// The account name the password is kept under.
fn account(settings: &Settings) -> String {
    format!(
        "{}@{}:{}",
        settings.smtp.user.trim(),
        settings.smtp.host.trim(),
        settings.smtp.port
    )
}

/// Saves the SMTP password where it belongs (never in the database); says where.
pub fn set_password(db: &mut Database, actor: &Actor, password: &str) -> Result<Vault> {
    actor.require_owner()?;
    let settings = stored_settings::load(db.conn())?;
    let vault = secret::save(db.path(), &account(&settings), password)?;
    let tx = db.transaction()?;
    audit::record(
        &tx,
        actor.name(),
        "smtp.password",
        "settings",
        None,
        &serde_json::json!({ "keyring": vault.is_keyring() }),
    )?;
    tx.commit()?;
    Ok(vault)
}

pub fn has_password(db: &Database) -> Result<bool> {
    let settings = stored_settings::load(db.conn())?;
    Ok(secret::load(db.path(), &account(&settings))?.is_some())
}

fn mailer(db: &Database, settings: &Settings) -> Result<Mailer> {
    if settings.store.email.trim().is_empty() {
        return Err(Error::SmtpNotSetUp);
    }
    let password = secret::load(db.path(), &account(settings))?;
    Mailer::new(&settings.smtp, password.as_deref())
}

/// Sends a short message to `to` right away, outside the outbox; an error carries the
/// server's reason.
pub fn send_test(db: &Database, to: &str) -> Result<()> {
    let settings = stored_settings::load(db.conn())?;
    let mailer = mailer(db, &settings)?;
    let created = now_text();
    let message_id = crate::domain::outbox::message_id(0, &created, domain(&settings));
    let body = crate::t!(
        "mail-test-body",
        store = settings.store.display_name().to_string()
    );
    let subject = crate::t!("mail-test-subject");
    let outgoing = Outgoing {
        from_name: settings.store.display_name(),
        from_address: &settings.store.email,
        to_name: to,
        to_address: to,
        subject: &subject,
        body: &body,
        message_id: &message_id,
        attachments: Vec::new(),
    };
    match mailer.send(&outgoing) {
        SendResult::Accepted => Ok(()),
        SendResult::Temporary(reason) | SendResult::Permanent(reason) => Err(Error::Mail(reason)),
    }
}

fn domain(settings: &Settings) -> &str {
    settings
        .store
        .email
        .rsplit_once('@')
        .map(|(_, domain)| domain)
        .unwrap_or_default()
}

/// Sends every message due at `now`, rendering attachments from the figures of
/// `today`. Only one sender runs at a time across processes.
pub fn send_due(
    db: &mut Database,
    holder: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<SendReport> {
    let take = |db: &mut Database| -> Result<bool> {
        let tx = db.transaction()?;
        let taken = locks::acquire(
            &tx,
            LOCK,
            holder,
            Utc::now(),
            Duration::minutes(LOCK_MINUTES),
        )?;
        tx.commit()?;
        Ok(taken)
    };
    if !take(db)? {
        return Err(Error::SenderBusy);
    }
    let result = send_locked(db, holder, now, today, take);
    let released = locks::release(db.conn(), LOCK, holder);
    let report = result?;
    released?;
    Ok(report)
}

fn send_locked(
    db: &mut Database,
    holder: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
    take: impl Fn(&mut Database) -> Result<bool>,
) -> Result<SendReport> {
    let mut report = SendReport::default();
    if stored::due(db.conn(), now, 1)?.is_empty() {
        return Ok(report);
    }
    let settings = stored_settings::load(db.conn())?;
    let mailer = mailer(db, &settings)?;
    let mut seen = std::collections::HashSet::new();
    loop {
        let batch: Vec<StoredMessage> = stored::due(db.conn(), now, BATCH)?
            .into_iter()
            .filter(|message| seen.insert(message.id))
            .collect();
        if batch.is_empty() {
            break;
        }
        for message in batch {
            if !take(db)? {
                return Err(Error::SenderBusy);
            }
            send_one(
                db,
                &settings,
                &mailer,
                holder,
                &message,
                now,
                today,
                &mut report,
            )?;
        }
    }
    Ok(report)
}

/// Why a queued message should not go any more, if it should not.
fn obsolete(db: &Database, message: &StoredMessage) -> Result<Option<String>> {
    let Some(contact_id) = message.contact_id else {
        return Ok(None);
    };
    let Some(contact) = contacts::get(db.conn(), contact_id)? else {
        return Ok(None);
    };
    if let Some(customer) = customers::get(db.conn(), contact.customer_id)?
        && contact.payment_id.is_none()
        && customer.customer.stops.any()
    {
        return Ok(Some(crate::t!("outbox-cancelled-stopped")));
    }
    if !contact.installment_ids.is_empty()
        && !contacts::any_open(db.conn(), &contact.installment_ids)?
    {
        return Ok(Some(crate::t!("outbox-cancelled-paid")));
    }
    Ok(None)
}

fn render(
    db: &Database,
    message: &StoredMessage,
    today: NaiveDate,
) -> Result<Vec<(String, Vec<u8>)>> {
    let wanted: Vec<Attachment> = serde_json::from_str(&message.attachments).unwrap_or_default();
    let mut files = Vec::new();
    for attachment in wanted {
        let pdf = match &attachment {
            Attachment::SecondCopy { installment_id } => {
                documents::second_copy(db, *installment_id, today)
            }
            Attachment::Receipt { payment_id } => documents::receipt(db, *payment_id),
        };
        match pdf {
            Ok(bytes) => files.push((attachment.file_name(), bytes)),
            // Paid since, or no boleto and no Pix key: the body already itemizes it.
            Err(Error::InstallmentClosed(_) | Error::NoBankAccountNorPixKey) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(files)
}

#[allow(clippy::too_many_arguments)]
fn send_one(
    db: &mut Database,
    settings: &Settings,
    mailer: &Mailer,
    holder: &str,
    message: &StoredMessage,
    now: DateTime<Utc>,
    today: NaiveDate,
    report: &mut SendReport,
) -> Result<()> {
    let movable = [
        OutboxStatus::Pending,
        OutboxStatus::Sending,
        OutboxStatus::Retry,
    ];
    if let Some(reason) = obsolete(db, message)? {
        let tx = db.transaction()?;
        if cancel_in(&tx, message, &movable, &reason, holder)? {
            report.cancelled += 1;
        }
        tx.commit()?;
        return Ok(());
    }
    let attempts = message.attempts + 1;
    let attachments = match render(db, message, today) {
        Ok(attachments) => attachments,
        // A document that cannot be drawn will not be drawn by waiting: say why and go on.
        Err(error) => {
            stored::update(
                db.conn(),
                message.id,
                &movable,
                OutboxStatus::Failed,
                attempts,
                None,
                Some(&error.to_string()),
                None,
            )?;
            report.failed += 1;
            return Ok(());
        }
    };
    // Marked before it goes: a crash from here on sends it once more, same Message-ID.
    if !stored::update(
        db.conn(),
        message.id,
        &movable,
        OutboxStatus::Sending,
        message.attempts,
        message.next_try,
        message.last_error.as_deref(),
        None,
    )? {
        return Ok(());
    }
    let result = mailer.send(&Outgoing {
        from_name: settings.store.display_name(),
        from_address: &settings.store.email,
        to_name: &message.to_name,
        to_address: &message.to_address,
        subject: &message.subject,
        body: &message.body,
        message_id: &message.message_id,
        attachments,
    });
    let after = after_try(attempts, message.created_at, now, result);
    let tx = db.transaction()?;
    stored::update(
        &tx,
        message.id,
        &[OutboxStatus::Sending],
        after.status,
        after.attempts,
        after.next_try,
        after.last_error.as_deref(),
        (after.status == OutboxStatus::Sent).then_some(now),
    )?;
    match after.status {
        OutboxStatus::Sent => {
            report.sent += 1;
            if let Some(contact) = message.contact_id {
                contacts::finish(
                    &tx,
                    contact,
                    ContactState::Done,
                    "sent",
                    &now_text(),
                    holder,
                )?;
            }
            if let Some(customer_id) = message.customer_id {
                crate::store::contacts::insert(
                    &tx,
                    customer_id,
                    &now_text(),
                    "email",
                    &crate::t!("outbox-logged", subject = message.subject.clone()),
                    holder,
                )?;
            }
        }
        OutboxStatus::Failed => report.failed += 1,
        _ => report.waiting += 1,
    }
    tx.commit()?;
    Ok(())
}

/// One line of the outbox screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MessageView {
    pub id: i64,
    pub to_name: String,
    pub to_address: String,
    pub subject: String,
    pub status: OutboxStatus,
    pub attempts: u32,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub next_try: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

impl From<&StoredMessage> for MessageView {
    fn from(message: &StoredMessage) -> MessageView {
        MessageView {
            id: message.id,
            to_name: message.to_name.clone(),
            to_address: message.to_address.clone(),
            subject: message.subject.clone(),
            status: message.status,
            attempts: message.attempts,
            created_at: message.created_at,
            sent_at: message.sent_at,
            next_try: message.next_try,
            last_error: message.last_error.clone(),
        }
    }
}

pub fn list(db: &Database, status: Option<OutboxStatus>, limit: usize) -> Result<Vec<MessageView>> {
    Ok(stored::list(db.conn(), status, limit)?
        .iter()
        .map(MessageView::from)
        .collect())
}

pub fn counts(db: &Database) -> Result<Vec<(OutboxStatus, u64)>> {
    stored::counts(db.conn())
}

/// The whole message as stored (and sent).
pub fn get(db: &Database, id: i64) -> Result<StoredMessage> {
    stored::get(db.conn(), id)?.ok_or(Error::MessageNotFound(id))
}

/// Puts a failed or waiting message back in line now.
pub fn retry(db: &mut Database, actor: &Actor, id: i64) -> Result<()> {
    actor.require_owner()?;
    let message = get(db, id)?;
    let tx = db.transaction()?;
    let moved = stored::update(
        &tx,
        id,
        &[OutboxStatus::Failed, OutboxStatus::Retry],
        OutboxStatus::Pending,
        message.attempts,
        None,
        message.last_error.as_deref(),
        None,
    )?;
    if !moved {
        return Err(Error::MessageNotChangeable(id));
    }
    audit::record(
        &tx,
        actor.name(),
        "outbox.retry",
        "outbox",
        Some(id),
        &serde_json::json!({}),
    )?;
    tx.commit()?;
    Ok(())
}

/// Cancels `message` if it is still in one of `from`, with its ruler contact; returns
/// whether it did. Inside the caller's transaction.
fn cancel_in(
    tx: &rusqlite::Connection,
    message: &StoredMessage,
    from: &[OutboxStatus],
    reason: &str,
    by: &str,
) -> Result<bool> {
    let moved = stored::update(
        tx,
        message.id,
        from,
        OutboxStatus::Cancelled,
        message.attempts,
        None,
        Some(reason),
        None,
    )?;
    if moved && let Some(contact) = message.contact_id {
        contacts::finish(
            tx,
            contact,
            ContactState::Cancelled,
            "cancelled",
            &now_text(),
            by,
        )?;
    }
    Ok(moved)
}

/// Stops a message that has not gone yet.
pub fn cancel(db: &mut Database, actor: &Actor, id: i64) -> Result<()> {
    actor.require_owner()?;
    let message = get(db, id)?;
    let tx = db.transaction()?;
    let reason = crate::t!("outbox-cancelled-by", name = actor.name().to_string());
    let from = [
        OutboxStatus::Pending,
        OutboxStatus::Retry,
        OutboxStatus::Failed,
    ];
    if !cancel_in(&tx, &message, &from, &reason, actor.name())? {
        return Err(Error::MessageNotChangeable(id));
    }
    audit::record(
        &tx,
        actor.name(),
        "outbox.cancel",
        "outbox",
        Some(id),
        &serde_json::json!({}),
    )?;
    tx.commit()?;
    Ok(())
}
