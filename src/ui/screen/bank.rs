//! Banco: the boletos by where they stand with the bank, the remittance to upload in
//! the internet banking (one per account with boletos waiting), the return to take in,
//! and the history of files, any of which can be saved again.

use std::path::PathBuf;

use iced::widget::{button, column, row, text};
use iced::{Alignment, Element, Length, Task};

use super::{Outcome, Route};
use crate::services::bank::{self, AccountView, ImportSummary};
use crate::store::bank_files::{BoletoLine, FileKind, FileRow};
use crate::store::boletos::BoletoStatus;
use crate::ui::widget;
use crate::ui::{Context, theme};

const SHOWN: usize = 300;

/// The statuses behind a filter button: "sent" also covers those waiting for a write-off.
fn shown_by(filter: BoletoStatus) -> &'static [BoletoStatus] {
    match filter {
        BoletoStatus::ToRegister => &[BoletoStatus::ToRegister],
        BoletoStatus::Sent => &[BoletoStatus::Sent, BoletoStatus::ToWriteOff],
        BoletoStatus::Registered => &[BoletoStatus::Registered],
        BoletoStatus::Rejected => &[BoletoStatus::Rejected],
        BoletoStatus::Paid => &[BoletoStatus::Paid],
        BoletoStatus::ToWriteOff => &[BoletoStatus::ToWriteOff],
        BoletoStatus::WrittenOff => &[BoletoStatus::WrittenOff],
    }
}

/// The filter buttons, in the order a boleto goes through them.
const FILTERS: [BoletoStatus; 5] = [
    BoletoStatus::ToRegister,
    BoletoStatus::Sent,
    BoletoStatus::Registered,
    BoletoStatus::Rejected,
    BoletoStatus::Paid,
];

pub struct State {
    filter: BoletoStatus,
    counts: Vec<(BoletoStatus, u64)>,
    boletos: Vec<BoletoLine>,
    accounts: Vec<AccountView>,
    files: Vec<FileRow>,
    last_import: Option<ImportSummary>,
    error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Filter(BoletoStatus),
    Remit(i64),
    RemitTo(i64, Option<PathBuf>),
    Import,
    ImportFrom(Option<PathBuf>),
    SaveAgain(i64),
    SaveAgainTo(i64, Option<PathBuf>),
    CloseSummary,
    Back,
}

pub fn status_label(status: BoletoStatus) -> String {
    match status {
        BoletoStatus::ToRegister => crate::t!("bank-status-to-register"),
        BoletoStatus::Sent => crate::t!("bank-status-sent"),
        BoletoStatus::Registered => crate::t!("bank-status-registered"),
        BoletoStatus::Rejected => crate::t!("bank-status-rejected"),
        BoletoStatus::Paid => crate::t!("bank-status-paid"),
        BoletoStatus::ToWriteOff => crate::t!("bank-status-to-write-off"),
        BoletoStatus::WrittenOff => crate::t!("bank-status-written-off"),
    }
}

/// One boleto's status, in the singular.
fn row_label(status: BoletoStatus) -> String {
    match status {
        BoletoStatus::ToRegister => crate::t!("bank-row-to-register"),
        BoletoStatus::Sent => crate::t!("bank-row-sent"),
        BoletoStatus::Registered => crate::t!("bank-row-registered"),
        BoletoStatus::Rejected => crate::t!("bank-row-rejected"),
        BoletoStatus::Paid => crate::t!("bank-row-paid"),
        BoletoStatus::ToWriteOff => crate::t!("bank-status-to-write-off"),
        BoletoStatus::WrittenOff => crate::t!("bank-row-written-off"),
    }
}

fn account_label(view: &AccountView) -> String {
    crate::t!(
        "bank-account-label",
        bank = view.account.bank.name(),
        agency = view.account.agency.clone(),
        account = view.account.account.clone()
    )
}

fn save_dialog(
    title: String,
    name: String,
    done: impl Fn(Option<PathBuf>) -> Message + Send + 'static,
) -> Task<Message> {
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .set_title(title)
                .set_file_name(name)
                .save_file()
                .await
                .map(|file| file.path().to_path_buf())
        },
        done,
    )
}

impl State {
    pub fn new(context: &Context) -> State {
        let mut state = State {
            filter: BoletoStatus::ToRegister,
            counts: Vec::new(),
            boletos: Vec::new(),
            accounts: Vec::new(),
            files: Vec::new(),
            last_import: None,
            error: None,
        };
        state.reload(context);
        state
    }

    fn reload(&mut self, context: &Context) {
        let db = context.db();
        let loaded = bank::overview(db, shown_by(self.filter), SHOWN)
            .and_then(|overview| Ok((overview, bank::accounts(db)?, bank::history(db, 50)?)));
        match loaded {
            Ok((overview, accounts, files)) => {
                self.counts = overview.counts;
                self.boletos = overview.boletos;
                self.accounts = accounts;
                self.files = files;
                self.error = None;
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Filter(filter) => {
                self.filter = filter;
                self.reload(context);
            }
            Message::Remit(account_id) => {
                let name = crate::t!("bank-remittance-default-name");
                return Outcome::Task(save_dialog(
                    crate::t!("bank-remit"),
                    format!("{name}.REM"),
                    move |path| Message::RemitTo(account_id, path),
                ));
            }
            Message::RemitTo(_, None)
            | Message::ImportFrom(None)
            | Message::SaveAgainTo(_, None) => {}
            Message::RemitTo(account_id, Some(path)) => {
                let actor = context.actor.clone();
                let now = chrono::Local::now().naive_local().time();
                let at = context.today.and_time(now);
                // A file that cannot be saved there must not mark its boletos as sent.
                let result = crate::services::files::check_writable(&path)
                    .and_then(|_| bank::remit(context.db_mut(), &actor, Some(account_id), at))
                    .and_then(|remittance| {
                        bank::write_file(&path, &remittance.content)?;
                        Ok(remittance)
                    });
                self.reload(context);
                return match result {
                    Ok(remittance) => Outcome::Notice(crate::t!(
                        "bank-remitted",
                        path = path.display().to_string(),
                        entries = remittance.entries.to_string(),
                        total = remittance.total.to_string(),
                        write_offs = remittance.write_offs.to_string()
                    )),
                    Err(error) => Outcome::Error(error.to_string()),
                };
            }
            Message::Import => {
                return Outcome::Task(Task::perform(
                    async {
                        rfd::AsyncFileDialog::new()
                            .set_title(crate::t!("bank-import"))
                            .add_filter(
                                crate::t!("bank-return-filter"),
                                &["ret", "RET", "txt", "TXT", "dat"],
                            )
                            .add_filter(crate::t!("bank-all-files"), &["*"])
                            .pick_file()
                            .await
                            .map(|file| file.path().to_path_buf())
                    },
                    Message::ImportFrom,
                ));
            }
            Message::ImportFrom(Some(path)) => {
                let actor = context.actor.clone();
                let today = context.today;
                let result = bank::import_path(context.db_mut(), &actor, &path, today);
                self.reload(context);
                return match result {
                    Ok(summary) => {
                        let notice = if summary.already_imported {
                            crate::t!("bank-import-again", name = summary.file_name.clone())
                        } else {
                            crate::t!(
                                "bank-imported",
                                paid = summary.paid.count.to_string(),
                                amount = summary.paid.amount.to_string(),
                                confirmed = summary.confirmed.count.to_string(),
                                rejected = summary.rejected.count.to_string()
                            )
                        };
                        self.last_import = Some(summary);
                        Outcome::Notice(notice)
                    }
                    Err(error) => Outcome::Error(error.to_string()),
                };
            }
            Message::SaveAgain(file_id) => {
                let name = self
                    .files
                    .iter()
                    .find(|file| file.id == file_id)
                    .map(|file| file.file_name.clone())
                    .unwrap_or_default();
                return Outcome::Task(save_dialog(
                    crate::t!("bank-save-again"),
                    name,
                    move |path| Message::SaveAgainTo(file_id, path),
                ));
            }
            Message::SaveAgainTo(file_id, Some(path)) => {
                let result = bank::saved_file(context.db(), file_id)
                    .and_then(|(_, content)| bank::write_file(&path, &content));
                return match result {
                    Ok(()) => Outcome::Notice(crate::t!(
                        "cli-bank-saved",
                        path = path.display().to_string()
                    )),
                    Err(error) => Outcome::Error(error.to_string()),
                };
            }
            Message::CloseSummary => self.last_import = None,
            Message::Back => return Outcome::Go(Route::Board),
        }
        Outcome::None
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let title = row![
            widget::title(crate::t!("bank-title")),
            widget::spacer(),
            widget::primary_button(crate::t!("bank-import"), Some(Message::Import)),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        let mut page = column![title].spacing(12);
        if let Some(error) = &self.error {
            page = page.push(widget::error_text(error.clone()));
        }
        page = page.push(widget::card(self.remittances()));
        if let Some(summary) = &self.last_import {
            page = page.push(widget::card(import_card(summary)));
        }
        page = page.push(self.filters());
        page = page.push(widget::card(self.list(context)));
        page = page.push(widget::card(self.history()));
        widget::page_scroll(page)
    }

    fn remittances(&self) -> Element<'_, Message> {
        let mut content = column![
            widget::heading(crate::t!("bank-remittance-heading")),
            widget::muted(crate::t!("bank-remittance-explain")),
        ]
        .spacing(8);
        if self.accounts.is_empty() {
            content = content.push(widget::muted(crate::t!("bank-no-account")));
        }
        for view in &self.accounts {
            if view.pending == 0 && !view.active {
                continue;
            }
            content = content.push(
                row![
                    text(account_label(view)).width(Length::Fill),
                    text(crate::t!("bank-waiting", count = view.pending.to_string()))
                        .size(theme::SMALL),
                    widget::primary_button(
                        crate::t!("bank-remit"),
                        (view.pending > 0).then_some(Message::Remit(view.id))
                    ),
                ]
                .spacing(12)
                .align_y(Alignment::Center),
            );
        }
        content.into()
    }

    fn filters(&self) -> Element<'_, Message> {
        let count = |filter: BoletoStatus| {
            self.counts
                .iter()
                .filter(|(status, _)| shown_by(filter).contains(status))
                .map(|(_, n)| *n)
                .sum::<u64>()
        };
        let mut filters = row![].spacing(6);
        for status in FILTERS {
            let active = self.filter == status;
            filters = filters.push(
                button(
                    text(format!("{} ({})", status_label(status), count(status)))
                        .size(theme::SMALL),
                )
                .padding([4, 10])
                .style(if active {
                    button::primary
                } else {
                    button::secondary
                })
                .on_press(Message::Filter(status)),
            );
        }
        filters.into()
    }

    fn list<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let mut list = column![widget::header_cells(vec![
            (crate::t!("cli-col-customer"), 4, false),
            (crate::t!("bank-col-installment"), 2, false),
            (crate::t!("bank-col-our-number"), 3, false),
            (crate::t!("bank-col-due"), 2, false),
            (crate::t!("bank-col-amount"), 2, true),
            (crate::t!("cli-col-status"), 3, false),
        ])]
        .spacing(4);
        for boleto in &self.boletos {
            let mut status = row_label(boleto.status);
            if boleto.status == BoletoStatus::Rejected && !boleto.reasons.is_empty() {
                let reasons: Vec<String> = boleto
                    .reasons
                    .split_whitespace()
                    .map(crate::bank::layout::reason_label)
                    .collect();
                status = format!("{status}: {}", reasons.join("; "));
            }
            list = list.push(widget::cells(vec![
                (context.name(&boleto.customer_name), 4, false),
                (
                    format!("{}/{}", boleto.sale_id, boleto.installment_number),
                    2,
                    false,
                ),
                (boleto.our_number_printed.clone(), 3, false),
                (boleto.due_date.format("%d/%m/%Y").to_string(), 2, false),
                (context.money(boleto.amount), 2, true),
                (status, 3, false),
            ]));
        }
        if self.boletos.is_empty() {
            list = list.push(widget::muted(crate::t!("bank-none-in-status")));
        }
        list.into()
    }

    fn history(&self) -> Element<'_, Message> {
        let mut list = column![
            widget::heading(crate::t!("bank-history")),
            widget::header_cells(vec![
                (crate::t!("cli-col-kind"), 2, false),
                (crate::t!("cli-col-file"), 5, false),
                (crate::t!("cli-col-date"), 2, false),
                (crate::t!("cli-col-actor"), 2, false),
                (String::new(), 2, false),
            ]),
        ]
        .spacing(4);
        for file in &self.files {
            let kind = match file.kind {
                FileKind::Remittance => crate::t!("bank-kind-remittance"),
                FileKind::Return => crate::t!("bank-kind-return"),
            };
            list = list.push(
                row![
                    widget::cells(vec![
                        (kind, 2, false),
                        (file.file_name.clone(), 5, false),
                        (made_at(file), 2, false),
                        (crate::services::actor_label(&file.actor), 2, false),
                    ]),
                    widget::small_button(
                        crate::t!("bank-save-again"),
                        Some(Message::SaveAgain(file.id))
                    ),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        if self.files.is_empty() {
            list = list.push(widget::muted(crate::t!("bank-no-files")));
        }
        list.into()
    }
}

fn import_card(summary: &ImportSummary) -> Element<'_, Message> {
    let line = |label: String, count: u64, amount: crate::domain::money::Money| {
        text(format!("{label}: {count} ({amount})")).size(theme::SMALL)
    };
    let mut content = column![
        row![
            widget::heading(crate::t!(
                "bank-import-done",
                name = summary.file_name.clone()
            )),
            widget::spacer(),
            widget::small_button(crate::t!("outbox-close"), Some(Message::CloseSummary)),
        ]
        .align_y(Alignment::Center),
        line(
            crate::t!("bank-status-paid"),
            summary.paid.count,
            summary.paid.amount
        ),
        line(
            crate::t!("bank-status-registered"),
            summary.confirmed.count,
            summary.confirmed.amount
        ),
        line(
            crate::t!("bank-status-rejected"),
            summary.rejected.count,
            summary.rejected.amount
        ),
        line(
            crate::t!("bank-status-written-off"),
            summary.written_off.count,
            summary.written_off.amount
        ),
    ]
    .spacing(4);
    for payment in &summary.payments {
        content = content.push(text(payment.sentence()).size(theme::SMALL));
    }
    for rejection in &summary.rejections {
        content = content.push(widget::error_text(crate::t!(
            "bank-rejection",
            line = rejection.line.to_string(),
            customer = rejection.customer.clone(),
            installment = rejection.installment.to_string(),
            reasons = rejection.reasons.join("; ")
        )));
    }
    for problem in &summary.problems {
        content = content.push(widget::error_text(problem.clone()));
    }
    content.into()
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
