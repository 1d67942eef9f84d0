//! "Quem está no balcão?": the person at the counter identifies before anything else,
//! owners with their PIN. A store without anyone yet creates its first owner here.

use chrono::Utc;
use iced::widget::{column, container, row, text};
use iced::{Alignment, Element, Length, Task};

use super::{Outcome, Route};
use crate::domain::users::{Role, UserInput};
use crate::services;
use crate::store::users::UserRecord;
use crate::ui::widget;
use crate::ui::{Context, theme};

pub struct State {
    users: Vec<UserRecord>,
    chosen: Option<UserRecord>,
    pin: String,
    error: Option<String>,
    /// For a store that has nobody yet.
    new_owner: UserInput,
}

#[derive(Clone, Debug)]
pub enum Message {
    Choose(i64),
    Pin(String),
    Enter,
    Cancel,
    OwnerName(String),
    OwnerPin(String),
    CreateOwner,
}

pub fn start() -> Task<Message> {
    Task::batch([
        widget::focus_field(&crate::t!("counter-pin")),
        widget::focus_field(&crate::t!("counter-owner-name")),
    ])
}

impl State {
    pub fn new(context: &mut Context) -> State {
        // Whoever was here leaves: the next action is the next person's.
        context.sign_out();
        let (users, error) = match services::users::list(context.db()) {
            Ok(users) => (users, None),
            Err(error) => (Vec::new(), Some(error.to_string())),
        };
        State {
            users,
            chosen: None,
            pin: String::new(),
            error,
            new_owner: UserInput {
                name: String::new(),
                role: Role::Owner,
                pin: String::new(),
            },
        }
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Choose(id) => {
                self.error = None;
                self.pin.clear();
                let Some(user) = self.users.iter().find(|user| user.id == id).cloned() else {
                    return Outcome::None;
                };
                if user.pin_hash.is_none() {
                    return self.enter(context, user.id, "");
                }
                self.chosen = Some(user);
                Outcome::Task(widget::focus_field(&crate::t!("counter-pin")))
            }
            Message::Pin(pin) => {
                self.pin = crate::domain::users::pin_digits(&pin);
                Outcome::None
            }
            Message::Enter => match &self.chosen {
                Some(user) => {
                    let (id, pin) = (user.id, self.pin.clone());
                    self.enter(context, id, &pin)
                }
                None if self.users.is_empty() => self.create_owner(context),
                None => Outcome::None,
            },
            Message::Cancel => {
                self.chosen = None;
                self.pin.clear();
                self.error = None;
                Outcome::None
            }
            Message::OwnerName(name) => {
                self.new_owner.name = name;
                Outcome::None
            }
            Message::OwnerPin(pin) => {
                self.new_owner.pin = crate::domain::users::pin_digits(&pin);
                Outcome::None
            }
            Message::CreateOwner => self.create_owner(context),
        }
    }

    fn enter(&mut self, context: &mut Context, id: i64, pin: &str) -> Outcome<Message> {
        let checked = services::users::check_pin(context.db_mut(), id, pin, Utc::now());
        self.pin.clear();
        self.welcome(context, checked)
    }

    fn create_owner(&mut self, context: &mut Context) -> Outcome<Message> {
        let created = services::users::create_first_owner(context.db_mut(), &self.new_owner)
            .and_then(|id| services::users::get(context.db(), id));
        self.welcome(context, created)
    }

    /// Signs the person in and opens the board, or says why not.
    fn welcome(
        &mut self,
        context: &mut Context,
        user: crate::error::Result<UserRecord>,
    ) -> Outcome<Message> {
        match user {
            Ok(user) => {
                context.sign_in(&user);
                Outcome::GoWithNotice(
                    Route::Board,
                    crate::t!("counter-hello", name = user.name.clone()),
                )
            }
            Err(error) => {
                self.error = Some(error.to_string());
                Outcome::None
            }
        }
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let mut page = column![
            text(crate::t!("counter-title")).size(30).font(theme::BOLD),
            widget::muted(context.settings.store.display_name().to_string()),
        ]
        .spacing(16)
        .max_width(640);
        if self.users.is_empty() {
            page = page.push(widget::card(
                column![
                    widget::heading(crate::t!("counter-first-owner")),
                    widget::muted(crate::t!("counter-first-owner-explain")),
                    widget::field(
                        crate::t!("counter-owner-name"),
                        &self.new_owner.name,
                        None,
                        Message::OwnerName
                    ),
                    widget::secret_field(
                        crate::t!("counter-owner-pin"),
                        &self.new_owner.pin,
                        None,
                        Message::OwnerPin
                    ),
                    widget::primary_button(
                        crate::t!("counter-create-owner"),
                        Some(Message::CreateOwner)
                    ),
                ]
                .spacing(10),
            ));
        } else if let Some(user) = &self.chosen {
            page = page.push(widget::card(
                column![
                    widget::heading(user.name.clone()),
                    widget::muted(user.role.label()),
                    widget::secret_field(crate::t!("counter-pin"), &self.pin, None, Message::Pin),
                    row![
                        widget::primary_button(crate::t!("counter-enter"), Some(Message::Enter)),
                        widget::secondary_button(
                            crate::t!("counter-someone-else"),
                            Some(Message::Cancel)
                        ),
                    ]
                    .spacing(10),
                ]
                .spacing(10),
            ));
        } else {
            let mut people = column![widget::heading(crate::t!("counter-choose"))].spacing(8);
            for user in &self.users {
                people = people.push(
                    iced::widget::button(
                        row![
                            text(user.name.clone()).width(Length::Fill),
                            text(user.role.label()).size(theme::SMALL),
                        ]
                        .spacing(10)
                        .align_y(Alignment::Center),
                    )
                    .width(Length::Fill)
                    .padding([10, 14])
                    .style(iced::widget::button::secondary)
                    .on_press(Message::Choose(user.id)),
                );
            }
            page = page.push(widget::card(people));
        }
        if let Some(error) = &self.error {
            page = page.push(widget::error_text(error.clone()));
        }
        container(iced::widget::scrollable(
            container(page).padding(40).center_x(Length::Fill),
        ))
        .width(Length::Fill)
        .height(Length::Fill)
        .style(theme::page)
        .into()
    }
}
