//! Each bank's file: which CNAB it takes, how it wants the convênio and the nosso número
//! written, the file's name; and a return read back into one shape whatever the layout,
//! refused whole when it is not a return of the store's account.
//!
//! CNAB 240 for Banco do Brasil, CAIXA, Santander, Sicoob and Sicredi (the FEBRABAN frame of
//! `cnab240`, versions and fields as in `boleto-spec.md` §6); CNAB 400 for Bradesco and Itaú.

use std::fmt;

use chrono::NaiveDateTime;

use super::cnab240::{self, Payee, Title};
use super::event::ReturnEvent;
use super::record::FieldError;
use super::returns::{NotAReturn, ReturnEntry};
use super::{cnab400, itau400};
use crate::boleto::account::{Bank, BankAccount};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Cnab240,
    Cnab400,
}

pub fn layout(bank: Bank) -> Layout {
    match bank {
        Bank::Bradesco | Bank::Itau => Layout::Cnab400,
        _ => Layout::Cnab240,
    }
}

/// The store as payee: its CNPJ (or the owner's CPF) and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    pub tax_id: String,
    pub name: String,
}

/// Why a remittance cannot be written for this account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemittanceProblem {
    /// Bradesco identifies the store by a company code it gives; without it the file
    /// would be refused.
    BradescoCompanyCode,
}

impl fmt::Display for RemittanceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RemittanceProblem::BradescoCompanyCode => {
                f.write_str(&crate::t!("bank-bradesco-code-missing"))
            }
        }
    }
}

/// The nosso número as the bank wants it in the remittance (CNAB 240 segment P 38–57;
/// CNAB 400 the number and its check digit), from the boleto's stored number, the number
/// as printed and the installment (Sicoob's parcela).
pub fn our_number_field(account: &BankAccount, digits: &str, printed: &str, parcel: u32) -> String {
    let printed_digits: String = printed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    match account.bank {
        // Convênio of 7 digits: 17 digits without a check digit; shorter ones carry it.
        Bank::BancoDoBrasil => printed_digits,
        // Modalidade "14" and the 15 free digits.
        Bank::Caixa => digits.to_string(),
        // Twelve digits and the check digit.
        Bank::Santander => printed_digits,
        // Number and check digit in 10, the parcela, modalidade 01, form 4 (A4).
        Bank::Sicoob => format!("{printed_digits:0>10}{:02}014", parcel.clamp(1, 99)),
        // AA B NNNNN D.
        Bank::Sicredi => printed_digits,
        // Eleven digits and the check digit (which may be P).
        Bank::Bradesco => {
            let check = printed_digits.chars().last().unwrap_or('0');
            format!("{digits:0>11}{check}")
        }
        Bank::Itau => format!("{digits:0>8}"),
    }
}

/// The part of the nosso número field by which a return line is matched to a boleto.
pub fn match_key(bank: Bank, field: &str) -> String {
    let field = field.trim();
    match bank {
        Bank::Sicoob => field.chars().take(10).collect(),
        _ => field.to_string(),
    }
}

fn cnab240_payee(account: &BankAccount, store: &Store) -> Payee {
    let code = &account.beneficiary_code;
    let (convenio, account_number, account_digit, versions) = match account.bank {
        Bank::BancoDoBrasil => (
            // Convênio (9), "0014" cobrança, carteira (2), variação (3).
            format!("{code:0>9}0014{:0>2}019", account.wallet),
            account.account.clone(),
            account.account_digit.clone(),
            ("083", "042"),
        ),
        // SIGCB: the beneficiary code stands where the account would be.
        Bank::Caixa => (String::new(), code.clone(), String::new(), ("050", "030")),
        // Código de transmissão: agency and beneficiary code.
        Bank::Santander => (
            format!("{}{code:0>11}", account.agency),
            account.account.clone(),
            account.account_digit.clone(),
            ("040", "030"),
        ),
        Bank::Sicoob | Bank::Sicredi => (
            code.clone(),
            account.account.clone(),
            account.account_digit.clone(),
            ("081", "040"),
        ),
        Bank::Bradesco | Bank::Itau => unreachable!("CNAB 400 banks"),
    };
    Payee {
        bank_code: account.bank.code().to_string(),
        bank_name: account.bank.name().to_string(),
        tax_id: store.tax_id.clone(),
        name: store.name.clone(),
        convenio,
        agency: account.agency.clone(),
        agency_digit: account.agency_digit.clone(),
        account: account_number,
        account_digit,
        file_layout: versions.0.to_string(),
        lot_layout: versions.1.to_string(),
    }
}

/// The remittance file of `titles` (their `our_number` already in `our_number_field`).
pub fn remittance(
    account: &BankAccount,
    store: &Store,
    titles: &[Title],
    nsa: u64,
    at: NaiveDateTime,
) -> Result<String, RemittanceProblem> {
    Ok(match account.bank {
        Bank::Bradesco => {
            if account.beneficiary_code.is_empty() {
                return Err(RemittanceProblem::BradescoCompanyCode);
            }
            let payee = cnab400::BradescoPayee {
                company_code: account.beneficiary_code.clone(),
                name: store.name.clone(),
                wallet: account.wallet.clone(),
                agency: account.agency.clone(),
                account: account.account.clone(),
                account_digit: account.account_digit.clone(),
            };
            cnab400::remittance(&payee, titles, nsa, at)
        }
        Bank::Itau => {
            let account5 = format!("{:0>5}", account.account);
            let payee = itau400::ItauPayee {
                tax_id: store.tax_id.clone(),
                name: store.name.clone(),
                agency: account.agency.clone(),
                account_dac: crate::boleto::barcode::mod10(&format!(
                    "{}{account5}",
                    account.agency
                ))
                .to_string(),
                account: account5,
                wallet: account.wallet.clone(),
            };
            itau400::remittance(&payee, titles, at)
        }
        _ => cnab240::remittance(&cnab240_payee(account, store), titles, nsa, at),
    })
}

/// The file's name: Bradesco's `CBDDMMnn.REM` (nn counts the day's files); the others
/// take any name, so it says the bank, the day and the sequence.
pub fn file_name(bank: Bank, nsa: u64, of_the_day: u32, at: NaiveDateTime) -> String {
    match bank {
        Bank::Bradesco => format!("CB{}{:02}.REM", at.format("%d%m"), of_the_day.min(99)),
        _ => format!(
            "REMESSA_{}_{}_{nsa:06}.REM",
            bank.code(),
            at.format("%Y%m%d")
        ),
    }
}

/// One title in a return, whatever the layout: the entry as read, what it means, and the
/// key that finds its boleto (`match_key` of the boleto's `our_number_field`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnLine {
    pub entry: ReturnEntry,
    pub event: ReturnEvent,
    pub key: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankReturn {
    pub lines: Vec<Result<ReturnLine, FieldError>>,
}

impl BankReturn {
    fn new(
        bank: Bank,
        entries: Vec<Result<ReturnEntry, FieldError>>,
        event_of: fn(u64) -> ReturnEvent,
    ) -> BankReturn {
        let lines = entries
            .into_iter()
            .map(|entry| {
                entry.map(|entry| ReturnLine {
                    event: event_of(entry.movement),
                    key: match_key(bank, &entry.our_number),
                    entry,
                })
            })
            .collect();
        BankReturn { lines }
    }
}

/// Why a file is not read at all; nothing of it is imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReturnRefusal {
    Empty,
    /// A line of the wrong width: not a file of this bank's layout.
    Width {
        line: usize,
        width: usize,
    },
    NotAReturn,
    OtherBank(String),
    OtherAccount,
    Field(FieldError),
}

impl fmt::Display for ReturnRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ReturnRefusal::Empty => crate::t!("bank-return-empty"),
            ReturnRefusal::Width { line, width } => crate::t!(
                "bank-return-width",
                line = line.to_string(),
                width = width.to_string()
            ),
            ReturnRefusal::NotAReturn => crate::t!("bank-return-not-return"),
            ReturnRefusal::OtherBank(code) => {
                crate::t!("bank-return-other-bank", code = code.clone())
            }
            ReturnRefusal::OtherAccount => crate::t!("bank-return-other-account"),
            ReturnRefusal::Field(error) => error.to_string(),
        };
        f.write_str(&text)
    }
}

fn same_number(a: &str, b: &str) -> bool {
    a.trim().trim_start_matches('0') == b.trim().trim_start_matches('0')
}

/// Reads a return file for `account`.
pub fn read_return(account: &BankAccount, text: &str) -> Result<BankReturn, ReturnRefusal> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ReturnRefusal::Empty);
    }
    let refusal = |error: NotAReturn, width: usize| match error {
        NotAReturn::Empty => ReturnRefusal::Empty,
        NotAReturn::Width(line) => ReturnRefusal::Width { line, width },
        NotAReturn::Header if width == cnab400::WIDTH => other_bank_or(text, 77),
        NotAReturn::Header => ReturnRefusal::NotAReturn,
        NotAReturn::Field(error) => ReturnRefusal::Field(error),
    };
    match account.bank {
        Bank::Bradesco => {
            let file = cnab400::read_return(text).map_err(|e| refusal(e, cnab400::WIDTH))?;
            if !account.beneficiary_code.is_empty()
                && !same_number(&file.company_code, &account.beneficiary_code)
            {
                return Err(ReturnRefusal::OtherAccount);
            }
            Ok(BankReturn::new(
                Bank::Bradesco,
                file.entries,
                ReturnEvent::from_bradesco,
            ))
        }
        Bank::Itau => {
            let file = itau400::read_return(text).map_err(|e| refusal(e, itau400::WIDTH))?;
            if !same_number(&file.agency, &account.agency)
                || !same_number(&file.account, &account.account)
            {
                return Err(ReturnRefusal::OtherAccount);
            }
            Ok(BankReturn::new(
                Bank::Itau,
                file.entries,
                ReturnEvent::from_itau,
            ))
        }
        bank => {
            let file = cnab240::read_return(text).map_err(|e| refusal(e, cnab240::WIDTH))?;
            if file.bank_code != bank.code() {
                return Err(ReturnRefusal::OtherBank(file.bank_code));
            }
            // CAIXA's SIGCB puts the beneficiary code where the account would be.
            let payee_account = if bank == Bank::Caixa {
                &account.beneficiary_code
            } else {
                &account.account
            };
            if !same_number(&file.agency, &account.agency)
                || !same_number(&file.account, payee_account)
            {
                return Err(ReturnRefusal::OtherAccount);
            }
            Ok(BankReturn::new(
                bank,
                file.entries,
                ReturnEvent::from_cnab240,
            ))
        }
    }
}

/// A CNAB 400 return header of another bank says which; anything else is not a return.
fn other_bank_or(text: &str, bank_at: usize) -> ReturnRefusal {
    let first = text.lines().next().unwrap_or_default();
    match first.get(bank_at - 1..bank_at + 2) {
        Some(code)
            if first.starts_with("02RETORNO") && code.bytes().all(|b| b.is_ascii_digit()) =>
        {
            ReturnRefusal::OtherBank(code.to_string())
        }
        _ => ReturnRefusal::NotAReturn,
    }
}

/// The bank's reason for a rejection, in Portuguese (FEBRABAN's table, which Bradesco and
/// Itaú follow for the common cases); an unknown code is shown as it came.
pub fn reason_label(code: &str) -> String {
    match code {
        "01" => crate::t!("bank-reason-01"),
        "02" => crate::t!("bank-reason-02"),
        "03" => crate::t!("bank-reason-03"),
        "04" | "05" => crate::t!("bank-reason-05"),
        "06" => crate::t!("bank-reason-06"),
        "07" => crate::t!("bank-reason-07"),
        "08" => crate::t!("bank-reason-08"),
        "09" => crate::t!("bank-reason-09"),
        "10" => crate::t!("bank-reason-10"),
        "16" => crate::t!("bank-reason-16"),
        "17" => crate::t!("bank-reason-17"),
        "18" => crate::t!("bank-reason-18"),
        "20" => crate::t!("bank-reason-20"),
        "21" => crate::t!("bank-reason-21"),
        "24" => crate::t!("bank-reason-24"),
        "26" | "27" => crate::t!("bank-reason-27"),
        "45" => crate::t!("bank-reason-45"),
        "46" => crate::t!("bank-reason-46"),
        "47" => crate::t!("bank-reason-47"),
        "48" => crate::t!("bank-reason-48"),
        "52" => crate::t!("bank-reason-52"),
        other => crate::t!("bank-reason-other", code = other.to_string()),
    }
}
