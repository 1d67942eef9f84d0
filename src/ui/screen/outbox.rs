//! Caixa de saída: every e-mail of the ruler with where it stands, filtered by status;
//! each message shown as it was (or will be) sent; the owner tries a failed one again
//! or cancels one that has not gone.

use chrono::Local;
use iced::widget::{button, column, row, text};
use iced::{Alignment, Element, Length, Task};

use super::{Outcome, Route};
use crate::domain::outbox::OutboxStatus;
use crate::services::outbox::{self, MessageView, SendReport};
use crate::store::outbox::StoredMessage;
use crate::ui::screen::off_thread;
use crate::ui::widget;
use crate::ui::{Context, theme};

const SHOWN: usize = 300;

pub struct State {
    filter: Option<OutboxStatus>,
    messages: Vec<MessageView>,
    counts: Vec<(OutboxStatus, u64)>,
    selected: Option<StoredMessage>,
    sending: bool,
    error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Filter(Option<OutboxStatus>),
    Select(i64),
    Close,
    Retry(i64),
    Cancel(i64),
    SendNow,
    Sent(Result<SendReport, String>),
    Back,
}

pub fn status_label(status: OutboxStatus) -> String {
    match status {
        OutboxStatus::Pending => crate::t!("outbox-status-pending"),
        OutboxStatus::Sending => crate::t!("outbox-status-sending"),
        OutboxStatus::Sent => crate::t!("outbox-status-sent"),
        OutboxStatus::Retry => crate::t!("outbox-status-retry"),
        OutboxStatus::Failed => crate::t!("outbox-status-failed"),
        OutboxStatus::Cancelled => crate::t!("outbox-status-cancelled"),
    }
}

fn local(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&Local).format("%d/%m %H:%M").to_string()
}

impl State {
    pub fn new(context: &Context) -> State {
        let mut state = State {
            filter: None,
            messages: Vec::new(),
            counts: Vec::new(),
            selected: None,
            sending: false,
            error: None,
        };
        state.reload(context);
        state
    }

    pub fn messages(&self) -> &[MessageView] {
        &self.messages
    }

    pub fn selected(&self) -> Option<&StoredMessage> {
        self.selected.as_ref()
    }

    fn reload(&mut self, context: &Context) {
        let loaded = outbox::list(context.db(), self.filter, SHOWN)
            .and_then(|messages| Ok((messages, outbox::counts(context.db())?)));
        match loaded {
            Ok((messages, counts)) => {
                self.messages = messages;
                self.counts = counts;
                self.error = None;
            }
            Err(error) => self.error = Some(error.to_string()),
        }
        if let Some(selected) = &self.selected {
            self.selected = outbox::get(context.db(), selected.id).ok();
        }
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Filter(filter) => {
                self.filter = filter;
                self.selected = None;
                self.reload(context);
            }
            Message::Select(id) => match outbox::get(context.db(), id) {
                Ok(found) => self.selected = Some(found),
                Err(error) => return Outcome::Error(error.to_string()),
            },
            Message::Close => self.selected = None,
            Message::Retry(id) | Message::Cancel(id) => {
                let actor = context.actor.clone();
                let result = if matches!(message, Message::Retry(_)) {
                    outbox::retry(context.db_mut(), &actor, id)
                } else {
                    outbox::cancel(context.db_mut(), &actor, id)
                };
                self.reload(context);
                return match result {
                    Ok(()) => Outcome::Notice(crate::t!("outbox-changed")),
                    Err(error) => Outcome::Error(error.to_string()),
                };
            }
            Message::SendNow => {
                self.sending = true;
                let path = context.path().to_path_buf();
                let today = context.today;
                let holder = context.actor.name().to_string();
                return Outcome::Task(Task::perform(
                    off_thread(move || {
                        crate::store::Database::open(&path)
                            .and_then(|mut db| {
                                outbox::send_due(&mut db, &holder, chrono::Utc::now(), today)
                            })
                            .map_err(|error| error.to_string())
                    }),
                    |result| {
                        Message::Sent(result.unwrap_or_else(|| Err(crate::t!("ui-worker-failed"))))
                    },
                ));
            }
            Message::Sent(result) => {
                self.sending = false;
                self.reload(context);
                return match result {
                    Ok(report) => Outcome::Notice(crate::t!(
                        "cli-outbox-sent",
                        sent = report.sent.to_string(),
                        waiting = report.waiting.to_string(),
                        failed = report.failed.to_string(),
                        cancelled = report.cancelled.to_string()
                    )),
                    Err(error) => Outcome::Error(error),
                };
            }
            Message::Back => return Outcome::Go(Route::Today),
        }
        Outcome::None
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let title = row![
            widget::title(crate::t!("outbox-title")),
            widget::spacer(),
            widget::secondary_button(crate::t!("outbox-back"), Some(Message::Back)),
            widget::primary_button(
                crate::t!("outbox-send-now"),
                (!self.sending).then_some(Message::SendNow)
            ),
        ]
        .spacing(10)
        .align_y(Alignment::Center);
        let count = |status: OutboxStatus| {
            self.counts
                .iter()
                .find(|(s, _)| *s == status)
                .map(|(_, n)| *n)
                .unwrap_or(0)
        };
        let total: u64 = self.counts.iter().map(|(_, n)| n).sum();
        let mut filters = row![filter_button(
            format!("{} ({total})", crate::t!("outbox-all")),
            self.filter.is_none(),
            None
        )]
        .spacing(6);
        for status in [
            OutboxStatus::Pending,
            OutboxStatus::Retry,
            OutboxStatus::Failed,
            OutboxStatus::Sent,
            OutboxStatus::Cancelled,
        ] {
            filters = filters.push(filter_button(
                format!("{} ({})", status_label(status), count(status)),
                self.filter == Some(status),
                Some(status),
            ));
        }
        let mut page = column![title, filters].spacing(12);
        if let Some(error) = &self.error {
            page = page.push(widget::error_text(error.clone()));
        }
        if let Some(message) = &self.selected {
            page = page.push(widget::card(detail(context, message)));
        }
        let mut list = column![widget::header_cells(vec![
            (crate::t!("cli-col-number"), 1, false),
            (crate::t!("cli-col-status"), 2, false),
            (crate::t!("cli-col-to"), 4, false),
            (crate::t!("cli-col-subject"), 5, false),
            (crate::t!("outbox-when"), 2, false),
        ])]
        .spacing(4);
        for message in &self.messages {
            let when = message.sent_at.unwrap_or(message.created_at);
            list = list.push(
                button(widget::cells(vec![
                    (message.id.to_string(), 1, false),
                    (status_label(message.status), 2, false),
                    (context.name(&message.to_name), 4, false),
                    (message.subject.clone(), 5, false),
                    (local(when), 2, false),
                ]))
                .style(theme::row_button(
                    self.selected.as_ref().is_some_and(|s| s.id == message.id),
                ))
                .padding([4, 6])
                .width(Length::Fill)
                .on_press(Message::Select(message.id)),
            );
        }
        if self.messages.is_empty() {
            list = list.push(widget::muted(crate::t!("outbox-empty")));
        }
        page = page.push(widget::card(list));
        widget::page_scroll(page)
    }
}

fn filter_button<'a>(
    label: String,
    active: bool,
    filter: Option<OutboxStatus>,
) -> Element<'a, Message> {
    button(text(label).size(theme::SMALL))
        .padding([4, 10])
        .style(if active {
            button::primary
        } else {
            button::secondary
        })
        .on_press(Message::Filter(filter))
        .into()
}

fn detail<'a>(context: &'a Context, message: &'a StoredMessage) -> Element<'a, Message> {
    let owner = context.actor.is_owner();
    let changeable = matches!(
        message.status,
        OutboxStatus::Pending | OutboxStatus::Retry | OutboxStatus::Failed
    );
    let retryable = matches!(message.status, OutboxStatus::Retry | OutboxStatus::Failed);
    let mut content = column![
        row![
            widget::heading(message.subject.clone()),
            widget::spacer(),
            widget::small_button(crate::t!("outbox-close"), Some(Message::Close)),
        ]
        .align_y(Alignment::Center),
        text(crate::t!(
            "outbox-to",
            name = context.name(&message.to_name),
            address = message.to_address.clone()
        ))
        .size(theme::SMALL),
        text(crate::t!(
            "outbox-state",
            status = status_label(message.status),
            attempts = message.attempts.to_string(),
            id = message.message_id.clone()
        ))
        .size(theme::SMALL),
    ]
    .spacing(6);
    if let Some(error) = &message.last_error {
        content = content.push(widget::error_text(error.clone()));
    }
    if let Some(next) = message
        .next_try
        .filter(|_| message.status == OutboxStatus::Retry)
    {
        content = content.push(widget::muted(crate::t!(
            "outbox-next-try",
            at = local(next)
        )));
    }
    content = content.push(
        iced::widget::container(text(if context.privacy {
            crate::t!("outbox-body-hidden")
        } else {
            message.body.clone()
        }))
        .padding(10)
        .width(Length::Fill)
        .style(theme::page),
    );
    if owner {
        content = content.push(
            row![
                widget::secondary_button(
                    crate::t!("outbox-cancel"),
                    changeable.then_some(Message::Cancel(message.id))
                ),
                widget::primary_button(
                    crate::t!("outbox-retry"),
                    retryable.then_some(Message::Retry(message.id))
                ),
            ]
            .spacing(10),
        );
    } else {
        content = content.push(widget::muted(crate::t!("outbox-owner-only")));
    }
    content.into()
}
