//! The command line: scheduled and batch work, and every figure the app shows, as text
//! or JSON. Messages come from the Fluent catalogues.

mod args;
mod bank;
mod collection;
mod documents;
mod output;

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::domain::demo::DemoOptions;
use crate::domain::installment::PaymentMethod;
use crate::domain::money::Money;
use crate::error::{Error, Result};
use crate::services::{self, Actor};
use crate::store::{self, Database, backup};

pub use args::{
    AgreementAction, BankAction, BoletoAction, Cli, Command, ConfigAction, CustomerAction,
    NegotiateAction, OutboxAction, PixAction, RulerAction, localized_command,
};

/// Runs the command line with these arguments; returns the process exit code.
pub fn run(arguments: Vec<String>) -> i32 {
    let command = localized_command();
    let matches = match command.clone().try_get_matches_from(&arguments) {
        Ok(matches) => matches,
        Err(error) => return usage_error(&error),
    };
    let cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    let Some(subcommand) = cli.command.clone() else {
        return open_app(&cli, &command);
    };
    let mut stdout = std::io::stdout().lock();
    match execute(&cli, subcommand, &mut stdout) {
        Ok(()) => 0,
        Err(error) => {
            let _ = stdout.flush();
            eprintln!("{}", crate::t!("cli-error", message = error.to_string()));
            1
        }
    }
}

/// `regua` with no command opens the desktop app (or, built without it, the help).
#[cfg(feature = "app")]
fn open_app(cli: &Cli, _command: &clap::Command) -> i32 {
    let outcome = database_path(cli).and_then(|path| {
        let today = match &cli.today {
            Some(text) => Some(parse_date(text)?),
            None => None,
        };
        Ok((path, today))
    });
    let (path, today) = match outcome {
        Ok(found) => found,
        Err(error) => {
            eprintln!("{}", crate::t!("cli-error", message = error.to_string()));
            return 1;
        }
    };
    match crate::ui::run(path, today) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!(
                "{}",
                crate::t!("cli-app-failed", detail = error.to_string())
            );
            1
        }
    }
}

#[cfg(not(feature = "app"))]
fn open_app(_cli: &Cli, command: &clap::Command) -> i32 {
    let _ = command.clone().print_help();
    0
}

fn usage_error(error: &clap::Error) -> i32 {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            return 0;
        }
        _ => {}
    }
    let context = |kind: ContextKind| -> String {
        match error.get(kind) {
            Some(ContextValue::String(text)) => text.clone(),
            Some(ContextValue::Strings(texts)) => texts.join(", "),
            Some(other) => other.to_string(),
            None => String::new(),
        }
    };
    let message = match error.kind() {
        ErrorKind::UnknownArgument => {
            crate::t!(
                "cli-unknown-argument",
                argument = context(ContextKind::InvalidArg)
            )
        }
        ErrorKind::InvalidSubcommand => {
            crate::t!(
                "cli-unknown-command",
                command = context(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            crate::t!(
                "cli-missing-argument",
                argument = context(ContextKind::InvalidArg)
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => crate::t!(
            "cli-invalid-value",
            argument = context(ContextKind::InvalidArg),
            value = context(ContextKind::InvalidValue)
        ),
        _ => crate::t!("cli-malformed"),
    };
    eprintln!("{}", crate::t!("cli-error", message = message));
    eprintln!("{}", crate::t!("cli-see-help"));
    2
}

fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| Error::BadDate(text.to_string()))
}

fn today(cli: &Cli) -> Result<NaiveDate> {
    match &cli.today {
        Some(text) => parse_date(text),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

fn database_path(cli: &Cli) -> Result<PathBuf> {
    match &cli.db {
        Some(path) => Ok(path.clone()),
        None => store::default_path(),
    }
}

/// Opens the database and, on the first open of the day, makes the daily backup. A
/// failed backup is reported but does not stop the work. The copy is named by the
/// clock's date, not `--today`, so acting as of another date never prunes real copies.
fn open(cli: &Cli) -> Result<Database> {
    let db = Database::open(&database_path(cli)?)?;
    if let Err(error) = backup::daily_backup(&db, chrono::Local::now().date_naive()) {
        eprintln!(
            "{}",
            crate::t!("cli-backup-warning", message = error.to_string())
        );
    }
    Ok(db)
}

fn execute(cli: &Cli, command: Command, out: &mut dyn Write) -> Result<()> {
    let actor = Actor::from_os();
    let json = cli.json;
    let today = today(cli)?;
    let write = |out: &mut dyn Write, text: String| {
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io("stdout", e))
    };
    match command {
        Command::Demo { customers, seed } => {
            if customers == 0 || customers > 1_000_000 {
                return Err(Error::BadArgument(crate::t!("cli-demo-customers-range")));
            }
            let mut db = open(cli)?;
            let summary = services::demo::create(
                &mut db,
                &actor,
                &DemoOptions {
                    customers,
                    seed,
                    today,
                },
            )?;
            write(out, output::demo(&summary, db.path(), json))
        }
        Command::Board => {
            let db = open(cli)?;
            let board = services::board::board(&db, today)?;
            write(out, output::board(&board, json))
        }
        Command::Customer(CustomerAction::Show { query }) => {
            let db = open(cli)?;
            let id = services::customers::resolve(&db, &query)?;
            let statement = services::customers::statement(&db, id, today)?;
            write(out, output::statement(&statement, json))
        }
        Command::Customer(CustomerAction::Find { query }) => {
            let db = open(cli)?;
            let found = services::customers::search(&db, &query, 50)?;
            write(out, output::found(&found, json))
        }
        Command::Pay {
            query,
            amount,
            method,
            date,
        } => {
            let method = PaymentMethod::parse(&method)
                .ok_or_else(|| Error::UnknownPaymentMethod(method.clone()))?;
            let amount = Money::parse_brl(&amount)?;
            let paid_on = match date {
                Some(text) => parse_date(&text)?,
                None => today,
            };
            let mut db = open(cli)?;
            let id = services::customers::resolve(&db, &query)?;
            let receipt =
                services::payments::receive(&mut db, &actor, id, amount, method, paid_on, today)?;
            let name = services::customers::statement(&db, id, today)?
                .customer
                .customer
                .name;
            write(out, output::receipt(&receipt, &name, json))
        }
        Command::Config(action) => {
            let mut db = open(cli)?;
            match action {
                ConfigAction::Get { key } => {
                    let value = services::settings::get(&db, &key)?;
                    write(out, output::setting(&key, &value, json))
                }
                ConfigAction::Set { key, value } => {
                    let value = services::settings::set(&mut db, &actor, &key, &value)?;
                    write(out, output::setting(&key, &value, json))
                }
                ConfigAction::List => {
                    let settings = services::settings::load(&db)?;
                    write(out, output::settings(&settings.entries(), json))
                }
            }
        }
        Command::Backup { out: target } => {
            let db = open(cli)?;
            if target == db.path() {
                return Err(Error::BadArgument(crate::t!("cli-backup-same-file")));
            }
            services::backup::backup_to(&db, &actor, &target)?;
            write(out, output::backed_up(&target, json))
        }
        Command::Restore { file } => {
            let path = database_path(cli)?;
            let kept = services::backup::restore(&path, &actor, &file)?;
            write(out, output::restored(&file, &kept, json))
        }
        Command::SecondCopy { installment, pdf } => {
            let db = open(cli)?;
            let bytes = services::documents::second_copy(&db, installment, today)?;
            write(
                out,
                documents::written(&bytes, &pdf, json, serde_json::json!({}))?,
            )
        }
        Command::Carne { sale, pdf } => {
            // Issuing boletos for a carnê that cannot be saved would leave them behind.
            services::files::check_writable(&pdf)?;
            let mut db = open(cli)?;
            let (bytes, issued) = services::documents::carne(&mut db, &actor, sale, today)?;
            let mut text = documents::written(
                &bytes,
                &pdf,
                json,
                serde_json::json!({ "boletos_issued": issued }),
            )?;
            if issued > 0 && !json {
                text.push_str(&format!(
                    "{}\n",
                    crate::t!("cli-carne-issued", count = issued.to_string())
                ));
            }
            write(out, text)
        }
        Command::Receipt { payment, pdf } => {
            let db = open(cli)?;
            let bytes = services::documents::receipt(&db, payment)?;
            write(
                out,
                documents::written(&bytes, &pdf, json, serde_json::json!({}))?,
            )
        }
        Command::Boleto(action) => {
            let path = database_path(cli)?;
            write(out, documents::boleto(action, &path, today, json)?)
        }
        Command::Pix(action) => write(out, documents::pix(action, json)?),
        Command::Negotiate(NegotiateAction::Propose { query }) => {
            let db = open(cli)?;
            let id = services::customers::resolve(&db, &query)?;
            let negotiation = services::negotiation::propose(&db, id, today)?;
            write(out, output::negotiation(&negotiation, json))
        }
        Command::Agreement(AgreementAction::Print { agreement, pdf }) => {
            let db = open(cli)?;
            let bytes = services::documents::agreement(&db, agreement)?;
            write(
                out,
                documents::written(&bytes, &pdf, json, serde_json::json!({}))?,
            )
        }
        Command::Ruler(RulerAction::Run { now, dry_run }) => {
            let now = collection::moment(today, cli.today.is_some(), now.as_deref())?;
            let mut db = open(cli)?;
            let report = services::ruler::run(&mut db, &actor, now, dry_run)?;
            write(out, collection::ruler_run(&report, json))
        }
        Command::Bank(action) => {
            let now = collection::moment(today, cli.today.is_some(), None)?;
            let mut db = open(cli)?;
            write(out, bank::run(&mut db, &actor, action, now, json)?)
        }
        Command::Outbox(action) => {
            let mut db = open(cli)?;
            write(
                out,
                collection::outbox(&mut db, &actor, action, today, json)?,
            )
        }
    }
}
