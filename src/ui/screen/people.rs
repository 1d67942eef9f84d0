//! The people at the counter, on the settings screen: who they are, and adding one
//! (only an owner may; the service refuses anyone else).

use iced::widget::{column, pick_list, row, text};
use iced::{Alignment, Element, Length};

use crate::domain::users::{Role, UserInput};
use crate::services;
use crate::store::users::UserRecord;
use crate::ui::widget::{self, field, secret_field};
use crate::ui::{Context, theme};

pub struct Form {
    users: Vec<UserRecord>,
    input: UserInput,
    error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Name(String),
    Role(Role),
    Pin(String),
    Add,
}

impl Form {
    pub fn new(context: &Context) -> Form {
        let (users, error) = match services::users::list(context.db()) {
            Ok(users) => (users, None),
            Err(error) => (Vec::new(), Some(error.to_string())),
        };
        Form {
            users,
            input: UserInput {
                name: String::new(),
                role: Role::Clerk,
                pin: String::new(),
            },
            error,
        }
    }

    /// Applies an edit; returns the notice to show when someone was added.
    pub fn update(&mut self, context: &mut Context, message: Message) -> Option<String> {
        match message {
            Message::Name(name) => self.input.name = name,
            Message::Role(role) => self.input.role = role,
            Message::Pin(pin) => {
                self.input.pin = crate::domain::users::pin_digits(&pin);
            }
            Message::Add => {
                let actor = context.actor.clone();
                return match services::users::add(context.db_mut(), &actor, &self.input) {
                    Ok(_) => {
                        let name = self.input.name.trim().to_string();
                        *self = Form::new(context);
                        Some(crate::t!("people-added", name = name))
                    }
                    Err(error) => {
                        self.error = Some(error.to_string());
                        None
                    }
                };
            }
        }
        None
    }

    pub fn view(&self, editable: bool) -> Element<'_, Message> {
        let mut list = column![widget::heading(crate::t!("people-title"))].spacing(6);
        for user in &self.users {
            list = list.push(
                row![
                    text(user.name.clone()).width(Length::FillPortion(3)),
                    text(user.role.label())
                        .size(theme::SMALL)
                        .width(Length::FillPortion(2)),
                ]
                .spacing(8),
            );
        }
        if !editable {
            return list.into();
        }
        let roles = vec![Role::Clerk, Role::Owner];
        let form = row![
            field(
                crate::t!("people-name"),
                &self.input.name,
                None,
                Message::Name
            ),
            column![
                text(crate::t!("people-role")).size(theme::SMALL),
                pick_list(roles, Some(self.input.role), Message::Role).padding(6),
            ]
            .spacing(3),
            secret_field(crate::t!("people-pin"), &self.input.pin, None, Message::Pin),
            widget::secondary_button(crate::t!("people-add"), Some(Message::Add)),
        ]
        .spacing(12)
        .align_y(Alignment::End);
        list = list.push(form);
        if let Some(error) = &self.error {
            list = list.push(widget::error_text(error.clone()));
        }
        list.into()
    }
}
