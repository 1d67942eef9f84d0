//! Fechamento do dia: what came in by method and by clerk, who got worse, promises
//! due tomorrow and the board's totals; exported to CSV for Excel.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use iced::widget::{column, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::{Outcome, Route, off_thread};
use crate::services::day_end::DayEnd;
use crate::ui::context::{date_label, parse_date};
use crate::ui::widget;
use crate::ui::{Context, theme};

pub struct State {
    date: NaiveDate,
    date_text: String,
    report: Option<Arc<DayEnd>>,
    loading: bool,
    error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Loaded(Result<Arc<DayEnd>, String>),
    Date(String),
    DateSubmit,
    Export,
    ExportTo(Option<PathBuf>),
    Exported(Result<PathBuf, String>),
    Open(i64),
}

fn load(path: PathBuf, date: NaiveDate) -> Task<Message> {
    super::load(
        path,
        move |db| crate::services::day_end::report(db, date),
        Message::Loaded,
    )
}

impl State {
    pub fn new(context: &Context) -> State {
        State {
            date: context.today,
            date_text: date_label(context.today),
            report: None,
            loading: true,
            error: None,
        }
    }

    pub fn start(&self, context: &Context) -> Task<Message> {
        load(context.path().to_path_buf(), self.date)
    }

    pub fn report(&self) -> Option<&DayEnd> {
        self.report.as_deref()
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Loaded(result) => {
                self.loading = false;
                match result {
                    Ok(report) => {
                        self.report = Some(report);
                        self.error = None;
                    }
                    Err(error) => self.error = Some(error),
                }
                Outcome::None
            }
            Message::Date(text) => {
                self.date_text = text;
                Outcome::None
            }
            Message::DateSubmit => match parse_date(&self.date_text) {
                Some(date) => {
                    self.date = date;
                    self.loading = true;
                    Outcome::Task(load(context.path().to_path_buf(), date))
                }
                None => Outcome::Error(crate::t!("ui-bad-date", text = self.date_text.clone())),
            },
            Message::Export => {
                let name = format!("fechamento-{}.csv", self.date.format("%Y-%m-%d"));
                Outcome::Task(Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_title(crate::t!("day-end-export"))
                            .set_file_name(name)
                            .add_filter("CSV", &["csv"])
                            .save_file()
                            .await
                            .map(|file| file.path().to_path_buf())
                    },
                    Message::ExportTo,
                ))
            }
            Message::ExportTo(None) => Outcome::None,
            Message::ExportTo(Some(path)) => {
                let Some(report) = self.report.clone() else {
                    return Outcome::None;
                };
                Outcome::Task(Task::perform(
                    off_thread(move || {
                        crate::services::day_end::write_csv(&report, &path)
                            .map(|_| path)
                            .map_err(|error| error.to_string())
                    }),
                    |result| {
                        Message::Exported(
                            result.unwrap_or_else(|| Err(crate::t!("ui-worker-failed"))),
                        )
                    },
                ))
            }
            Message::Exported(Ok(path)) => Outcome::Notice(crate::t!(
                "day-end-exported",
                path = path.display().to_string()
            )),
            Message::Exported(Err(error)) => Outcome::Error(error),
            Message::Open(id) => Outcome::Go(Route::Customer(id)),
        }
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let controls = row![
            widget::title(crate::t!("day-end-title")),
            widget::spacer(),
            text(crate::t!("day-end-date")),
            text_input("DD/MM/AAAA", &self.date_text)
                .on_input(Message::Date)
                .on_submit(Message::DateSubmit)
                .padding(6)
                .width(120),
            widget::primary_button(
                crate::t!("day-end-export"),
                self.report.is_some().then_some(Message::Export)
            ),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        let mut page = column![controls].spacing(14);
        if let Some(error) = &self.error {
            page = page.push(widget::error_text(error.clone()));
        }
        let Some(report) = &self.report else {
            return page.push(text(crate::t!("board-loading"))).into();
        };
        if self.loading {
            page = page.push(widget::muted(crate::t!("board-loading")));
        }

        let mut methods = column![widget::heading(crate::t!("day-end-by-method"))].spacing(4);
        for total in &report.payments_by_method {
            methods = methods.push(widget::cells(vec![
                (total.method.label(), 3, false),
                (total.count.to_string(), 1, true),
                (context.money(total.amount), 3, true),
            ]));
        }
        if report.payments_by_method.is_empty() {
            methods = methods.push(widget::muted(crate::t!("day-end-no-payments")));
        }
        methods = methods.push(iced::widget::rule::horizontal(1));
        methods = methods.push(widget::cells(vec![
            (crate::t!("day-end-received"), 3, false),
            (String::new(), 1, true),
            (context.money(report.received), 3, true),
        ]));

        let mut clerks = column![widget::heading(crate::t!("day-end-by-clerk"))].spacing(4);
        for total in &report.payments_by_clerk {
            clerks = clerks.push(widget::cells(vec![
                (total.clerk.clone(), 3, false),
                (total.count.to_string(), 1, true),
                (context.money(total.amount), 3, true),
            ]));
        }

        let mut worse = column![widget::heading(crate::t!("day-end-worsened"))].spacing(4);
        if report.worsened.is_empty() {
            worse = worse.push(widget::muted(crate::t!("day-end-none")));
        }
        for moved in report.worsened.iter().take(100) {
            worse = worse.push(
                iced::widget::button(widget::cells(vec![
                    (context.name(&moved.name), 4, false),
                    (
                        moved.from.clone().unwrap_or_else(|| "—".to_string()),
                        3,
                        false,
                    ),
                    (moved.to.clone(), 3, false),
                    (context.money(moved.total), 3, true),
                ]))
                .style(theme::row_button(false))
                .width(Length::Fill)
                .on_press(Message::Open(moved.customer_id)),
            );
        }

        let mut promises = column![widget::heading(crate::t!("day-end-promises"))].spacing(4);
        if report.promises_due.is_empty() {
            promises = promises.push(widget::muted(crate::t!("day-end-none")));
        }
        for promise in &report.promises_due {
            promises = promises.push(
                iced::widget::button(widget::cells(vec![
                    (context.name(&promise.name), 4, false),
                    (context.money(promise.amount), 2, true),
                    (promise.note.clone(), 4, false),
                ]))
                .style(theme::row_button(false))
                .width(Length::Fill)
                .on_press(Message::Open(promise.customer_id)),
            );
        }

        let board = &report.board;
        let mut bands = column![widget::heading(crate::t!("day-end-board"))].spacing(4);
        for band in &board.rows {
            bands = bands.push(
                row![
                    iced::widget::container(widget::band_chip(&band.label, &band.color))
                        .width(Length::FillPortion(4)),
                    text(band.amounts.customers.to_string())
                        .width(Length::FillPortion(1))
                        .align_x(iced::alignment::Horizontal::Right),
                    text(context.money(band.amounts.total))
                        .width(Length::FillPortion(3))
                        .align_x(iced::alignment::Horizontal::Right),
                ]
                .spacing(8),
            );
        }
        bands = bands.push(widget::cells(vec![
            (crate::t!("board-grand-total"), 4, false),
            (board.totals.customers.to_string(), 1, true),
            (context.money(board.totals.total), 3, true),
        ]));

        page = page.push(
            iced::widget::scrollable(
                column![
                    row![widget::card(methods), widget::card(clerks)].spacing(12),
                    row![widget::card(worse), widget::card(promises)].spacing(12),
                    widget::card(bands),
                ]
                .spacing(12),
            )
            .height(Length::Fill),
        );
        page.into()
    }
}
