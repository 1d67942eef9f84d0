use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use regua::domain::customer::{Address, CustomerInput};
use regua::domain::money::Money;
use regua::domain::rate::BasisPoints;
use regua::domain::sale::SaleTerms;
use regua::services::Actor;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub const TODAY: &str = "2026-11-22";

pub fn today() -> NaiveDate {
    date(2026, 11, 22)
}

pub struct Folder {
    pub dir: tempfile::TempDir,
}

impl Folder {
    pub fn new() -> Folder {
        Folder {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("loja").join("regua.sqlite")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Runs the real `regua` binary in Portuguese (or the language given in `lang`).
pub fn regua_in(lang: &str, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regua"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

pub fn regua(db: &Path, args: &[&str]) -> Output {
    regua_in("pt_BR.UTF-8", db, args)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs and expects success; returns stdout.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let output = regua(db, args);
    assert!(
        output.status.success(),
        "regua {args:?} failed: {}",
        stderr(&output)
    );
    stdout(&output)
}

pub fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&ok(db, &all)).unwrap()
}

/// A file's bytes, to show that a refused action changed nothing.
pub fn snapshot(db: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables = [
        "customers",
        "credit_sales",
        "installments",
        "payments",
        "payment_allocations",
        "settings",
        "audit_log",
    ];
    tables
        .iter()
        .map(|table| {
            let count: i64 = conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap();
            let statuses: i64 = conn
                .query_row(
                    "SELECT coalesce(sum(length(status) * id), 0) FROM installments",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            (table.to_string(), count * 1_000_000_007 + statuses)
        })
        .collect()
}

/// The clerk the tests act as.
pub fn ana() -> Actor {
    Actor::system("teste:ana")
}

/// A valid customer living in Belo Horizonte.
pub fn customer_input(name: &str, tax_id: &str) -> CustomerInput {
    CustomerInput {
        name: name.into(),
        tax_id: tax_id.into(),
        phones: vec!["(31) 98765-4321".into()],
        address: Address {
            street: "Rua da Bahia".into(),
            city: "Belo Horizonte".into(),
            state: "MG".into(),
            postal_code: "30160-011".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// A sale of `cents` made a month before `first_due`, no down payment, no financing.
pub fn sale_terms(first_due: NaiveDate, cents: i64, installments: u32) -> SaleTerms {
    SaleTerms {
        sale_date: first_due - chrono::Duration::days(30),
        description: "Sofá".into(),
        total: Money::from_cents(cents),
        down_payment: Money::ZERO,
        installments,
        first_due,
        financing_rate: BasisPoints(0),
    }
}

/// The store's data as a clerk fills it in, valid.
pub fn store_input() -> regua::domain::settings::StoreInput {
    regua::domain::settings::StoreInput {
        legal_name: "Móveis Conceição Ltda".into(),
        cnpj: "34.665.388/0001-61".into(),
        street: "Avenida Amazonas".into(),
        city: "Belo Horizonte".into(),
        state: "MG".into(),
        postal_code: "30180-001".into(),
        phone: "(31) 3222-1234".into(),
        email: "loja@exemplo.com.br".into(),
        ..Default::default()
    }
}

pub fn set_up_store(db: &mut regua::store::Database) {
    regua::services::settings::set_up_store(db, &ana(), &store_input()).unwrap();
}

/// Opens the store `store` with its owner Dona Marta (PIN 2468) and adds the clerk Bia
/// (no PIN); returns the owner and Bia as she acts.
pub fn owner_and_clerk(
    db: &mut regua::store::Database,
    store: &regua::domain::settings::StoreInput,
) -> (regua::store::users::UserRecord, Actor) {
    use regua::domain::users::{Role, UserInput};
    let owner = regua::services::users::open_store(
        db,
        &UserInput {
            name: "Dona Marta".into(),
            role: Role::Owner,
            pin: "2468".into(),
        },
        store,
    )
    .unwrap();
    let clerk = regua::services::users::add(
        db,
        &Actor::person(&owner),
        &UserInput {
            name: "Bia".into(),
            role: Role::Clerk,
            pin: String::new(),
        },
    )
    .unwrap();
    let clerk = Actor::person(&regua::services::users::get(db, clerk).unwrap());
    (owner, clerk)
}
