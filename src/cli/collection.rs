//! `regua ruler run` and `regua outbox …`: what the scheduled task runs when the app
//! is closed, and what it prints.

use std::io::Read;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde_json::json;

use super::args::OutboxAction;
use super::output::{pretty, table};
use crate::domain::outbox::OutboxStatus;
use crate::domain::ruler::step_label;
use crate::error::{Error, Result};
use crate::mail::secret::Vault;
use crate::services::ruler::RunReport;
use crate::services::{self, Actor};
use crate::store::Database;
use crate::t;

/// The moment to plan for: `--now HH:MM` on `today`; else the clock's time, on
/// `today` when `--today` was given.
pub fn moment(today: NaiveDate, today_given: bool, now: Option<&str>) -> Result<NaiveDateTime> {
    match now {
        Some(text) => {
            let time = NaiveTime::parse_from_str(text.trim(), "%H:%M")
                .map_err(|_| Error::BadArgument(t!("cli-bad-time", text = text.to_string())))?;
            Ok(today.and_time(time))
        }
        None => {
            let clock = chrono::Local::now().naive_local();
            Ok(if today_given {
                today.and_time(clock.time())
            } else {
                clock
            })
        }
    }
}

pub fn ruler_run(report: &RunReport, json: bool) -> String {
    if json {
        return pretty(json!({
            "window_open": report.window_open,
            "dry_run": report.dry_run,
            "queued": report.queued,
            "tasks": report.tasks,
            "skipped": report.skipped,
            "planned": report.planned.iter().map(|contact| json!({
                "customer_id": contact.customer_id,
                "customer_name": contact.customer_name,
                "step": contact.step,
                "channel": contact.channel,
                "template": contact.template,
                "scheduled_at": contact.scheduled_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                "installment_ids": contact.installment_ids,
                "payment_id": contact.payment_id,
            })).collect::<Vec<_>>(),
        }));
    }
    if !report.window_open {
        return t!("cli-ruler-window-closed") + "\n";
    }
    let rows: Vec<Vec<String>> = report
        .planned
        .iter()
        .map(|contact| {
            vec![
                contact.customer_name.clone(),
                contact
                    .step
                    .map(step_label)
                    .unwrap_or_else(|| t!("cli-ruler-thanks")),
                contact.channel.label(),
                contact.template.label(),
                contact.installment_ids.len().to_string(),
            ]
        })
        .collect();
    let mut text = String::new();
    if !rows.is_empty() {
        let header = [
            t!("cli-col-customer"),
            t!("cli-col-step"),
            t!("cli-col-channel"),
            t!("cli-col-template"),
            t!("cli-col-installments"),
        ];
        text.push_str(&table(&header, &rows, &[false, false, false, false, true]));
    }
    let summary = if report.dry_run {
        t!(
            "cli-ruler-dry-run",
            count = report.planned.len().to_string()
        )
    } else {
        t!(
            "cli-ruler-queued",
            queued = report.queued.to_string(),
            tasks = report.tasks.to_string()
        )
    };
    text + &summary + "\n"
}

fn status_label(status: OutboxStatus) -> String {
    match status {
        OutboxStatus::Pending => t!("outbox-status-pending"),
        OutboxStatus::Sending => t!("outbox-status-sending"),
        OutboxStatus::Sent => t!("outbox-status-sent"),
        OutboxStatus::Retry => t!("outbox-status-retry"),
        OutboxStatus::Failed => t!("outbox-status-failed"),
        OutboxStatus::Cancelled => t!("outbox-status-cancelled"),
    }
}

pub fn outbox(
    db: &mut Database,
    actor: &Actor,
    action: OutboxAction,
    today: NaiveDate,
    json: bool,
) -> Result<String> {
    match action {
        OutboxAction::Send => {
            let report = services::outbox::send_due(db, actor.name(), chrono::Utc::now(), today)?;
            Ok(if json {
                pretty(json!(report))
            } else {
                t!(
                    "cli-outbox-sent",
                    sent = report.sent.to_string(),
                    waiting = report.waiting.to_string(),
                    failed = report.failed.to_string(),
                    cancelled = report.cancelled.to_string()
                ) + "\n"
            })
        }
        OutboxAction::List { status } => {
            let status = match status {
                Some(code) => Some(OutboxStatus::from_code(code.trim()).ok_or_else(|| {
                    Error::BadArgument(t!("cli-outbox-bad-status", status = code.clone()))
                })?),
                None => None,
            };
            let messages = services::outbox::list(db, status, 500)?;
            if json {
                return Ok(pretty(json!(messages)));
            }
            let rows: Vec<Vec<String>> = messages
                .iter()
                .map(|message| {
                    vec![
                        message.id.to_string(),
                        status_label(message.status),
                        message.to_address.clone(),
                        message.subject.clone(),
                        message.last_error.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            let header = [
                t!("cli-col-number"),
                t!("cli-col-status"),
                t!("cli-col-to"),
                t!("cli-col-subject"),
                t!("cli-col-detail"),
            ];
            Ok(table(&header, &rows, &[true, false, false, false, false]))
        }
        OutboxAction::Password => {
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .map_err(|e| Error::io("stdin", e))?;
            let password = password.trim_end_matches(['\r', '\n']);
            let vault = services::outbox::set_password(db, actor, password)?;
            Ok(match vault {
                Vault::Keyring => t!("smtp-password-keyring"),
                Vault::File(path) => {
                    t!("smtp-password-file", path = path.display().to_string())
                }
            } + "\n")
        }
    }
}
