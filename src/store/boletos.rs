//! The store's bank accounts and the boletos issued on them.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{date_text, parse_date_text};
use crate::boleto::account::BankAccount;
use crate::domain::money::Money;
use crate::error::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoletoStatus {
    /// Issued here, not yet in a remittance file.
    ToRegister,
    Sent,
    Registered,
    Rejected,
    Paid,
    /// Replaced or cancelled: the bank must be told to write it off.
    ToWriteOff,
    WrittenOff,
}

impl BoletoStatus {
    pub fn code(self) -> &'static str {
        match self {
            BoletoStatus::ToRegister => "to_register",
            BoletoStatus::Sent => "sent",
            BoletoStatus::Registered => "registered",
            BoletoStatus::Rejected => "rejected",
            BoletoStatus::Paid => "paid",
            BoletoStatus::ToWriteOff => "to_write_off",
            BoletoStatus::WrittenOff => "written_off",
        }
    }

    pub fn from_code(code: &str) -> Option<BoletoStatus> {
        [
            BoletoStatus::ToRegister,
            BoletoStatus::Sent,
            BoletoStatus::Registered,
            BoletoStatus::Rejected,
            BoletoStatus::Paid,
            BoletoStatus::ToWriteOff,
            BoletoStatus::WrittenOff,
        ]
        .into_iter()
        .find(|status| status.code() == code)
    }
}

/// Statuses of a boleto that can still be paid at a bank.
const PAYABLE: &str = "('to_register', 'sent', 'registered')";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoletoRecord {
    pub id: i64,
    pub installment_id: i64,
    pub bank_account_id: i64,
    pub our_number: String,
    pub our_number_printed: String,
    pub barcode: String,
    pub amount: Money,
    pub due_date: NaiveDate,
    pub issued_on: NaiveDate,
    pub status: BoletoStatus,
}

const COLUMNS: &str = "id, installment_id, bank_account_id, our_number, our_number_printed,
    barcode, amount_cents, due_date, issued_on, status";

fn from_row(row: &Row<'_>) -> rusqlite::Result<BoletoRecord> {
    let due: String = row.get(7)?;
    let issued: String = row.get(8)?;
    let status: String = row.get(9)?;
    Ok(BoletoRecord {
        id: row.get(0)?,
        installment_id: row.get(1)?,
        bank_account_id: row.get(2)?,
        our_number: row.get(3)?,
        our_number_printed: row.get(4)?,
        barcode: row.get(5)?,
        amount: Money::from_cents(row.get(6)?),
        due_date: parse_date_text(&due)?,
        issued_on: parse_date_text(&issued)?,
        status: BoletoStatus::from_code(&status).unwrap_or(BoletoStatus::ToRegister),
    })
}

fn account_from_json(json: &str) -> Result<BankAccount> {
    serde_json::from_str(json).map_err(|e| Error::Corrupt(e.to_string()))
}

/// The account that issues new boletos, if the store has set one.
pub fn active_account(conn: &Connection) -> Result<Option<(i64, BankAccount)>> {
    let found: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, account FROM bank_accounts WHERE active = 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    found
        .map(|(id, json)| Ok((id, account_from_json(&json)?)))
        .transpose()
}

pub fn account(conn: &Connection, id: i64) -> Result<Option<BankAccount>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT account FROM bank_accounts WHERE id = ?1",
            [id],
            |row| row.get(0),
        )
        .optional()?;
    json.map(|json| account_from_json(&json)).transpose()
}

/// Makes `account` the one that issues boletos. An account used before takes back its row
/// and its sequence; a new one starts after the highest sequence any account of the same
/// bank reached, so no nosso número of that bank can come round again.
pub fn set_active_account(
    conn: &Connection,
    account: &BankAccount,
    created_at: &str,
) -> Result<i64> {
    let mut statement = conn.prepare("SELECT id, account, next_sequence FROM bank_accounts")?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, i64>(2)?,
        ))
    })?;
    let mut same = None;
    let mut next_in_bank = 1;
    for row in rows {
        let (id, json, next) = row?;
        let known = account_from_json(&json)?;
        if &known == account {
            same = Some(id);
        }
        if known.bank == account.bank {
            next_in_bank = next_in_bank.max(next);
        }
    }
    conn.execute("UPDATE bank_accounts SET active = 0 WHERE active = 1", [])?;
    if let Some(id) = same {
        conn.execute("UPDATE bank_accounts SET active = 1 WHERE id = ?1", [id])?;
        return Ok(id);
    }
    let json = serde_json::to_string(account).map_err(|e| Error::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO bank_accounts (account, next_sequence, active, created_at)
         VALUES (?1, ?2, 1, ?3)",
        params![json, next_in_bank, created_at],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Takes the next nosso número sequence of the account; call it inside the transaction
/// that records the boleto, so a number is never used twice.
pub fn take_sequence(conn: &Connection, account_id: i64) -> Result<u64> {
    let taken: i64 = conn.query_row(
        "UPDATE bank_accounts SET next_sequence = next_sequence + 1 WHERE id = ?1
         RETURNING next_sequence - 1",
        [account_id],
        |row| row.get(0),
    )?;
    Ok(taken as u64)
}

pub struct NewBoleto<'a> {
    pub installment_id: i64,
    pub bank_account_id: i64,
    pub sequence: u64,
    pub our_number: &'a str,
    pub our_number_printed: &'a str,
    pub barcode: &'a str,
    pub amount: Money,
    pub due_date: NaiveDate,
    pub issued_on: NaiveDate,
    pub status: BoletoStatus,
    pub actor: &'a str,
    pub created_at: &'a str,
}

pub fn insert(conn: &Connection, boleto: &NewBoleto<'_>) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO boletos (installment_id, bank_account_id, sequence, our_number,
             our_number_printed, barcode, amount_cents, due_date, issued_on, status, actor,
             created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        boleto.installment_id,
        boleto.bank_account_id,
        boleto.sequence as i64,
        boleto.our_number,
        boleto.our_number_printed,
        boleto.barcode,
        boleto.amount.cents(),
        date_text(boleto.due_date),
        date_text(boleto.issued_on),
        boleto.status.code(),
        boleto.actor,
        boleto.created_at,
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<BoletoRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM boletos WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// The boleto a customer can pay for this installment, if any.
pub fn current_for_installment(
    conn: &Connection,
    installment_id: i64,
) -> Result<Option<BoletoRecord>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM boletos
             WHERE installment_id = ?1 AND status IN {PAYABLE}
             ORDER BY id DESC LIMIT 1"
        ))?
        .query_row([installment_id], from_row)
        .optional()?)
}

/// The payable boleto of each installment of a sale that has one.
pub fn current_for_sale(conn: &Connection, sale_id: i64) -> Result<HashMap<i64, BoletoRecord>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM boletos
         WHERE installment_id IN (SELECT id FROM installments WHERE sale_id = ?1)
           AND status IN {PAYABLE}
         ORDER BY id"
    ))?;
    let rows = statement.query_map([sale_id], from_row)?;
    let mut found = HashMap::new();
    for row in rows {
        let boleto = row?;
        found.insert(boleto.installment_id, boleto);
    }
    Ok(found)
}

/// Retires `old` in favour of `new`: one the bank never saw is simply written off; one it
/// may have registered waits for a write-off instruction in the next remittance file.
pub fn replace(conn: &Connection, old: &BoletoRecord, new_id: i64) -> Result<()> {
    let status = if old.status == BoletoStatus::ToRegister {
        BoletoStatus::WrittenOff
    } else {
        BoletoStatus::ToWriteOff
    };
    conn.execute(
        "UPDATE boletos SET status = ?1, replaced_by = ?2 WHERE id = ?3",
        params![status.code(), new_id, old.id],
    )?;
    Ok(())
}

pub fn set_status(conn: &Connection, id: i64, status: BoletoStatus) -> Result<()> {
    conn.execute(
        "UPDATE boletos SET status = ?1 WHERE id = ?2",
        params![status.code(), id],
    )?;
    Ok(())
}

pub fn count_by_status(conn: &Connection) -> Result<Vec<(BoletoStatus, u64)>> {
    let mut statement =
        conn.prepare("SELECT status, count(*) FROM boletos GROUP BY status ORDER BY status")?;
    let rows = statement.query_map([], |row| {
        let status: String = row.get(0)?;
        let count: i64 = row.get(1)?;
        Ok((status, count))
    })?;
    let mut counts = Vec::new();
    for row in rows {
        let (status, count) = row?;
        if let Some(status) = BoletoStatus::from_code(&status) {
            counts.push((status, count as u64));
        }
    }
    Ok(counts)
}

/// An open installment that has no payable boleto: what a bulk issue needs.
pub struct Unbilled {
    pub installment_id: i64,
    pub number: u32,
    pub due_date: NaiveDate,
    pub outstanding_principal: Money,
}

pub fn unbilled_open_installments(conn: &Connection) -> Result<Vec<Unbilled>> {
    let mut statement = conn.prepare(&format!(
        "SELECT i.id, i.number, i.due_date, i.amount_cents - coalesce(
                    (SELECT sum(a.principal_cents + a.discount_cents)
                     FROM payment_allocations a WHERE a.installment_id = i.id), 0)
         FROM installments i
         WHERE i.closed_on IS NULL
           AND NOT EXISTS (SELECT 1 FROM boletos b
                           WHERE b.installment_id = i.id AND b.status IN {PAYABLE})
         ORDER BY i.id"
    ))?;
    let rows = statement.query_map([], |row| {
        let due: String = row.get(2)?;
        Ok(Unbilled {
            installment_id: row.get(0)?,
            number: row.get(1)?,
            due_date: parse_date_text(&due)?,
            outstanding_principal: Money::from_cents(row.get(3)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
