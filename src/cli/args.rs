//! The command line's shape. Help texts come from the Fluent catalogues
//! (`cli-<command>-about`, `cli-arg-<argument>`), not from doc comments.

use std::path::PathBuf;

use clap::{Arg, ArgAction, CommandFactory, Parser, Subcommand};
use i18n_embed::fluent::FluentLanguageLoader;

#[derive(Clone, Debug, Parser)]
#[command(
    name = "regua",
    version,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    /// Database file instead of the one in the user's data folder.
    #[arg(long, global = true, value_name = "ARQUIVO")]
    pub db: Option<PathBuf>,
    /// The date to act as of (YYYY-MM-DD) instead of the clock's.
    #[arg(long, global = true, value_name = "AAAA-MM-DD")]
    pub today: Option<String>,
    /// Print JSON.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Debug, Subcommand)]
pub enum Command {
    Demo {
        #[arg(long, default_value_t = 300, value_name = "N")]
        customers: u32,
        #[arg(long, default_value_t = 1, value_name = "S")]
        seed: u64,
    },
    Board,
    #[command(subcommand)]
    Customer(CustomerAction),
    Pay {
        #[arg(value_name = "CLIENTE")]
        query: String,
        #[arg(value_name = "VALOR", allow_hyphen_values = true)]
        amount: String,
        #[arg(long, default_value = "dinheiro", value_name = "FORMA")]
        method: String,
        #[arg(long, value_name = "AAAA-MM-DD")]
        date: Option<String>,
    },
    #[command(subcommand)]
    Config(ConfigAction),
    Backup {
        #[arg(long, value_name = "ARQUIVO")]
        out: PathBuf,
    },
    Restore {
        #[arg(value_name = "ARQUIVO")]
        file: PathBuf,
    },
    SecondCopy {
        #[arg(value_name = "PARCELA")]
        installment: i64,
        #[arg(long = "out", value_name = "ARQUIVO.pdf")]
        pdf: PathBuf,
    },
    Carne {
        #[arg(value_name = "VENDA")]
        sale: i64,
        #[arg(long = "out", value_name = "ARQUIVO.pdf")]
        pdf: PathBuf,
    },
    Receipt {
        #[arg(value_name = "PAGAMENTO")]
        payment: i64,
        #[arg(long = "out", value_name = "ARQUIVO.pdf")]
        pdf: PathBuf,
    },
    #[command(subcommand)]
    Boleto(BoletoAction),
    #[command(subcommand)]
    Pix(PixAction),
    #[command(subcommand)]
    Negotiate(NegotiateAction),
    #[command(subcommand)]
    Agreement(AgreementAction),
    #[command(subcommand)]
    Ruler(RulerAction),
    #[command(subcommand)]
    Outbox(OutboxAction),
    #[command(subcommand)]
    Bank(BankAction),
}

#[derive(Clone, Debug, Subcommand)]
pub enum BankAction {
    /// Writes the remittance of every boleto waiting and marks them sent.
    Remit {
        #[arg(long = "account", value_name = "ID")]
        bank_account: Option<i64>,
        #[arg(long = "out", value_name = "ARQUIVO")]
        remittance_out: PathBuf,
    },
    Import {
        #[arg(value_name = "ARQUIVO")]
        return_file: PathBuf,
    },
    Files,
    /// Saves a remittance (or a return) again, as it was.
    Save {
        #[arg(value_name = "ARQUIVO_ID")]
        bank_file: i64,
        #[arg(long = "out", value_name = "ARQUIVO")]
        remittance_out: PathBuf,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum RulerAction {
    Run {
        #[arg(long, value_name = "HH:MM")]
        now: Option<String>,
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum OutboxAction {
    Send,
    List {
        #[arg(long, value_name = "SITUAÇÃO")]
        status: Option<String>,
    },
    /// Reads the SMTP password from the standard input.
    Password,
}

#[derive(Clone, Debug, Subcommand)]
pub enum AgreementAction {
    Print {
        #[arg(value_name = "ACORDO")]
        agreement: i64,
        #[arg(long = "out", value_name = "ARQUIVO.pdf")]
        pdf: PathBuf,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum NegotiateAction {
    Propose {
        #[arg(value_name = "CLIENTE")]
        query: String,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum BoletoAction {
    Check {
        #[arg(value_name = "CÓDIGO", allow_hyphen_values = true)]
        text: String,
    },
    Make {
        #[arg(long, value_name = "CÓDIGO")]
        bank: String,
        #[arg(long, value_name = "AGÊNCIA")]
        agency: String,
        #[arg(long, value_name = "CONTA")]
        account: String,
        #[arg(long, value_name = "CONVÊNIO")]
        convenio: Option<String>,
        #[arg(long, value_name = "CARTEIRA")]
        wallet: String,
        #[arg(long, value_name = "N")]
        our_number: u64,
        #[arg(long, value_name = "AAAA-MM-DD")]
        due: String,
        #[arg(long = "amount", value_name = "VALOR")]
        boleto_amount: String,
        #[arg(long = "out", value_name = "ARQUIVO.pdf")]
        boleto_pdf: Option<PathBuf>,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum PixAction {
    Check {
        #[arg(value_name = "CÓDIGO")]
        payload: String,
    },
    Make {
        #[arg(long = "key", value_name = "CHAVE")]
        pix_key: String,
        #[arg(long, value_name = "NOME")]
        name: String,
        #[arg(long, value_name = "CIDADE")]
        city: String,
        #[arg(long = "amount", value_name = "VALOR")]
        pix_amount: Option<String>,
        #[arg(long, value_name = "ID")]
        txid: Option<String>,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum CustomerAction {
    Show {
        #[arg(value_name = "CLIENTE")]
        query: String,
    },
    Find {
        #[arg(value_name = "BUSCA")]
        query: String,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum ConfigAction {
    Get {
        #[arg(value_name = "CHAVE")]
        key: String,
    },
    Set {
        #[arg(value_name = "CHAVE")]
        key: String,
        #[arg(value_name = "VALOR", allow_hyphen_values = true)]
        value: String,
    },
    List,
}

fn message(loader: &FluentLanguageLoader, id: &str) -> String {
    loader.get(id)
}

/// Fills in about and help texts, headings and the help flag in the current language.
fn localize(command: clap::Command, path: &str, loader: &FluentLanguageLoader) -> clap::Command {
    let about_id = if path.is_empty() {
        "cli-about".to_string()
    } else {
        format!("cli-{path}-about")
    };
    let arg_ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    let mut command = command
        .about(message(loader, &about_id))
        .help_template(format!(
            "{{about}}\n\n{} {{usage}}\n\n{{all-args}}",
            message(loader, "cli-usage")
        ))
        .subcommand_help_heading(message(loader, "cli-commands"))
        .next_help_heading(message(loader, "cli-options"));
    for (order, id) in arg_ids.into_iter().enumerate() {
        let help = message(loader, &format!("cli-arg-{id}"));
        let options = message(loader, "cli-options");
        let arguments = message(loader, "cli-arguments");
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                arguments
            } else {
                options
            };
            let takes_value = arg.get_num_args().is_none_or(|n| n.takes_values())
                && !matches!(arg.get_action(), ArgAction::SetTrue | ArgAction::SetFalse);
            arg.help(help)
                .help_heading(heading)
                .display_order(order)
                .hide_default_value(takes_value)
        });
    }
    if path.is_empty() {
        command = command
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .global(true)
                    .help(message(loader, "cli-arg-help")),
            )
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(message(loader, "cli-arg-version")),
            );
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        command = command.mut_subcommand(&name, |sub| {
            localize(sub.disable_help_flag(true), &sub_path, loader)
        });
    }
    command
}

pub fn localized_command() -> clap::Command {
    localize(Cli::command(), "", &crate::i18n::LOADER).disable_help_subcommand(true)
}

/// Every Fluent id the command line asks for, for the test that they all exist.
#[cfg(test)]
fn help_message_ids() -> Vec<String> {
    fn walk(command: &clap::Command, path: &str, ids: &mut Vec<String>) {
        ids.push(if path.is_empty() {
            "cli-about".to_string()
        } else {
            format!("cli-{path}-about")
        });
        for arg in command.get_arguments() {
            ids.push(format!("cli-arg-{}", arg.get_id()));
        }
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path}-{}", sub.get_name())
            };
            walk(sub, &sub_path, ids);
        }
    }
    let mut ids = vec![
        "cli-usage".to_string(),
        "cli-commands".to_string(),
        "cli-options".to_string(),
        "cli-arguments".to_string(),
        "cli-arg-help".to_string(),
        "cli-arg-version".to_string(),
    ];
    walk(&Cli::command(), "", &mut ids);
    ids.sort();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, message_ids};

    #[test]
    fn every_help_text_is_translated() {
        let pt = message_ids(Language::Portuguese);
        let missing: Vec<_> = help_message_ids()
            .into_iter()
            .filter(|id| !pt.contains(id))
            .collect();
        assert!(missing.is_empty(), "missing help texts: {missing:?}");
    }

    #[test]
    fn the_command_line_is_well_formed() {
        localized_command().debug_assert();
    }
}
