//! Every failure a person can meet, with its message in their language.

use std::fmt;
use std::path::PathBuf;

use rusqlite::ErrorCode;

use crate::boleto::account::AccountErrors;
use crate::domain::charges::PolicyError;
use crate::domain::customer::CustomerErrors;
use crate::domain::document::TaxIdError;
use crate::domain::imputation::ImputationError;
use crate::domain::money::MoneyParseError;
use crate::domain::negotiation::PlanError;
use crate::domain::rate::RateParseError;
use crate::domain::sale::SaleError;
use crate::domain::settings::ConfigError;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug)]
pub enum Error {
    Database(rusqlite::Error),
    Busy,
    DiskFull,
    ReadOnly(PathBuf),
    NotADatabase(PathBuf),
    NewerSchema {
        found: i64,
        known: i64,
    },
    Corrupt(String),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    NoDataFolder,
    Money(MoneyParseError),
    Rate(RateParseError),
    TaxId(TaxIdError),
    Customer(CustomerErrors),
    Config(ConfigError),
    Policy(PolicyError),
    Payment(ImputationError),
    Sale(SaleError),
    UnknownPaymentMethod(String),
    PaymentInFuture(chrono::NaiveDate),
    AmountTooLarge,
    BadDate(String),
    CustomerNotFound(String),
    AmbiguousCustomer {
        query: String,
        matches: Vec<String>,
    },
    DuplicateTaxId(String),
    NotEmpty,
    BadArgument(String),
    BankAccount(AccountErrors),
    /// A boleto or Pix code could not be built; the message says why.
    Code(String),
    NoBankAccount,
    NoBankAccountNorPixKey,
    InstallmentNotFound(i64),
    InstallmentClosed(i64),
    SaleNotFound(i64),
    NothingOpenInSale(i64),
    NothingToPrint,
    StoreNotSetUp,
    NothingOverdue(String),
    NotAllowed,
    WrongPin {
        tries_left: u32,
    },
    Locked {
        name: String,
        minutes: i64,
    },
    PaymentNotFound(i64),
    DueDateInPast(chrono::NaiveDate),
    Pdf(String),
    Plan(PlanError),
    /// The installment is not among the customer's overdue, collectible ones.
    NotNegotiable(i64),
    /// Limits a plan goes beyond, each in a sentence: an owner must approve.
    NeedsOwner(Vec<String>),
    ReasonRequired,
    AgreementNotFound(i64),
    /// None of the installments is still owed.
    NothingToCollect,
    ContactNotFound(i64),
    /// The task was already done or cancelled.
    ContactClosed(i64),
    MessageNotFound(i64),
    /// Only a failed or waiting message can be tried again or cancelled.
    MessageNotChangeable(i64),
    SmtpNotSetUp,
    /// The mail server refused or could not be reached; its words follow.
    Mail(String),
    /// Another Régua (the app or a scheduled task) is sending the outbox.
    SenderBusy,
    Secret(String),
    BankAccountNotFound(i64),
    /// No boleto of the account waits for a remittance.
    NothingToRemit,
    /// A bank file that cannot be written or read; the message says why.
    BankFile(String),
    BankFileNotFound(i64),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = |p: &PathBuf| p.display().to_string();
        let message = match self {
            Error::Database(error) => crate::t!("error-database", detail = error.to_string()),
            Error::Busy => crate::t!("error-busy"),
            Error::DiskFull => crate::t!("error-disk-full"),
            Error::ReadOnly(p) if p.as_os_str().is_empty() => crate::t!("error-read-only-database"),
            Error::ReadOnly(p) => crate::t!("error-read-only", path = path(p)),
            Error::NotADatabase(p) => crate::t!("error-not-a-database", path = path(p)),
            Error::NewerSchema { found, known } => {
                crate::t!(
                    "error-newer-schema",
                    found = found.to_string(),
                    known = known.to_string()
                )
            }
            Error::Corrupt(detail) => crate::t!("error-corrupt", detail = detail.clone()),
            Error::Io { path: p, source } => {
                // The system's own words are in English; say the usual causes plainly.
                let detail = match source.kind() {
                    std::io::ErrorKind::NotFound => crate::t!("io-not-found"),
                    std::io::ErrorKind::PermissionDenied => crate::t!("io-permission"),
                    std::io::ErrorKind::StorageFull => crate::t!("io-full"),
                    std::io::ErrorKind::ReadOnlyFilesystem => crate::t!("io-read-only"),
                    _ => source.to_string(),
                };
                crate::t!("error-io", path = path(p), detail = detail)
            }
            Error::NoDataFolder => crate::t!("error-no-data-folder"),
            Error::Money(error) => error.to_string(),
            Error::Rate(error) => error.to_string(),
            Error::TaxId(error) => error.to_string(),
            Error::Customer(error) => error.to_string(),
            Error::Config(error) => error.to_string(),
            Error::Policy(error) => error.to_string(),
            Error::Payment(error) => error.to_string(),
            Error::Sale(error) => error.to_string(),
            Error::UnknownPaymentMethod(method) => {
                crate::t!("payment-method-unknown", method = method.clone())
            }
            Error::PaymentInFuture(date) => {
                crate::t!(
                    "payment-in-future",
                    date = date.format("%d/%m/%Y").to_string()
                )
            }
            Error::AmountTooLarge => crate::t!(
                "payment-too-large",
                max = crate::domain::money::MAX_AMOUNT.format_brl()
            ),
            Error::BadDate(text) => crate::t!("error-bad-date", text = text.clone()),
            Error::CustomerNotFound(query) => {
                crate::t!("error-customer-not-found", query = query.clone())
            }
            Error::AmbiguousCustomer { query, matches } => crate::t!(
                "error-customer-ambiguous",
                query = query.clone(),
                count = matches.len().to_string(),
                matches = matches.join("\n")
            ),
            Error::DuplicateTaxId(tax_id) => {
                crate::t!("error-duplicate-tax-id", tax_id = tax_id.clone())
            }
            Error::NotEmpty => crate::t!("error-not-empty"),
            Error::BadArgument(detail) => detail.clone(),
            Error::BankAccount(errors) => errors.to_string(),
            Error::Code(detail) => detail.clone(),
            Error::NoBankAccount => crate::t!("error-no-bank-account"),
            Error::BankAccountNotFound(id) => {
                crate::t!("error-bank-account-not-found", id = id.to_string())
            }
            Error::NothingToRemit => crate::t!("error-nothing-to-remit"),
            Error::BankFile(detail) => detail.clone(),
            Error::BankFileNotFound(id) => {
                crate::t!("error-bank-file-not-found", id = id.to_string())
            }
            Error::NoBankAccountNorPixKey => crate::t!("error-no-bank-account-nor-pix"),
            Error::InstallmentNotFound(id) => {
                crate::t!("error-installment-not-found", id = id.to_string())
            }
            Error::InstallmentClosed(id) => {
                crate::t!("error-installment-closed", id = id.to_string())
            }
            Error::SaleNotFound(id) => crate::t!("error-sale-not-found", id = id.to_string()),
            Error::NothingToPrint => crate::t!("error-nothing-to-print"),
            Error::StoreNotSetUp => crate::t!("error-store-not-set-up"),
            Error::NotAllowed => crate::t!("error-not-allowed"),
            Error::WrongPin { tries_left } => {
                crate::t!("error-wrong-pin", tries = tries_left.to_string())
            }
            Error::Locked { name, minutes } => crate::t!(
                "error-locked",
                name = name.clone(),
                minutes = minutes.to_string()
            ),
            Error::NothingOverdue(name) => {
                crate::t!("error-nothing-overdue", name = name.clone())
            }
            Error::NothingOpenInSale(id) => {
                crate::t!("error-nothing-open-in-sale", id = id.to_string())
            }
            Error::PaymentNotFound(id) => {
                crate::t!("error-payment-not-found", id = id.to_string())
            }
            Error::DueDateInPast(date) => crate::t!(
                "error-due-date-in-past",
                date = date.format("%d/%m/%Y").to_string()
            ),
            Error::Pdf(detail) => crate::t!("error-pdf", detail = detail.clone()),
            Error::Plan(error) => error.to_string(),
            Error::NotNegotiable(id) => crate::t!("error-not-negotiable", id = id.to_string()),
            Error::NeedsOwner(limits) => {
                crate::t!("error-needs-owner", limits = limits.join(" "))
            }
            Error::ReasonRequired => crate::t!("error-reason-required"),
            Error::AgreementNotFound(id) => {
                crate::t!("error-agreement-not-found", id = id.to_string())
            }
            Error::NothingToCollect => crate::t!("error-nothing-to-collect"),
            Error::ContactNotFound(id) => {
                crate::t!("error-contact-not-found", id = id.to_string())
            }
            Error::ContactClosed(id) => crate::t!("error-contact-closed", id = id.to_string()),
            Error::MessageNotFound(id) => {
                crate::t!("error-message-not-found", id = id.to_string())
            }
            Error::MessageNotChangeable(id) => {
                crate::t!("error-message-not-changeable", id = id.to_string())
            }
            Error::SmtpNotSetUp => crate::t!("error-smtp-not-set-up"),
            Error::Mail(detail) => crate::t!("error-mail", detail = detail.clone()),
            Error::SenderBusy => crate::t!("error-sender-busy"),
            Error::Secret(detail) => crate::t!("error-secret", detail = detail.clone()),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Error {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy,
            Some(ErrorCode::DiskFull) => Error::DiskFull,
            Some(ErrorCode::ReadOnly) => Error::ReadOnly(PathBuf::new()),
            Some(ErrorCode::NotADatabase) => Error::NotADatabase(PathBuf::new()),
            Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt(error.to_string()),
            _ => Error::Database(error),
        }
    }
}

macro_rules! wrap {
    ($($source:ty => $variant:ident),* $(,)?) => {
        $(impl From<$source> for Error {
            fn from(error: $source) -> Error {
                Error::$variant(error)
            }
        })*
    };
}

wrap! {
    MoneyParseError => Money,
    RateParseError => Rate,
    TaxIdError => TaxId,
    CustomerErrors => Customer,
    ConfigError => Config,
    PolicyError => Policy,
    ImputationError => Payment,
    SaleError => Sale,
    AccountErrors => BankAccount,
    PlanError => Plan,
}

impl From<crate::boleto::banks::CampoLivreError> for Error {
    fn from(error: crate::boleto::banks::CampoLivreError) -> Error {
        Error::Code(error.to_string())
    }
}

impl From<crate::boleto::barcode::BoletoError> for Error {
    fn from(error: crate::boleto::barcode::BoletoError) -> Error {
        Error::Code(error.to_string())
    }
}

impl From<crate::boleto::pix::PixError> for Error {
    fn from(error: crate::boleto::pix::PixError) -> Error {
        Error::Code(error.to_string())
    }
}

impl From<crate::boleto::pix_key::PixKeyError> for Error {
    fn from(error: crate::boleto::pix_key::PixKeyError) -> Error {
        Error::Code(error.to_string())
    }
}
