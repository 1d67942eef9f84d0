//! The store's bank account and the boletos it issues: each one takes its nosso número
//! inside the transaction that records it, so a number is never used twice.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use crate::boleto::account::{AccountInput, BankAccount};
use crate::boleto::barcode::Barcode;
use crate::domain::charges::charges_at;
use crate::domain::installment::InstallmentStatus;
use crate::domain::money::Money;
use crate::domain::settings::Settings;
use crate::error::{Error, Result};
use crate::services::{Actor, now_text};
use crate::store::boletos::{self as stored, BoletoRecord, BoletoStatus, NewBoleto};
use crate::store::ledger::{self, InstallmentRow};
use crate::store::{Database, audit, settings as stored_settings};

pub fn active_account(db: &Database) -> Result<Option<BankAccount>> {
    Ok(stored::active_account(db.conn())?.map(|(_, account)| account))
}

/// Validates and saves the account that issues new boletos.
pub fn set_account(db: &mut Database, actor: &Actor, input: &AccountInput) -> Result<BankAccount> {
    actor.require_owner()?;
    let account = input.validate()?;
    let tx = db.transaction()?;
    let id = stored::set_active_account(&tx, &account, &now_text())?;
    audit::record(
        &tx,
        actor.name(),
        "bank_account.set",
        "bank_account",
        Some(id),
        &serde_json::json!({
            "bank": account.bank.code(),
            "agency": account.agency,
            "account": account.account,
            "beneficiary_code": account.beneficiary_code,
            "wallet": account.wallet,
        }),
    )?;
    tx.commit()?;
    Ok(account)
}

/// What a boleto due on `due` collects: the principal still open on the installment's own
/// due date; on a later date (a new due date for a late installment), also the fine and
/// interest the charges engine adds up to that day.
fn value_due(row: &InstallmentRow, settings: &Settings, due: NaiveDate, today: NaiveDate) -> Money {
    if due <= row.ledger.due_date {
        row.ledger.outstanding_principal(today)
    } else {
        charges_at(&row.ledger, &settings.charges, &settings.calendar(), due).total
    }
}

fn open_installment(
    conn: &Connection,
    installment_id: i64,
    today: NaiveDate,
) -> Result<InstallmentRow> {
    let row = ledger::installment(conn, installment_id, today)?
        .ok_or(Error::InstallmentNotFound(installment_id))?;
    if !matches!(
        row.status,
        InstallmentStatus::Open | InstallmentStatus::PartiallyPaid
    ) || !row.ledger.outstanding_principal(today).is_positive()
    {
        return Err(Error::InstallmentClosed(installment_id));
    }
    Ok(row)
}

/// Records a boleto for one installment inside `conn`'s transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) fn issue_in(
    conn: &Connection,
    (account_id, account): (i64, &BankAccount),
    installment_id: i64,
    number: u32,
    due: NaiveDate,
    value: Money,
    today: NaiveDate,
    status: BoletoStatus,
    actor: &str,
    created_at: &str,
) -> Result<i64> {
    let sequence = stored::take_sequence(conn, account_id)?;
    let our_number = account.our_number(sequence, today.year() as u32, number)?;
    let barcode = Barcode::build(account.bank.code(), due, value, &our_number.campo_livre)?;
    stored::insert(
        conn,
        &NewBoleto {
            installment_id,
            bank_account_id: account_id,
            sequence,
            our_number: &our_number.digits,
            our_number_printed: &our_number.printed,
            barcode: barcode.as_str(),
            amount: value,
            due_date: due,
            issued_on: today,
            status,
            actor,
            created_at,
        },
    )
}

fn audit_issue(
    conn: &Connection,
    actor: &Actor,
    boleto_id: i64,
    row: &InstallmentRow,
) -> Result<()> {
    audit::record(
        conn,
        actor.name(),
        "boleto.issue",
        "boleto",
        Some(boleto_id),
        &serde_json::json!({ "installment_id": row.ledger.id, "sale_id": row.sale_id }),
    )
}

/// The installment's payable boleto, issuing one on its due date if it has none.
pub fn issue(
    db: &mut Database,
    actor: &Actor,
    installment_id: i64,
    today: NaiveDate,
) -> Result<BoletoRecord> {
    let tx = db.transaction()?;
    let row = open_installment(&tx, installment_id, today)?;
    if let Some(existing) = stored::current_for_installment(&tx, installment_id)? {
        return Ok(existing);
    }
    let active = stored::active_account(&tx)?.ok_or(Error::NoBankAccount)?;
    if row.ledger.due_date < today {
        return Err(Error::DueDateInPast(row.ledger.due_date));
    }
    let settings = stored_settings::load(&tx)?;
    let value = value_due(&row, &settings, row.ledger.due_date, today);
    let id = issue_in(
        &tx,
        (active.0, &active.1),
        installment_id,
        row.number,
        row.ledger.due_date,
        value,
        today,
        BoletoStatus::ToRegister,
        actor.name(),
        &now_text(),
    )?;
    audit_issue(&tx, actor, id, &row)?;
    let boleto = stored::get(&tx, id)?.ok_or(Error::InstallmentNotFound(installment_id))?;
    tx.commit()?;
    Ok(boleto)
}

/// Boletos for every open installment of a sale not yet due and without one (for its
/// carnê); returns how many were issued. Without a bank account it issues none.
pub fn issue_for_sale(
    db: &mut Database,
    actor: &Actor,
    sale_id: i64,
    today: NaiveDate,
) -> Result<usize> {
    let tx = db.transaction()?;
    let rows = ledger::sale_installments(&tx, sale_id, today)?;
    if rows.is_empty() {
        return Err(Error::SaleNotFound(sale_id));
    }
    let Some(active) = stored::active_account(&tx)? else {
        return Ok(0);
    };
    let settings = stored_settings::load(&tx)?;
    let existing = stored::current_for_sale(&tx, sale_id)?;
    let created_at = now_text();
    let mut issued = 0;
    for row in &rows {
        let open = matches!(
            row.status,
            InstallmentStatus::Open | InstallmentStatus::PartiallyPaid
        );
        if !open || row.ledger.due_date < today || existing.contains_key(&row.ledger.id) {
            continue;
        }
        let value = value_due(row, &settings, row.ledger.due_date, today);
        if !value.is_positive() {
            continue;
        }
        let id = issue_in(
            &tx,
            (active.0, &active.1),
            row.ledger.id,
            row.number,
            row.ledger.due_date,
            value,
            today,
            BoletoStatus::ToRegister,
            actor.name(),
            &created_at,
        )?;
        audit_issue(&tx, actor, id, row)?;
        issued += 1;
    }
    tx.commit()?;
    Ok(issued)
}

/// "Nova data de vencimento": a new boleto (new nosso número) due on `due`, for the
/// updated amount on that day; the old one is marked to be written off at the bank.
pub fn new_due_date(
    db: &mut Database,
    actor: &Actor,
    installment_id: i64,
    due: NaiveDate,
    today: NaiveDate,
) -> Result<BoletoRecord> {
    if due < today {
        return Err(Error::DueDateInPast(due));
    }
    let tx = db.transaction()?;
    let row = open_installment(&tx, installment_id, today)?;
    let active = stored::active_account(&tx)?.ok_or(Error::NoBankAccount)?;
    let settings = stored_settings::load(&tx)?;
    let value = value_due(&row, &settings, due, today);
    let old = stored::current_for_installment(&tx, installment_id)?;
    let id = issue_in(
        &tx,
        (active.0, &active.1),
        installment_id,
        row.number,
        due,
        value,
        today,
        BoletoStatus::ToRegister,
        actor.name(),
        &now_text(),
    )?;
    if let Some(old) = &old {
        stored::replace(&tx, old, id)?;
    }
    audit::record(
        &tx,
        actor.name(),
        "boleto.new_due_date",
        "boleto",
        Some(id),
        &serde_json::json!({
            "installment_id": installment_id,
            "due_date": due.to_string(),
            "amount_cents": value.cents(),
            "replaces": old.as_ref().map(|b| b.id),
        }),
    )?;
    let boleto = stored::get(&tx, id)?.ok_or(Error::InstallmentNotFound(installment_id))?;
    tx.commit()?;
    Ok(boleto)
}

pub fn current(db: &Database, installment_id: i64) -> Result<Option<BoletoRecord>> {
    stored::current_for_installment(db.conn(), installment_id)
}
