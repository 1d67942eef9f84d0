//! The files exchanged with the bank and the boletos each one spoke of.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::boletos::BoletoStatus;
use super::{parse_date_text, utc};
use crate::boleto::account::BankAccount;
use crate::domain::money::Money;
use crate::error::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Remittance,
    Return,
}

impl FileKind {
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Remittance => "remittance",
            FileKind::Return => "return",
        }
    }
}

/// A boleto waiting to go to the bank: a new one to register or one to write off, with
/// what the remittance says of its payer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingBoleto {
    pub id: i64,
    pub status: BoletoStatus,
    pub our_number: String,
    pub our_number_printed: String,
    pub amount: Money,
    pub due_date: NaiveDate,
    pub issued_on: NaiveDate,
    pub installment_number: u32,
    pub sale_id: i64,
    pub payer_tax_id: String,
    pub payer_name: String,
    pub street: String,
    pub number: String,
    pub complement: String,
    pub district: String,
    pub postal_code: String,
    pub city: String,
    pub state: String,
}

/// The boletos of an account waiting for a remittance, oldest first.
pub fn pending(conn: &Connection, account_id: i64) -> Result<Vec<PendingBoleto>> {
    let mut statement = conn.prepare(
        "SELECT b.id, b.status, b.our_number, b.our_number_printed, b.amount_cents,
                b.due_date, b.issued_on, i.number, i.sale_id, c.tax_id, c.name, c.street,
                c.number, c.complement, c.district, c.postal_code, c.city, c.state
         FROM boletos b
         JOIN installments i ON i.id = b.installment_id
         JOIN customers c ON c.id = i.customer_id
         WHERE b.bank_account_id = ?1 AND b.status IN ('to_register', 'to_write_off')
         ORDER BY b.id",
    )?;
    let rows = statement.query_map([account_id], |row| {
        let status: String = row.get(1)?;
        let due: String = row.get(5)?;
        let issued: String = row.get(6)?;
        Ok(PendingBoleto {
            id: row.get(0)?,
            status: BoletoStatus::from_code(&status).unwrap_or(BoletoStatus::ToRegister),
            our_number: row.get(2)?,
            our_number_printed: row.get(3)?,
            amount: Money::from_cents(row.get(4)?),
            due_date: parse_date_text(&due)?,
            issued_on: parse_date_text(&issued)?,
            installment_number: row.get(7)?,
            sale_id: row.get(8)?,
            payer_tax_id: row.get(9)?,
            payer_name: row.get(10)?,
            street: row.get(11)?,
            number: row.get(12)?,
            complement: row.get(13)?,
            district: row.get(14)?,
            postal_code: row.get(15)?,
            city: row.get(16)?,
            state: row.get(17)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many boletos of each account wait for a remittance.
pub fn pending_counts(conn: &Connection) -> Result<Vec<(i64, u64)>> {
    let mut statement = conn.prepare(
        "SELECT bank_account_id, count(*) FROM boletos
         WHERE status IN ('to_register', 'to_write_off')
         GROUP BY bank_account_id ORDER BY bank_account_id",
    )?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as u64)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The next remittance sequence of the account: one more than any before.
pub fn next_nsa(conn: &Connection, account_id: i64) -> Result<u64> {
    let last: i64 = conn.query_row(
        "SELECT coalesce(max(nsa), 0) FROM bank_files
         WHERE bank_account_id = ?1 AND kind = 'remittance'",
        [account_id],
        |row| row.get(0),
    )?;
    Ok(last as u64 + 1)
}

/// How many remittances of the account have a name starting with `prefix` (Bradesco
/// numbers the files of a day in their names).
pub fn remittances_named(conn: &Connection, account_id: i64, prefix: &str) -> Result<u32> {
    let count: i64 = conn.query_row(
        "SELECT count(*) FROM bank_files
         WHERE bank_account_id = ?1 AND kind = 'remittance' AND substr(file_name, 1, ?3) = ?2",
        params![account_id, prefix, prefix.len() as i64],
        |row| row.get(0),
    )?;
    Ok(count as u32)
}

pub struct NewFile<'a> {
    pub account_id: i64,
    pub kind: FileKind,
    pub nsa: Option<u64>,
    pub file_name: &'a str,
    pub content: &'a str,
    pub digest: &'a str,
    pub summary: &'a str,
    pub actor: &'a str,
    pub created_at: &'a str,
}

pub fn insert(conn: &Connection, file: &NewFile<'_>) -> Result<i64> {
    conn.execute(
        "INSERT INTO bank_files (bank_account_id, kind, nsa, file_name, content, digest,
             summary, actor, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            file.account_id,
            file.kind.code(),
            file.nsa.map(|nsa| nsa as i64),
            file.file_name,
            file.content,
            file.digest,
            file.summary,
            file.actor,
            file.created_at,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn set_summary(conn: &Connection, file_id: i64, summary: &str) -> Result<()> {
    conn.execute(
        "UPDATE bank_files SET summary = ?1 WHERE id = ?2",
        params![summary, file_id],
    )?;
    Ok(())
}

/// One boleto a file spoke of.
pub struct FileLine<'a> {
    pub file_id: i64,
    pub line: usize,
    pub boleto_id: i64,
    pub movement: u64,
    pub event: Option<&'a str>,
    pub reasons: &'a str,
    pub payment_id: Option<i64>,
}

pub fn insert_line(conn: &Connection, line: &FileLine<'_>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO bank_file_boletos (file_id, line, boleto_id, movement, event, reasons,
             payment_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        line.file_id,
        line.line as i64,
        line.boleto_id,
        line.movement as i64,
        line.event,
        line.reasons,
        line.payment_id,
    ])?;
    Ok(())
}

/// The file of the account with this digest, if one was already taken in.
pub fn find_by_digest(
    conn: &Connection,
    account_id: i64,
    kind: FileKind,
    digest: &str,
) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, summary FROM bank_files
             WHERE bank_account_id = ?1 AND kind = ?2 AND digest = ?3",
            params![account_id, kind.code(), digest],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

/// A file in the history.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FileRow {
    pub id: i64,
    pub account_id: i64,
    pub kind: FileKind,
    pub nsa: Option<u64>,
    pub file_name: String,
    pub summary: serde_json::Value,
    pub actor: String,
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The latest files first.
pub fn history(conn: &Connection, limit: usize) -> Result<Vec<FileRow>> {
    let mut statement = conn.prepare(
        "SELECT id, bank_account_id, kind, nsa, file_name, summary, actor, created_at
         FROM bank_files ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = statement.query_map([limit as i64], |row| {
        let kind: String = row.get(2)?;
        let summary: String = row.get(5)?;
        Ok(FileRow {
            id: row.get(0)?,
            account_id: row.get(1)?,
            kind: if kind == "return" {
                FileKind::Return
            } else {
                FileKind::Remittance
            },
            nsa: row.get::<_, Option<i64>>(3)?.map(|nsa| nsa as u64),
            file_name: row.get(4)?,
            summary: serde_json::from_str(&summary).unwrap_or_default(),
            actor: row.get(6)?,
            created_at: utc(row.get(7)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A file's name and content, to save it again.
pub fn content(conn: &Connection, file_id: i64) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT file_name, content FROM bank_files WHERE id = ?1",
            [file_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

/// A boleto of the account as a return line finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownBoleto {
    pub id: i64,
    pub installment_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub installment_number: u32,
    pub our_number: String,
    pub our_number_printed: String,
    pub amount: Money,
    pub status: BoletoStatus,
}

pub fn account_boletos(conn: &Connection, account_id: i64) -> Result<Vec<KnownBoleto>> {
    let mut statement = conn.prepare(
        "SELECT b.id, b.installment_id, i.customer_id, c.name, i.number, b.our_number,
                b.our_number_printed, b.amount_cents, b.status
         FROM boletos b
         JOIN installments i ON i.id = b.installment_id
         JOIN customers c ON c.id = i.customer_id
         WHERE b.bank_account_id = ?1",
    )?;
    let rows = statement.query_map([account_id], |row| {
        let status: String = row.get(8)?;
        Ok(KnownBoleto {
            id: row.get(0)?,
            installment_id: row.get(1)?,
            customer_id: row.get(2)?,
            customer_name: row.get(3)?,
            installment_number: row.get(4)?,
            our_number: row.get(5)?,
            our_number_printed: row.get(6)?,
            amount: Money::from_cents(row.get(7)?),
            status: BoletoStatus::from_code(&status).unwrap_or(BoletoStatus::ToRegister),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A boleto as the Bank screen lists it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BoletoLine {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub sale_id: i64,
    pub installment_number: u32,
    pub our_number_printed: String,
    pub due_date: NaiveDate,
    pub amount: Money,
    pub status: BoletoStatus,
    /// The bank's latest reason codes (a rejection).
    pub reasons: String,
}

/// Boletos in `statuses`, the latest first.
pub fn boletos_in(
    conn: &Connection,
    statuses: &[BoletoStatus],
    limit: usize,
) -> Result<Vec<BoletoLine>> {
    let list = statuses
        .iter()
        .map(|status| format!("'{}'", status.code()))
        .collect::<Vec<_>>()
        .join(", ");
    let mut statement = conn.prepare(&format!(
        "SELECT b.id, i.customer_id, c.name, i.sale_id, i.number, b.our_number_printed,
                b.due_date, b.amount_cents, b.status,
                coalesce((SELECT l.reasons FROM bank_file_boletos l
                          WHERE l.boleto_id = b.id AND l.event IS NOT NULL
                          ORDER BY l.file_id DESC LIMIT 1), '')
         FROM boletos b
         JOIN installments i ON i.id = b.installment_id
         JOIN customers c ON c.id = i.customer_id
         WHERE b.status IN ({list})
         ORDER BY b.id DESC LIMIT ?1"
    ))?;
    let rows = statement.query_map([limit as i64], |row| {
        let due: String = row.get(6)?;
        let status: String = row.get(8)?;
        Ok(BoletoLine {
            id: row.get(0)?,
            customer_id: row.get(1)?,
            customer_name: row.get(2)?,
            sale_id: row.get(3)?,
            installment_number: row.get(4)?,
            our_number_printed: row.get(5)?,
            due_date: parse_date_text(&due)?,
            amount: Money::from_cents(row.get(7)?),
            status: BoletoStatus::from_code(&status).unwrap_or(BoletoStatus::ToRegister),
            reasons: row.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// All the store's bank accounts with their ids, and which one issues new boletos.
pub fn accounts(conn: &Connection) -> Result<Vec<(i64, BankAccount, bool)>> {
    let mut statement =
        conn.prepare("SELECT id, account, active FROM bank_accounts ORDER BY id")?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, i64>(2)? == 1,
        ))
    })?;
    let mut accounts = Vec::new();
    for row in rows {
        let (id, json, active) = row?;
        let account = serde_json::from_str(&json).map_err(|e| Error::Corrupt(e.to_string()))?;
        accounts.push((id, account, active));
    }
    Ok(accounts)
}
