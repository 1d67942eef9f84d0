//! Clientes: find a customer as the clerk types; arrows and Enter open one.

use iced::keyboard::{Key, key::Named};
use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Length, Task};

use super::{Outcome, Route};
use crate::services;
use crate::store::customers::CustomerSummary;
use crate::ui::Context;
use crate::ui::theme;
use crate::ui::widget;

pub const SEARCH_ID: &str = "customer-search";
const LIMIT: u32 = 50;

#[derive(Default)]
pub struct State {
    query: String,
    results: Vec<CustomerSummary>,
    selected: usize,
    error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    QueryChanged(String),
    Up,
    Down,
    OpenSelected,
    Open(i64),
    New,
}

pub fn start() -> Task<Message> {
    iced::widget::operation::focus(SEARCH_ID)
}

/// Keys the list answers to while the search box has focus.
pub fn key(key: &Key) -> Option<Message> {
    match key.as_ref() {
        Key::Named(Named::ArrowUp) => Some(Message::Up),
        Key::Named(Named::ArrowDown) => Some(Message::Down),
        _ => None,
    }
}

impl State {
    pub fn new() -> State {
        State::default()
    }

    pub fn results(&self) -> &[CustomerSummary] {
        &self.results
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::QueryChanged(query) => {
                self.query = query;
                self.selected = 0;
                match services::customers::search(context.db(), &self.query, LIMIT) {
                    Ok(results) => {
                        self.results = results;
                        self.error = None;
                    }
                    Err(error) => self.error = Some(error.to_string()),
                }
                Outcome::None
            }
            Message::Up => {
                self.selected = self.selected.saturating_sub(1);
                Outcome::None
            }
            Message::Down => {
                if self.selected + 1 < self.results.len() {
                    self.selected += 1;
                }
                Outcome::None
            }
            Message::OpenSelected => match self.results.get(self.selected) {
                Some(found) => Outcome::Go(Route::Customer(found.id)),
                None => Outcome::None,
            },
            Message::Open(id) => Outcome::Go(Route::Customer(id)),
            Message::New => Outcome::Go(Route::NewCustomer),
        }
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let search = text_input(&crate::t!("customers-search-placeholder"), &self.query)
            .id(SEARCH_ID)
            .on_input(Message::QueryChanged)
            .on_submit(Message::OpenSelected)
            .padding(10)
            .size(theme::HEADING);
        let mut list = column![].spacing(2);
        if self.query.trim().is_empty() {
            list = list.push(widget::muted(crate::t!("customers-hint")));
        } else if self.results.is_empty() {
            list = list.push(text(crate::t!(
                "customers-none",
                query = self.query.clone()
            )));
        } else {
            list = list.push(widget::header_cells(vec![
                (crate::t!("customer-name"), 5, false),
                (crate::t!("customer-tax-id"), 3, false),
                (crate::t!("customer-city"), 3, false),
            ]));
            for (index, found) in self.results.iter().enumerate() {
                let line = widget::cells(vec![
                    (context.name(&found.name), 5, false),
                    (
                        if context.privacy {
                            "•••".to_string()
                        } else {
                            found.tax_id.clone()
                        },
                        3,
                        false,
                    ),
                    (format!("{}/{}", found.city, found.state), 3, false),
                ]);
                list = list.push(
                    button(line)
                        .width(Length::Fill)
                        .padding([6, 8])
                        .style(theme::row_button(index == self.selected))
                        .on_press(Message::Open(found.id)),
                );
            }
            if self.results.len() as u32 == LIMIT {
                list = list.push(widget::muted(crate::t!("customers-more")));
            }
        }
        let mut page = column![
            row![
                widget::title(crate::t!("nav-customers")),
                widget::spacer(),
                widget::primary_button(crate::t!("customers-new"), Some(Message::New)),
            ]
            .align_y(iced::Alignment::Center),
            search,
        ]
        .spacing(12);
        if let Some(error) = &self.error {
            page = page.push(widget::error_text(error.clone()));
        }
        page.push(iced::widget::scrollable(list).height(Length::Fill))
            .into()
    }
}
