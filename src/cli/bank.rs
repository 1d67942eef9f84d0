//! `regua bank …`: the remittance to upload at the bank, the return it gives back.

use chrono::NaiveDateTime;
use serde_json::json;

use super::args::BankAction;
use super::output::{pretty, table};
use crate::error::Result;
use crate::services::bank::{self, ImportSummary, Tally};
use crate::services::{self, Actor};
use crate::store::Database;
use crate::store::bank_files::{FileKind, FileRow};
use crate::t;

pub fn run(
    db: &mut Database,
    actor: &Actor,
    action: BankAction,
    now: NaiveDateTime,
    json: bool,
) -> Result<String> {
    match action {
        BankAction::Remit {
            bank_account,
            remittance_out,
        } => {
            // A file that cannot be saved must not mark its boletos as sent.
            services::files::check_writable(&remittance_out)?;
            let remittance = bank::remit(db, actor, bank_account, now)?;
            bank::write_file(&remittance_out, &remittance.content)?;
            Ok(if json {
                pretty(json!({
                    "file_id": remittance.file_id,
                    "file_name": remittance.file_name,
                    "path": remittance_out.display().to_string(),
                    "nsa": remittance.nsa,
                    "entries": remittance.entries,
                    "write_offs": remittance.write_offs,
                    "total_cents": remittance.total.cents(),
                }))
            } else {
                t!(
                    "cli-bank-remitted",
                    path = remittance_out.display().to_string(),
                    name = remittance.file_name.clone(),
                    nsa = remittance.nsa.to_string(),
                    entries = remittance.entries.to_string(),
                    total = remittance.total.to_string(),
                    write_offs = remittance.write_offs.to_string()
                ) + "\n"
            })
        }
        BankAction::Import { return_file } => {
            let summary = bank::import_path(db, actor, &return_file, now.date())?;
            Ok(if json {
                pretty(json!(summary))
            } else {
                import_text(&summary)
            })
        }
        BankAction::Files => {
            let files = bank::history(db, 200)?;
            if json {
                return Ok(pretty(json!(files)));
            }
            let rows: Vec<Vec<String>> = files
                .iter()
                .map(|file| {
                    vec![
                        file.id.to_string(),
                        match file.kind {
                            FileKind::Remittance => t!("bank-kind-remittance"),
                            FileKind::Return => t!("bank-kind-return"),
                        },
                        file.file_name.clone(),
                        made_at(file),
                        services::actor_label(&file.actor),
                    ]
                })
                .collect();
            let header = [
                t!("cli-col-number"),
                t!("cli-col-kind"),
                t!("cli-col-file"),
                t!("cli-col-date"),
                t!("cli-col-actor"),
            ];
            Ok(table(&header, &rows, &[true, false, false, false, false]))
        }
        BankAction::Save {
            bank_file,
            remittance_out,
        } => {
            let (_, content) = bank::saved_file(db, bank_file)?;
            bank::write_file(&remittance_out, &content)?;
            Ok(if json {
                pretty(json!({ "path": remittance_out.display().to_string() }))
            } else {
                t!(
                    "cli-bank-saved",
                    path = remittance_out.display().to_string()
                ) + "\n"
            })
        }
    }
}

fn tally_line(label: String, tally: Tally) -> String {
    format!("  {label}: {} ({})\n", tally.count, tally.amount)
}

/// The return's summary as the owner reads it.
pub fn import_text(summary: &ImportSummary) -> String {
    let mut text = if summary.already_imported {
        t!("bank-import-again", name = summary.file_name.clone()) + "\n"
    } else {
        t!("bank-import-done", name = summary.file_name.clone()) + "\n"
    };
    text.push_str(&tally_line(t!("bank-status-registered"), summary.confirmed));
    text.push_str(&tally_line(t!("bank-status-rejected"), summary.rejected));
    text.push_str(&tally_line(t!("bank-status-paid"), summary.paid));
    text.push_str(&tally_line(
        t!("bank-status-written-off"),
        summary.written_off,
    ));
    if summary.due_date_changed.count > 0 {
        text.push_str(&tally_line(
            t!("bank-event-due-date"),
            summary.due_date_changed,
        ));
    }
    for payment in &summary.payments {
        text.push_str(&format!("  {}\n", payment.sentence()));
    }
    for rejection in &summary.rejections {
        text.push_str(&format!(
            "  {}\n",
            t!(
                "bank-rejection",
                line = rejection.line.to_string(),
                customer = rejection.customer.clone(),
                installment = rejection.installment.to_string(),
                reasons = rejection.reasons.join("; ")
            )
        ));
    }
    for problem in &summary.problems {
        text.push_str(&format!("  {problem}\n"));
    }
    text
}

/// When the file was made, in the local time of this computer.
fn made_at(file: &FileRow) -> String {
    file.created_at
        .map(|at| {
            at.with_timezone(&chrono::Local)
                .format("%d/%m/%Y %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}
