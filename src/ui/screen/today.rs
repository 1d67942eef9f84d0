//! Hoje: what the ruler has for the counter today — the e-mails going out, WhatsApp
//! messages to open, calls to make (and what came of them), letters to print — and
//! what is coming in the next seven days.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use iced::widget::{column, row, text};
use iced::{Alignment, Element, Length, Task};

use super::{Outcome, Route, load, off_thread};
use crate::domain::money::Money;
use crate::domain::ruler::{Channel, step_label};
use crate::services::ruler::DayPlan;
use crate::services::tasks::{self, Outcome as TaskOutcome, Task as RulerTask, Today};
use crate::ui::context::{date_label, parse_date};
use crate::ui::widget::{self, field};
use crate::ui::{Context, theme};

/// The days ahead the screen shows.
const AHEAD: i64 = 7;

#[derive(Clone, Debug, Default)]
struct PromiseForm {
    contact: i64,
    due: String,
    amount: String,
    note: String,
}

pub struct State {
    today: Option<Arc<Today>>,
    error: Option<String>,
    promise: Option<PromiseForm>,
    running: bool,
}

#[derive(Clone, Debug)]
pub enum Message {
    Loaded(Result<Arc<Today>, String>),
    RunNow,
    Ran(Result<String, String>),
    OpenWhatsApp(String),
    Finish(i64, TaskOutcome),
    StartPromise(i64),
    PromiseDue(String),
    PromiseAmount(String),
    PromiseNote(String),
    ConfirmPromise,
    CancelPromise,
    PrintLetters,
    LettersPrinted(Result<(PathBuf, Vec<i64>), String>),
    OpenCustomer(i64),
    OpenOutbox,
}

impl State {
    pub fn new() -> State {
        State {
            today: None,
            error: None,
            promise: None,
            running: false,
        }
    }

    pub fn start(&self, context: &Context) -> Task<Message> {
        let today = context.today;
        load(
            context.path().to_path_buf(),
            move |db| tasks::today(db, today, AHEAD),
            Message::Loaded,
        )
    }

    pub fn loaded(&self) -> Option<&Today> {
        self.today.as_deref()
    }

    /// Loads the day on this thread (the tests, and after a task is done).
    pub fn reload(&mut self, context: &Context) {
        match tasks::today(context.db(), context.today, AHEAD) {
            Ok(today) => {
                self.today = Some(Arc::new(today));
                self.error = None;
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Loaded(Ok(today)) => {
                self.today = Some(today);
                self.error = None;
            }
            Message::Loaded(Err(error)) => self.error = Some(error),
            Message::RunNow => {
                self.running = true;
                return Outcome::Task(crate::ui::background::run(
                    context.path().to_path_buf(),
                    context.today,
                    Message::Ran,
                ));
            }
            Message::Ran(result) => {
                self.running = false;
                self.reload(context);
                return match result {
                    Ok(summary) => Outcome::Notice(summary),
                    Err(error) => Outcome::Error(error),
                };
            }
            Message::OpenWhatsApp(link) => crate::ui::system::open_external(&link),
            Message::Finish(id, outcome) => return self.finish(context, id, outcome, ""),
            Message::StartPromise(contact) => {
                self.promise = Some(PromiseForm {
                    contact,
                    due: date_label(crate::services::promises::default_due_on(context.today)),
                    ..PromiseForm::default()
                })
            }
            Message::PromiseDue(value) => {
                if let Some(form) = &mut self.promise {
                    form.due = value;
                }
            }
            Message::PromiseAmount(value) => {
                if let Some(form) = &mut self.promise {
                    form.amount = value;
                }
            }
            Message::PromiseNote(value) => {
                if let Some(form) = &mut self.promise {
                    form.note = value;
                }
            }
            Message::CancelPromise => self.promise = None,
            Message::ConfirmPromise => {
                let Some(form) = self.promise.clone() else {
                    return Outcome::None;
                };
                let Some(due_on) = parse_date(&form.due) else {
                    return Outcome::Error(crate::t!("error-bad-date", text = form.due));
                };
                let amount = match Money::parse_brl(&form.amount) {
                    Ok(amount) => amount,
                    Err(error) => return Outcome::Error(error.to_string()),
                };
                let outcome = TaskOutcome::Promise { due_on, amount };
                return self.finish(context, form.contact, outcome, &form.note);
            }
            Message::PrintLetters => {
                let path = context.path().to_path_buf();
                let today = context.today;
                let open = context.open_documents;
                return Outcome::Task(Task::perform(
                    off_thread(move || print_letters(path, today, open)),
                    |result| {
                        Message::LettersPrinted(
                            result.unwrap_or_else(|| Err(crate::t!("ui-worker-failed"))),
                        )
                    },
                ));
            }
            Message::LettersPrinted(Ok((path, ids))) => {
                for id in ids {
                    let actor = context.actor.clone();
                    let today = context.today;
                    if let Err(error) = tasks::finish(
                        context.db_mut(),
                        &actor,
                        id,
                        &TaskOutcome::Printed,
                        "",
                        today,
                    ) {
                        return Outcome::Error(error.to_string());
                    }
                }
                self.reload(context);
                return Outcome::Notice(crate::t!(
                    "print-saved",
                    path = path.display().to_string()
                ));
            }
            Message::LettersPrinted(Err(error)) => return Outcome::Error(error),
            Message::OpenCustomer(id) => return Outcome::Go(Route::Customer(id)),
            Message::OpenOutbox => return Outcome::Go(Route::Outbox),
        }
        Outcome::None
    }

    fn finish(
        &mut self,
        context: &mut Context,
        id: i64,
        outcome: TaskOutcome,
        note: &str,
    ) -> Outcome<Message> {
        let actor = context.actor.clone();
        let today = context.today;
        match tasks::finish(context.db_mut(), &actor, id, &outcome, note, today) {
            Ok(()) => {
                self.promise = None;
                self.reload(context);
                Outcome::Notice(crate::t!(
                    "today-recorded",
                    outcome = TaskOutcome::label_of(outcome.code())
                ))
            }
            Err(error) => Outcome::Error(error.to_string()),
        }
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let title = row![
            widget::title(crate::t!("today-title", date = date_label(context.today))),
            widget::spacer(),
            widget::secondary_button(crate::t!("today-outbox"), Some(Message::OpenOutbox)),
            widget::primary_button(
                if self.running {
                    crate::t!("today-running")
                } else {
                    crate::t!("today-run-now")
                },
                (!self.running).then_some(Message::RunNow)
            ),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        let mut page = column![title].spacing(14);
        if let Some(error) = &self.error {
            page = page.push(widget::error_text(error.clone()));
        }
        let Some(today) = &self.today else {
            page = page.push(widget::muted(crate::t!("board-loading")));
            return page.into();
        };
        page = page
            .push(widget::card(self.whatsapp(context, today)))
            .push(widget::card(self.calls(context, today)))
            .push(widget::card(self.letters(context, today)))
            .push(widget::card(emails(context, today)))
            .push(widget::card(upcoming(&today.upcoming)));
        widget::page_scroll(page)
    }

    fn whatsapp<'a>(&'a self, context: &'a Context, today: &'a Today) -> Element<'a, Message> {
        let list = &today.whatsapp;
        let pending = open(list) + today.more(Channel::WhatsApp);
        let mut content = column![
            widget::heading(crate::t!("today-whatsapp", count = pending.to_string())),
            widget::muted(crate::t!("today-whatsapp-explain")),
        ]
        .spacing(8);
        for task in list {
            let actions: Element<'a, Message> = if task.is_open() {
                row![
                    widget::small_button(
                        crate::t!("today-open-whatsapp"),
                        task.whatsapp_link.clone().map(Message::OpenWhatsApp)
                    ),
                    widget::small_button(
                        crate::t!("today-mark-sent"),
                        Some(Message::Finish(task.id, TaskOutcome::Sent))
                    ),
                ]
                .spacing(6)
                .into()
            } else {
                done_label(task)
            };
            content = content.push(task_row(context, task, actions));
        }
        content = content.push(more_line(list, today.more(Channel::WhatsApp)));
        content.into()
    }

    fn calls<'a>(&'a self, context: &'a Context, today: &'a Today) -> Element<'a, Message> {
        let list = &today.calls;
        let pending = open(list) + today.more(Channel::Call);
        let mut content = column![widget::heading(crate::t!(
            "today-calls",
            count = pending.to_string()
        ))]
        .spacing(8);
        for task in list {
            let actions: Element<'a, Message> = if task.is_open() {
                row![
                    widget::small_button(
                        crate::t!("today-action-no-answer"),
                        Some(Message::Finish(task.id, TaskOutcome::NoAnswer))
                    ),
                    widget::small_button(
                        crate::t!("today-action-promise"),
                        Some(Message::StartPromise(task.id))
                    ),
                    widget::small_button(
                        crate::t!("today-action-talked"),
                        Some(Message::Finish(task.id, TaskOutcome::Talked))
                    ),
                    widget::small_button(
                        crate::t!("today-action-dispute"),
                        Some(Message::Finish(task.id, TaskOutcome::Dispute))
                    ),
                ]
                .spacing(6)
                .into()
            } else {
                done_label(task)
            };
            content = content.push(task_row(context, task, actions));
            if let Some(form) = self.promise.as_ref().filter(|f| f.contact == task.id) {
                content = content.push(promise_form(form));
            }
        }
        content = content.push(more_line(list, today.more(Channel::Call)));
        content.into()
    }

    fn letters<'a>(&'a self, context: &'a Context, today: &'a Today) -> Element<'a, Message> {
        let list = &today.letters;
        let pending = open(list) + today.more(Channel::Letter);
        let mut content = column![
            row![
                widget::heading(crate::t!("today-letters", count = pending.to_string())),
                widget::spacer(),
                widget::secondary_button(
                    crate::t!("today-print-letters"),
                    (pending > 0).then_some(Message::PrintLetters)
                ),
            ]
            .align_y(Alignment::Center)
        ]
        .spacing(8);
        for task in list {
            let status = if task.is_open() {
                widget::muted(crate::t!("today-to-print"))
            } else {
                done_label(task)
            };
            content = content.push(task_row(context, task, status));
        }
        content = content.push(more_line(list, today.more(Channel::Letter)));
        content.into()
    }
}

impl Default for State {
    fn default() -> State {
        State::new()
    }
}

/// "Nada por aqui hoje." for an empty list, "… e mais N" under a long one.
fn more_line<'a>(list: &[RulerTask], more: usize) -> Element<'a, Message> {
    if list.is_empty() && more == 0 {
        widget::muted(crate::t!("today-none"))
    } else if more > 0 {
        widget::muted(crate::t!("today-more", count = more.to_string()))
    } else {
        iced::widget::Space::new().into()
    }
}

fn open(list: &[RulerTask]) -> usize {
    list.iter().filter(|task| task.is_open()).count()
}

fn done_label<'a>(task: &RulerTask) -> Element<'a, Message> {
    let outcome = task
        .outcome
        .as_deref()
        .map(TaskOutcome::label_of)
        .unwrap_or_default();
    text(format!("✓ {outcome}")).size(theme::SMALL).into()
}

fn step_text(task: &RulerTask) -> String {
    task.step
        .map(step_label)
        .unwrap_or_else(|| crate::t!("cli-ruler-thanks"))
}

fn task_row<'a>(
    context: &'a Context,
    task: &'a RulerTask,
    actions: Element<'a, Message>,
) -> Element<'a, Message> {
    let phone = task
        .phone
        .as_deref()
        .map(crate::domain::customer::format_phone)
        .unwrap_or_default();
    row![
        iced::widget::button(text(context.name(&task.customer_name)))
            .style(iced::widget::button::text)
            .padding(0)
            .on_press(Message::OpenCustomer(task.customer_id))
            .width(Length::FillPortion(4)),
        text(step_text(task)).width(Length::FillPortion(2)),
        text(phone).width(Length::FillPortion(3)),
        text(context.money(task.total))
            .width(Length::FillPortion(2))
            .align_x(iced::alignment::Horizontal::Right),
        iced::widget::container(actions).width(Length::FillPortion(7)),
    ]
    .spacing(8)
    .align_y(Alignment::Center)
    .into()
}

fn promise_form(form: &PromiseForm) -> Element<'_, Message> {
    widget::card(
        row![
            field(
                crate::t!("today-promise-due"),
                &form.due,
                None,
                Message::PromiseDue
            )
            .width(150),
            field(
                crate::t!("today-promise-amount"),
                &form.amount,
                None,
                Message::PromiseAmount
            )
            .width(150),
            field(
                crate::t!("today-promise-note"),
                &form.note,
                None,
                Message::PromiseNote
            ),
            widget::secondary_button(crate::t!("action-cancel"), Some(Message::CancelPromise)),
            widget::primary_button(
                crate::t!("today-promise-save"),
                Some(Message::ConfirmPromise)
            ),
        ]
        .spacing(10)
        .align_y(Alignment::End),
    )
}

fn emails<'a>(context: &'a Context, today: &'a Today) -> Element<'a, Message> {
    let list = &today.emails;
    let mut content = column![widget::heading(crate::t!(
        "today-emails",
        count = (list.len() + today.more(Channel::Email)).to_string()
    ))]
    .spacing(6);
    for task in list {
        let status = task
            .email_status
            .map(crate::ui::screen::outbox::status_label)
            .unwrap_or_default();
        content = content.push(widget::cells(vec![
            (context.name(&task.customer_name), 4, false),
            (step_text(task), 1, false),
            (context.money(task.total), 2, true),
            (status, 3, false),
        ]));
    }
    content = content.push(more_line(list, today.more(Channel::Email)));
    content.into()
}

fn upcoming<'a>(days: &'a [DayPlan]) -> Element<'a, Message> {
    let mut content = column![
        widget::heading(crate::t!("today-upcoming")),
        widget::header_cells(vec![
            (crate::t!("today-day"), 2, false),
            (crate::t!("channel-email"), 1, true),
            (crate::t!("channel-whatsapp"), 1, true),
            (crate::t!("ruler-channel-call"), 1, true),
            (crate::t!("ruler-channel-letter"), 1, true),
        ]),
    ]
    .spacing(6);
    for DayPlan { day, by_channel } in days {
        let count = |channel: Channel| {
            by_channel
                .iter()
                .find(|(c, _)| *c == channel)
                .map(|(_, n)| n.to_string())
                .unwrap_or_else(|| "–".to_string())
        };
        content = content.push(widget::cells(vec![
            (crate::ui::context::weekday_label(*day), 2, false),
            (count(Channel::Email), 1, true),
            (count(Channel::WhatsApp), 1, true),
            (count(Channel::Call), 1, true),
            (count(Channel::Letter), 1, true),
        ]));
    }
    content = content.push(widget::muted(crate::t!("today-upcoming-explain")));
    content.into()
}

/// Renders the open letters of the day and saves them; returns the file and the tasks.
fn print_letters(
    path: PathBuf,
    today: NaiveDate,
    open: bool,
) -> Result<(PathBuf, Vec<i64>), String> {
    let work = || -> crate::error::Result<(PathBuf, Vec<i64>)> {
        let db = crate::store::Database::open(&path)?;
        let ids = tasks::open_letters(&db, today)?;
        let bytes = tasks::letters(&db, &ids, today)?;
        let file = crate::ui::print::save_and_open(
            &path,
            &format!("cartas-{}.pdf", today.format("%Y-%m-%d")),
            &bytes,
            open,
        )?;
        Ok((file, ids))
    };
    work().map_err(|error| error.to_string())
}
