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
    /// Sales done and in all while the day's carnês are being made.
    carne_progress: Option<(usize, usize)>,
}

/// What the carnê worker reports while it runs.
#[derive(Clone, Debug)]
pub enum CarneEvent {
    Progress(usize, usize),
    Done(Result<PathBuf, String>),
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
    PrintPdf,
    PrintCarnes,
    Carnes(CarneEvent),
}

/// Makes the carnês of the day's sales on a thread of its own, reporting each sale done.
fn print_carnes(context: &Context, date: NaiveDate) -> Task<Message> {
    let path = context.path().to_path_buf();
    let actor = context.actor.clone();
    let today = context.today;
    let open = context.open_documents;
    let (sender, receiver) = iced::futures::channel::mpsc::unbounded();
    std::thread::spawn(move || {
        let progress_sender = sender.clone();
        let result = crate::store::Database::open(&path).and_then(|mut db| {
            let sales = crate::services::documents::sales_on(&db, date)?;
            if sales.is_empty() {
                return Err(crate::error::Error::BadArgument(crate::t!(
                    "print-no-sales"
                )));
            }
            let bytes = crate::services::documents::carnes(
                &mut db,
                &actor,
                &sales,
                today,
                &mut |done, total| {
                    let _ = progress_sender.unbounded_send(CarneEvent::Progress(done, total));
                },
            )?;
            crate::ui::print::save_and_open(
                &path,
                &format!("carnes-{}.pdf", date.format("%Y-%m-%d")),
                &bytes,
                open,
            )
        });
        let _ = sender.unbounded_send(CarneEvent::Done(result.map_err(|e| e.to_string())));
    });
    Task::run(receiver, Message::Carnes)
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
            carne_progress: None,
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
            Message::PrintPdf => {
                let Some(report) = &self.report else {
                    return Outcome::None;
                };
                let result =
                    crate::services::day_end::to_pdf(report, context.settings.store.display_name())
                        .and_then(|bytes| {
                            crate::ui::print::save_and_open(
                                context.path(),
                                &format!("fechamento-{}.pdf", self.date.format("%Y-%m-%d")),
                                &bytes,
                                context.open_documents,
                            )
                        });
                match result {
                    Ok(path) => {
                        Outcome::Notice(crate::t!("print-saved", path = path.display().to_string()))
                    }
                    Err(error) => Outcome::Error(error.to_string()),
                }
            }
            Message::PrintCarnes => {
                self.carne_progress = Some((0, 0));
                Outcome::Task(print_carnes(context, self.date))
            }
            Message::Carnes(CarneEvent::Progress(done, total)) => {
                self.carne_progress = Some((done, total));
                Outcome::None
            }
            Message::Carnes(CarneEvent::Done(result)) => {
                self.carne_progress = None;
                match result {
                    Ok(path) => {
                        Outcome::Notice(crate::t!("print-saved", path = path.display().to_string()))
                    }
                    Err(error) => Outcome::Error(error),
                }
            }
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
            widget::secondary_button(
                crate::t!("print-day-end"),
                self.report.is_some().then_some(Message::PrintPdf)
            ),
            widget::secondary_button(
                crate::t!("print-day-carnes"),
                self.carne_progress
                    .is_none()
                    .then_some(Message::PrintCarnes)
            ),
        ]
        .spacing(8)
        .align_y(Alignment::Center);
        let mut page = column![controls].spacing(14);
        if let Some((done, total)) = self.carne_progress {
            page = page.push(
                row![
                    iced::widget::progress_bar(0.0..=total.max(1) as f32, done as f32)
                        .length(240)
                        .girth(10),
                    text(crate::t!(
                        "print-progress",
                        done = done.to_string(),
                        total = total.to_string()
                    )),
                ]
                .spacing(10)
                .align_y(Alignment::Center),
            );
        }
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
