//! The files the store exchanges with its bank: the remittance that registers its
//! boletos and asks for write-offs, and the return that reports them registered,
//! refused or paid. Each is one transaction; a return taken in twice changes nothing.

use std::collections::HashMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::bank::cnab240::{Movement, Payer, Title};
use crate::bank::event::ReturnEvent;
use crate::bank::layout::{self, ReturnLine, ReturnRefusal};
use crate::bank::returns::ReturnEntry;
use crate::boleto::account::{Bank, BankAccount};
use crate::domain::document::digits_only;
use crate::domain::imputation::{Allocation, impute, total_owed};
use crate::domain::installment::PaymentMethod;
use crate::domain::money::Money;
use crate::domain::settings::Settings;
use crate::error::{Error, Result};
use crate::services::{Actor, now_text, payments};
use crate::store::bank_files::{
    self as stored, BoletoLine, FileKind, FileLine, FileRow, KnownBoleto, NewFile, PendingBoleto,
};
use crate::store::boletos::{self, BoletoStatus};
use crate::store::{Database, audit, ledger, settings as stored_settings};

/// A bank account of the store and how many of its boletos wait for a remittance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountView {
    pub id: i64,
    pub account: BankAccount,
    pub active: bool,
    pub pending: u64,
}

pub fn accounts(db: &Database) -> Result<Vec<AccountView>> {
    let pending: HashMap<i64, u64> = stored::pending_counts(db.conn())?.into_iter().collect();
    Ok(stored::accounts(db.conn())?
        .into_iter()
        .map(|(id, account, active)| AccountView {
            id,
            account,
            active,
            pending: pending.get(&id).copied().unwrap_or(0),
        })
        .collect())
}

/// A remittance written and recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Remittance {
    pub file_id: i64,
    pub file_name: String,
    pub nsa: u64,
    pub entries: usize,
    pub write_offs: usize,
    /// The amount of the boletos it registers.
    pub total: Money,
    #[serde(skip)]
    pub content: String,
}

#[derive(Serialize, Deserialize)]
struct RemittanceSummary {
    entries: usize,
    write_offs: usize,
    total: Money,
}

fn digest(content: &str) -> String {
    Sha256::digest(content.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn store_of(settings: &Settings) -> Result<layout::Store> {
    let store = &settings.store;
    let Some(cnpj) = &store.cnpj else {
        return Err(Error::StoreNotSetUp);
    };
    if store.legal_name.trim().is_empty() {
        return Err(Error::StoreNotSetUp);
    }
    Ok(layout::Store {
        tax_id: digits_only(&cnpj.to_string()),
        name: store.legal_name.clone(),
    })
}

fn title_of(account: &BankAccount, boleto: &PendingBoleto, settings: &Settings) -> Title {
    let address = [
        boleto.street.as_str(),
        boleto.number.as_str(),
        boleto.complement.as_str(),
    ]
    .iter()
    .filter(|part| !part.trim().is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    Title {
        movement: if boleto.status == BoletoStatus::ToWriteOff {
            Movement::WriteOff
        } else {
            Movement::Entry
        },
        our_number: layout::our_number_field(
            account,
            &boleto.our_number,
            &boleto.our_number_printed,
            boleto.installment_number,
        ),
        document_number: format!("{}/{}", boleto.sale_id, boleto.installment_number),
        due_date: boleto.due_date,
        amount: boleto.amount,
        issued_on: boleto.issued_on,
        interest_per_day: settings.charges.daily_interest(boleto.amount),
        fine_bp: settings.charges.fine.value(),
        payer: Payer {
            tax_id: boleto.payer_tax_id.clone(),
            name: boleto.payer_name.clone(),
            address,
            district: boleto.district.clone(),
            postal_code: boleto.postal_code.clone(),
            city: boleto.city.clone(),
            state: boleto.state.clone(),
        },
    }
}

fn account_by_id(conn: &Connection, account_id: Option<i64>) -> Result<(i64, BankAccount)> {
    match account_id {
        Some(id) => Ok((
            id,
            boletos::account(conn, id)?.ok_or(Error::BankAccountNotFound(id))?,
        )),
        None => boletos::active_account(conn)?.ok_or(Error::NoBankAccount),
    }
}

/// Writes the account's remittance with every boleto waiting (the active account when
/// `account_id` is `None`) and marks them sent to the bank, in one transaction.
pub fn remit(
    db: &mut Database,
    actor: &Actor,
    account_id: Option<i64>,
    at: NaiveDateTime,
) -> Result<Remittance> {
    let tx = db.transaction()?;
    let (account_id, account) = account_by_id(&tx, account_id)?;
    let settings = stored_settings::load(&tx)?;
    let store = store_of(&settings)?;
    let pending = stored::pending(&tx, account_id)?;
    if pending.is_empty() {
        return Err(Error::NothingToRemit);
    }
    let titles: Vec<Title> = pending
        .iter()
        .map(|boleto| title_of(&account, boleto, &settings))
        .collect();
    let nsa = stored::next_nsa(&tx, account_id)?;
    let content = layout::remittance(&account, &store, &titles, nsa, at)
        .map_err(|problem| Error::BankFile(problem.to_string()))?;
    let of_the_day = if account.bank == Bank::Bradesco {
        stored::remittances_named(&tx, account_id, &format!("CB{}", at.format("%d%m")))? + 1
    } else {
        1
    };
    let file_name = layout::file_name(account.bank, nsa, of_the_day, at);
    let entries = titles
        .iter()
        .filter(|title| title.movement == Movement::Entry)
        .count();
    let summary = RemittanceSummary {
        entries,
        write_offs: titles.len() - entries,
        total: titles
            .iter()
            .filter(|title| title.movement == Movement::Entry)
            .map(|title| title.amount)
            .sum(),
    };
    let summary_json =
        serde_json::to_string(&summary).map_err(|e| Error::Corrupt(e.to_string()))?;
    let file_id = stored::insert(
        &tx,
        &NewFile {
            account_id,
            kind: FileKind::Remittance,
            nsa: Some(nsa),
            file_name: &file_name,
            content: &content,
            digest: &digest(&content),
            summary: &summary_json,
            actor: actor.name(),
            created_at: &now_text(),
        },
    )?;
    for (index, (boleto, title)) in pending.iter().zip(&titles).enumerate() {
        stored::insert_line(
            &tx,
            &FileLine {
                file_id,
                line: index + 1,
                boleto_id: boleto.id,
                movement: title.movement.code(),
                event: None,
                reasons: "",
                payment_id: None,
            },
        )?;
        let after = match title.movement {
            Movement::WriteOff => BoletoStatus::WrittenOff,
            _ => BoletoStatus::Sent,
        };
        boletos::set_status(&tx, boleto.id, after)?;
    }
    audit::record(
        &tx,
        actor.name(),
        "bank.remit",
        "bank_file",
        Some(file_id),
        &serde_json::json!({
            "account_id": account_id,
            "nsa": nsa,
            "file_name": file_name,
            "entries": summary.entries,
            "write_offs": summary.write_offs,
            "total_cents": summary.total.cents(),
        }),
    )?;
    tx.commit()?;
    Ok(Remittance {
        file_id,
        file_name,
        nsa,
        entries: summary.entries,
        write_offs: summary.write_offs,
        total: summary.total,
        content,
    })
}

/// A file as it was made or taken in, to save it again: its name and its content.
pub fn saved_file(db: &Database, file_id: i64) -> Result<(String, String)> {
    stored::content(db.conn(), file_id)?.ok_or(Error::BankFileNotFound(file_id))
}

/// Writes a bank file in full or not at all.
pub fn write_file(path: &Path, content: &str) -> Result<()> {
    crate::services::files::write_whole(path, content.as_bytes())
}

pub fn history(db: &Database, limit: usize) -> Result<Vec<FileRow>> {
    stored::history(db.conn(), limit)
}

/// How many boletos of each status the store has, and the latest of some statuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    pub counts: Vec<(BoletoStatus, u64)>,
    pub boletos: Vec<BoletoLine>,
}

pub fn overview(db: &Database, statuses: &[BoletoStatus], limit: usize) -> Result<Overview> {
    Ok(Overview {
        counts: boletos::count_by_status(db.conn())?,
        boletos: stored::boletos_in(db.conn(), statuses, limit)?,
    })
}

/// A count and what it adds up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub count: u64,
    pub amount: Money,
}

impl Tally {
    fn add(&mut self, amount: Money) {
        self.count += 1;
        self.amount += amount;
    }
}

/// A boleto the bank refused, with its reasons in Portuguese.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub line: usize,
    pub customer: String,
    pub installment: u32,
    pub our_number: String,
    pub reasons: Vec<String>,
}

/// A boleto the bank says was paid, as it says it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankPayment {
    pub line: usize,
    pub customer: String,
    pub installment: u32,
    pub paid: Money,
    /// Fine and interest within `paid`.
    pub charges_paid: Money,
    pub paid_on: Option<NaiveDate>,
    pub credited_on: Option<NaiveDate>,
}

impl BankPayment {
    /// The payment in a sentence, for the summary.
    pub fn sentence(&self) -> String {
        let day = |date: Option<NaiveDate>| {
            date.map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_else(|| "—".to_string())
        };
        crate::t!(
            "bank-payment-line",
            line = self.line.to_string(),
            customer = self.customer.clone(),
            installment = self.installment.to_string(),
            paid = self.paid.to_string(),
            paid_on = day(self.paid_on),
            charges = self.charges_paid.to_string(),
            credited_on = day(self.credited_on)
        )
    }
}

/// What a return did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub file_id: i64,
    pub file_name: String,
    /// The same file was taken in before: nothing changed now.
    #[serde(default)]
    pub already_imported: bool,
    pub confirmed: Tally,
    pub rejected: Tally,
    /// Amounts are what the payers paid, fine and interest included.
    pub paid: Tally,
    pub charges_paid: Money,
    pub written_off: Tally,
    pub due_date_changed: Tally,
    pub other: Tally,
    pub rejections: Vec<Rejection>,
    pub payments: Vec<BankPayment>,
    /// Lines that could not be read or matched, and payments that need the owner.
    pub problems: Vec<String>,
}

/// Reads `path` and takes it in as a return of one of the store's accounts.
pub fn import_path(
    db: &mut Database,
    actor: &Actor,
    path: &Path,
    today: NaiveDate,
) -> Result<ImportSummary> {
    let bytes = std::fs::read(path).map_err(|error| Error::io(path, error))?;
    // Bank files are ASCII; a Latin-1 byte would be a name, read as such.
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => error.into_bytes().iter().map(|&b| char::from(b)).collect(),
    };
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    import(db, actor, &text, &name, today)
}

/// Finds which account the return belongs to: nothing is read when it is none of them.
fn read_for_some_account(
    conn: &Connection,
    text: &str,
) -> Result<(i64, BankAccount, layout::BankReturn)> {
    let mut accounts = stored::accounts(conn)?;
    if accounts.is_empty() {
        return Err(Error::NoBankAccount);
    }
    // The active account first: its refusal is the one to show.
    accounts.sort_by_key(|(id, _, active)| (!active, *id));
    let mut refusal = None;
    for (id, account, _) in accounts {
        match layout::read_return(&account, text) {
            Ok(file) => return Ok((id, account, file)),
            Err(error) => {
                let better = matches!(error, ReturnRefusal::OtherAccount)
                    || (refusal.is_none() && !matches!(error, ReturnRefusal::Width { .. }));
                if better || refusal.is_none() {
                    refusal = Some(error);
                }
            }
        }
    }
    Err(Error::BankFile(
        refusal.map(|r| r.to_string()).unwrap_or_default(),
    ))
}

/// Takes in a return file: each title's news lands on its boleto, a payment is recorded
/// through the counter's own service, in one transaction. A line that cannot be read is
/// reported and the rest taken in; the same file a second time changes nothing.
pub fn import(
    db: &mut Database,
    actor: &Actor,
    text: &str,
    file_name: &str,
    today: NaiveDate,
) -> Result<ImportSummary> {
    let tx = db.transaction()?;
    let (account_id, account, file) = read_for_some_account(&tx, text)?;
    let file_digest = digest(text);
    if let Some((file_id, summary)) =
        stored::find_by_digest(&tx, account_id, FileKind::Return, &file_digest)?
    {
        let mut summary: ImportSummary =
            serde_json::from_str(&summary).map_err(|e| Error::Corrupt(e.to_string()))?;
        summary.file_id = file_id;
        summary.already_imported = true;
        return Ok(summary);
    }
    let file_id = stored::insert(
        &tx,
        &NewFile {
            account_id,
            kind: FileKind::Return,
            nsa: None,
            file_name,
            content: text,
            digest: &file_digest,
            summary: "{}",
            actor: actor.name(),
            created_at: &now_text(),
        },
    )?;
    let settings = stored_settings::load(&tx)?;
    let known: HashMap<String, KnownBoleto> = stored::account_boletos(&tx, account_id)?
        .into_iter()
        .map(|boleto| {
            let field = layout::our_number_field(
                &account,
                &boleto.our_number,
                &boleto.our_number_printed,
                boleto.installment_number,
            );
            (layout::match_key(account.bank, &field), boleto)
        })
        .collect();
    let mut summary = ImportSummary {
        file_id,
        file_name: file_name.to_string(),
        ..ImportSummary::default()
    };
    for line in &file.lines {
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                summary.problems.push(error.to_string());
                continue;
            }
        };
        let Some(boleto) = known.get(&line.key) else {
            summary.problems.push(crate::t!(
                "bank-import-unknown",
                line = line.entry.line.to_string(),
                number = line.key.clone()
            ));
            continue;
        };
        let payment_id = take_line(&tx, actor, &settings, boleto, line, today, &mut summary)?;
        stored::insert_line(
            &tx,
            &FileLine {
                file_id,
                line: line.entry.line,
                boleto_id: boleto.id,
                movement: line.entry.movement,
                event: Some(event_code(line.event)),
                reasons: &line.entry.reasons.join(" "),
                payment_id,
            },
        )?;
    }
    let stored_summary =
        serde_json::to_string(&summary).map_err(|e| Error::Corrupt(e.to_string()))?;
    stored::set_summary(&tx, file_id, &stored_summary)?;
    audit::record(
        &tx,
        actor.name(),
        "bank.import",
        "bank_file",
        Some(file_id),
        &serde_json::json!({
            "account_id": account_id,
            "file_name": file_name,
            "confirmed": summary.confirmed.count,
            "rejected": summary.rejected.count,
            "paid": summary.paid.count,
            "paid_cents": summary.paid.amount.cents(),
        }),
    )?;
    tx.commit()?;
    Ok(summary)
}

fn event_code(event: ReturnEvent) -> &'static str {
    match event {
        ReturnEvent::Confirmed => "confirmed",
        ReturnEvent::Rejected => "rejected",
        ReturnEvent::Paid => "paid",
        ReturnEvent::WrittenOff => "written_off",
        ReturnEvent::DueDateChanged => "due_date_changed",
        ReturnEvent::Other(_) => "other",
    }
}

/// What one line does to its boleto; returns the payment it recorded.
fn take_line(
    conn: &Connection,
    actor: &Actor,
    settings: &Settings,
    boleto: &KnownBoleto,
    line: &ReturnLine,
    today: NaiveDate,
    summary: &mut ImportSummary,
) -> Result<Option<i64>> {
    // The status as it is now: an earlier line of this file may have changed it.
    let status = boletos::get(conn, boleto.id)?
        .map(|b| b.status)
        .unwrap_or(boleto.status);
    match line.event {
        ReturnEvent::Confirmed => {
            summary.confirmed.add(boleto.amount);
            if matches!(status, BoletoStatus::ToRegister | BoletoStatus::Sent) {
                boletos::set_status(conn, boleto.id, BoletoStatus::Registered)?;
            }
        }
        ReturnEvent::Rejected => {
            summary.rejected.add(boleto.amount);
            summary.rejections.push(Rejection {
                line: line.entry.line,
                customer: boleto.customer_name.clone(),
                installment: boleto.installment_number,
                our_number: boleto.our_number_printed.clone(),
                reasons: line
                    .entry
                    .reasons
                    .iter()
                    .map(|r| layout::reason_label(r))
                    .collect(),
            });
            if status != BoletoStatus::Paid {
                boletos::set_status(conn, boleto.id, BoletoStatus::Rejected)?;
            }
        }
        ReturnEvent::WrittenOff => {
            summary.written_off.add(boleto.amount);
            if status != BoletoStatus::Paid {
                boletos::set_status(conn, boleto.id, BoletoStatus::WrittenOff)?;
            }
        }
        ReturnEvent::DueDateChanged => summary.due_date_changed.add(boleto.amount),
        ReturnEvent::Other(_) => summary.other.add(boleto.amount),
        ReturnEvent::Paid => {
            if status == BoletoStatus::Paid {
                // Already taken in from an earlier return.
                return Ok(None);
            }
            summary.paid.add(line.entry.paid);
            summary.charges_paid += line.entry.charges_paid;
            summary.payments.push(BankPayment {
                line: line.entry.line,
                customer: boleto.customer_name.clone(),
                installment: boleto.installment_number,
                paid: line.entry.paid,
                charges_paid: line.entry.charges_paid,
                paid_on: line.entry.occurred_on,
                credited_on: line.entry.credited_on,
            });
            boletos::set_status(conn, boleto.id, BoletoStatus::Paid)?;
            return record_payment(conn, actor, settings, boleto, &line.entry, today, summary);
        }
    }
    Ok(None)
}

/// Records what the bank received for the boleto through the counter's service: first on
/// its own installment, anything beyond it on the customer's other debts, oldest first.
fn record_payment(
    conn: &Connection,
    actor: &Actor,
    settings: &Settings,
    boleto: &KnownBoleto,
    entry: &ReturnEntry,
    today: NaiveDate,
    summary: &mut ImportSummary,
) -> Result<Option<i64>> {
    if !entry.paid.is_positive() {
        return Ok(None);
    }
    let paid_on = entry.occurred_on.unwrap_or(today).min(today);
    let calendar = settings.calendar();
    let (own, others): (Vec<_>, Vec<_>) =
        ledger::customer_installments(conn, boleto.customer_id, paid_on)?
            .into_iter()
            .filter(|row| row.status.is_collectible())
            .map(|row| row.ledger)
            .partition(|ledger| ledger.id == boleto.installment_id);
    if own.is_empty() {
        // Settled meanwhile (at the counter): the money goes to what else is owed.
        summary.problems.push(crate::t!(
            "bank-import-already-paid",
            line = entry.line.to_string(),
            customer = boleto.customer_name.clone(),
            installment = boleto.installment_number.to_string()
        ));
    }
    let mut allocations: Vec<Allocation> = Vec::new();
    let mut left = entry.paid;
    for ledgers in [own, others] {
        let owed = total_owed(&ledgers, &settings.charges, &calendar, paid_on);
        let taken = left.min(owed);
        if taken.is_positive() {
            allocations.extend(impute(
                taken,
                paid_on,
                &ledgers,
                &settings.charges,
                &calendar,
            )?);
            left -= taken;
        }
    }
    if left.is_positive() {
        summary.problems.push(crate::t!(
            "bank-import-surplus",
            line = entry.line.to_string(),
            customer = boleto.customer_name.clone(),
            amount = left.to_string()
        ));
    }
    let recorded = entry.paid - left;
    if !recorded.is_positive() {
        return Ok(None);
    }
    let payment_id = payments::record_in(
        conn,
        actor,
        boleto.customer_id,
        recorded,
        PaymentMethod::Boleto,
        paid_on,
        &allocations,
    )?;
    // The payment closed the installment: its own boleto is paid, not to be written off.
    boletos::set_status(conn, boleto.id, BoletoStatus::Paid)?;
    Ok(Some(payment_id))
}
