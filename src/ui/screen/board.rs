//! Painel: every overdue band with its colour and label, customers and updated
//! amount; a band's customers, sortable and searchable; an "as of" date.

use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use iced::keyboard::{Key, key::Named};
use iced::widget::{button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::{Outcome, Route};
use crate::domain::band::BandSlot;
use crate::services::board::{BandSort, BoardDetail, band_list};
use crate::ui::context::{date_label, parse_date};
use crate::ui::widget;
use crate::ui::{Context, theme};

/// Rows drawn for a band; the search narrows the rest.
const SHOWN: usize = 200;

pub struct State {
    as_of: NaiveDate,
    as_of_text: String,
    detail: Option<Arc<BoardDetail>>,
    loading: bool,
    error: Option<String>,
    selected: BandSlot,
    sort: BandSort,
    filter: String,
}

#[derive(Clone, Debug)]
pub enum Message {
    Loaded(Result<Arc<BoardDetail>, String>),
    AsOf(String),
    AsOfSubmit,
    Today,
    PreviousDay,
    NextDay,
    Select(BandSlot),
    Sort(BandSort),
    Filter(String),
    Open(i64),
    Up,
    Down,
}

pub fn key(key: &Key) -> Option<Message> {
    match key.as_ref() {
        Key::Named(Named::ArrowUp) => Some(Message::Up),
        Key::Named(Named::ArrowDown) => Some(Message::Down),
        _ => None,
    }
}

/// Computes the board on its own connection, off the UI thread.
pub fn load(path: std::path::PathBuf, as_of: NaiveDate) -> Task<Message> {
    super::load(
        path,
        move |db| crate::services::board::detail(db, as_of),
        Message::Loaded,
    )
}

impl State {
    pub fn new(context: &Context) -> State {
        State {
            as_of: context.today,
            as_of_text: date_label(context.today),
            detail: None,
            loading: true,
            error: None,
            selected: BandSlot::Band(context.settings.bands.bands.len().min(6).saturating_sub(1)),
            sort: BandSort::Amount,
            filter: String::new(),
        }
    }

    pub fn start(&self, context: &Context) -> Task<Message> {
        load(context.path().to_path_buf(), self.as_of)
    }

    pub fn detail(&self) -> Option<&BoardDetail> {
        self.detail.as_deref()
    }

    pub fn selected(&self) -> BandSlot {
        self.selected
    }

    fn reload(&mut self, context: &Context, as_of: NaiveDate) -> Outcome<Message> {
        self.as_of = as_of;
        self.as_of_text = date_label(as_of);
        self.loading = true;
        Outcome::Task(load(context.path().to_path_buf(), as_of))
    }

    fn slots(&self, context: &Context) -> Vec<BandSlot> {
        context.settings.bands.slots().collect()
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Loaded(result) => {
                self.loading = false;
                match result {
                    Ok(detail) => {
                        self.error = None;
                        // Open on the worst band that has customers, if the current one is empty.
                        let empty = detail
                            .board
                            .rows
                            .iter()
                            .find(|r| r.slot == self.selected)
                            .is_none_or(|r| r.amounts.customers == 0);
                        if empty
                            && let Some(row) = detail
                                .board
                                .rows
                                .iter()
                                .rev()
                                .skip(1)
                                .find(|r| r.amounts.customers > 0)
                        {
                            self.selected = row.slot;
                        }
                        self.detail = Some(detail);
                    }
                    Err(error) => self.error = Some(error),
                }
                Outcome::None
            }
            Message::AsOf(text) => {
                self.as_of_text = text;
                Outcome::None
            }
            Message::AsOfSubmit => match parse_date(&self.as_of_text) {
                Some(date) => self.reload(context, date),
                None => Outcome::Error(crate::t!("ui-bad-date", text = self.as_of_text.clone())),
            },
            Message::Today => self.reload(context, context.today),
            Message::PreviousDay => self.reload(context, self.as_of - Duration::days(1)),
            Message::NextDay => self.reload(context, self.as_of + Duration::days(1)),
            Message::Select(slot) => {
                self.selected = slot;
                Outcome::None
            }
            Message::Sort(sort) => {
                self.sort = sort;
                Outcome::None
            }
            Message::Filter(text) => {
                self.filter = text;
                Outcome::None
            }
            Message::Open(id) => Outcome::Go(Route::Customer(id)),
            Message::Up | Message::Down => {
                let slots = self.slots(context);
                if let Some(position) = slots.iter().position(|s| *s == self.selected) {
                    let next = if matches!(message, Message::Up) {
                        position.saturating_sub(1)
                    } else {
                        (position + 1).min(slots.len() - 1)
                    };
                    self.selected = slots[next];
                }
                Outcome::None
            }
        }
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let controls = row![
            widget::title(crate::t!("board-screen-title")),
            widget::spacer(),
            text(crate::t!("board-as-of")),
            text_input("DD/MM/AAAA", &self.as_of_text)
                .on_input(Message::AsOf)
                .on_submit(Message::AsOfSubmit)
                .padding(6)
                .width(120),
            widget::secondary_button("◀", Some(Message::PreviousDay)),
            widget::secondary_button(crate::t!("board-today"), Some(Message::Today)),
            widget::secondary_button("▶", Some(Message::NextDay)),
        ]
        .spacing(8)
        .align_y(Alignment::Center);

        let Some(detail) = &self.detail else {
            let status = match &self.error {
                Some(error) => widget::error_text(error.clone()),
                None => text(crate::t!("board-loading")).into(),
            };
            return column![controls, status].spacing(14).into();
        };
        let mut page = column![controls].spacing(14);
        if self.loading {
            page = page.push(widget::muted(crate::t!("board-loading")));
        }
        if let Some(error) = &self.error {
            page = page.push(widget::error_text(error.clone()));
        }
        page.push(
            row![self.bands(detail, context), self.customers(detail, context)]
                .spacing(14)
                .height(Length::Fill),
        )
        .into()
    }

    fn bands<'a>(&'a self, detail: &'a BoardDetail, context: &'a Context) -> Element<'a, Message> {
        let board = &detail.board;
        let mut list = column![widget::header_cells(vec![
            (crate::t!("board-band"), 5, false),
            (crate::t!("board-customers"), 2, true),
            (crate::t!("board-total"), 4, true),
        ])]
        .spacing(3);
        for band in &board.rows {
            let line = row![
                container(widget::band_chip(&band.label, &band.color))
                    .width(Length::FillPortion(5)),
                text(band.amounts.customers.to_string())
                    .width(Length::FillPortion(2))
                    .align_x(iced::alignment::Horizontal::Right),
                text(context.money(band.amounts.total))
                    .width(Length::FillPortion(4))
                    .align_x(iced::alignment::Horizontal::Right),
            ]
            .spacing(8)
            .align_y(Alignment::Center);
            list = list.push(
                button(line)
                    .width(Length::Fill)
                    .padding([6, 8])
                    .style(theme::row_button(band.slot == self.selected))
                    .on_press(Message::Select(band.slot)),
            );
        }
        list = list.push(iced::widget::rule::horizontal(1));
        list = list.push(
            container(widget::cells(vec![
                (crate::t!("board-grand-total"), 5, false),
                (board.totals.customers.to_string(), 2, true),
                (context.money(board.totals.total), 4, true),
            ]))
            .padding([4, 8]),
        );
        let totals = &board.totals;
        list = list.push(
            container(widget::muted(crate::t!(
                "board-breakdown",
                principal = context.money(totals.principal),
                fine = context.money(totals.fine),
                interest = context.money(totals.interest),
                installments = totals.installments.to_string()
            )))
            .padding([0, 8]),
        );
        container(widget::card(list)).width(460).into()
    }

    fn customers<'a>(
        &'a self,
        detail: &'a BoardDetail,
        context: &'a Context,
    ) -> Element<'a, Message> {
        let shown = band_list(&detail.customers, self.selected, self.sort, &self.filter);
        let label = context.settings.bands.label(self.selected).to_string();
        let sort_button = |sort: BandSort, text_label: String| {
            button(text(text_label).size(theme::SMALL))
                .padding([4, 10])
                .style(if self.sort == sort {
                    button::primary
                } else {
                    button::secondary
                })
                .on_press(Message::Sort(sort))
        };
        let mut list = column![
            row![
                widget::heading(label),
                widget::spacer(),
                sort_button(BandSort::Amount, crate::t!("board-sort-amount")),
                sort_button(BandSort::DaysLate, crate::t!("board-sort-days")),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
            text_input(&crate::t!("board-filter-placeholder"), &self.filter)
                .on_input(Message::Filter)
                .padding(6),
            widget::muted(crate::t!(
                "board-band-count",
                count = shown.len().to_string()
            )),
            widget::header_cells(vec![
                (crate::t!("customer-name"), 5, false),
                (crate::t!("customer-tax-id"), 3, false),
                (crate::t!("statement-days"), 2, true),
                (crate::t!("board-total"), 3, true),
            ]),
        ]
        .spacing(6);
        let mut rows = column![].spacing(2);
        for customer in shown.iter().take(SHOWN) {
            let name = if customer.broken_agreement {
                format!(
                    "{} ⚠ {}",
                    context.name(&customer.name),
                    crate::t!("board-broken-agreement")
                )
            } else {
                context.name(&customer.name)
            };
            let line = widget::cells(vec![
                (name, 5, false),
                (
                    if context.privacy {
                        "•••".to_string()
                    } else {
                        customer.tax_id.clone()
                    },
                    3,
                    false,
                ),
                (customer.days_overdue.max(0).to_string(), 2, true),
                (context.money(customer.total), 3, true),
            ]);
            rows = rows.push(
                button(line)
                    .width(Length::Fill)
                    .padding([5, 8])
                    .style(theme::row_button(false))
                    .on_press(Message::Open(customer.customer_id)),
            );
        }
        if shown.len() > SHOWN {
            rows = rows.push(widget::muted(crate::t!(
                "board-more",
                shown = SHOWN.to_string(),
                count = shown.len().to_string()
            )));
        }
        list = list.push(iced::widget::scrollable(rows).height(Length::Fill));
        widget::card(list)
    }
}
