//! First run: fill in the store, or open the demo store. Also where the app says why
//! the database could not be opened.

use iced::widget::{column, container, row, text};
use iced::{Element, Length, Task};

use super::store_form::{self, Edit};
use super::{Outcome, Route, off_thread};
use crate::domain::demo::DemoOptions;
use crate::domain::settings::{StoreField, StoreInput};
use crate::domain::users::{Role, UserInput};
use crate::services::settings::SetupError;
use crate::services::{self, Actor};
use crate::store::Database;
use crate::ui::widget;
use crate::ui::{Context, theme};

pub const DEMO_CUSTOMERS: u32 = 300;

pub struct State {
    input: StoreInput,
    owner: UserInput,
    owner_error: Option<String>,
    errors: Vec<(StoreField, String)>,
    /// The database could not be opened: nothing else can be done here.
    failed: Option<String>,
    creating_demo: bool,
}

#[derive(Clone, Debug)]
pub enum Message {
    Edit(Edit),
    OwnerName(String),
    OwnerPin(String),
    Save,
    OpenDemo,
    DemoDone(Result<(), String>),
}

pub fn start() -> Task<Message> {
    widget::focus_field(&crate::t!("store-legal-name"))
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    pub fn new() -> State {
        State {
            input: StoreInput::default(),
            owner: UserInput {
                name: String::new(),
                role: Role::Owner,
                pin: String::new(),
            },
            owner_error: None,
            errors: Vec::new(),
            failed: None,
            creating_demo: false,
        }
    }

    pub fn failed(message: String) -> State {
        State {
            failed: Some(message),
            ..State::new()
        }
    }

    pub fn errors(&self) -> &[(StoreField, String)] {
        &self.errors
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        if self.failed.is_some() {
            return Outcome::None;
        }
        match message {
            Message::Edit(edit) => {
                store_form::apply(&mut self.input, edit);
                if !self.errors.is_empty() {
                    self.errors = match self.input.validate() {
                        Ok(_) => Vec::new(),
                        Err(errors) => store_form::messages(&errors),
                    };
                }
                Outcome::None
            }
            Message::OwnerName(name) => {
                self.owner.name = name;
                Outcome::None
            }
            Message::OwnerPin(pin) => {
                self.owner.pin = crate::domain::users::pin_digits(&pin);
                Outcome::None
            }
            Message::Save => {
                // Both forms are checked before anything is saved, so every error shows.
                self.owner_error = self.owner.validate().err().map(|e| e.to_string());
                if let Err(errors) = self.input.validate() {
                    self.errors = store_form::messages(&errors);
                }
                if self.owner_error.is_some() || !self.errors.is_empty() {
                    return Outcome::Error(crate::t!("form-has-errors"));
                }
                match services::users::open_store(context.db_mut(), &self.owner, &self.input) {
                    Ok(owner) => {
                        context.sign_in(&owner);
                        if let Err(error) = context.reload_settings() {
                            return Outcome::Error(error.to_string());
                        }
                        Outcome::GoWithNotice(Route::Customers, crate::t!("welcome-saved"))
                    }
                    Err(SetupError::Invalid(errors)) => {
                        self.errors = store_form::messages(&errors);
                        Outcome::Error(crate::t!("form-has-errors"))
                    }
                    Err(SetupError::Failed(error)) => Outcome::Error(error.to_string()),
                }
            }
            Message::OpenDemo => {
                self.creating_demo = true;
                let path = context.path().to_path_buf();
                let actor: Actor = context.actor.clone();
                let today = context.today;
                Outcome::Task(Task::perform(
                    off_thread(move || {
                        let mut db = Database::open(&path)?;
                        services::demo::create(
                            &mut db,
                            &actor,
                            &DemoOptions {
                                customers: DEMO_CUSTOMERS,
                                seed: 1,
                                today,
                            },
                        )
                        .map(|_| ())
                    }),
                    |result| {
                        Message::DemoDone(match result {
                            Some(Ok(())) => Ok(()),
                            Some(Err(error)) => Err(error.to_string()),
                            None => Err(crate::t!("ui-worker-failed")),
                        })
                    },
                ))
            }
            Message::DemoDone(result) => {
                self.creating_demo = false;
                match result.and_then(|_| context.reload_settings().map_err(|e| e.to_string())) {
                    Ok(()) => Outcome::GoWithNotice(
                        Route::Counter,
                        format!(
                            "{} {}",
                            crate::t!("welcome-demo-ready"),
                            crate::t!(
                                "welcome-demo-people",
                                owner = services::demo::DEMO_OWNER,
                                pin = services::demo::DEMO_OWNER_PIN
                            )
                        ),
                    ),
                    Err(error) => Outcome::Error(error),
                }
            }
        }
    }

    pub fn view<'a>(&'a self, _context: &'a Context) -> Element<'a, Message> {
        let mut page = column![
            text(crate::t!("welcome-title")).size(30).font(theme::BOLD),
            text(crate::t!("welcome-intro")),
        ]
        .spacing(16)
        .max_width(900);
        if let Some(failure) = &self.failed {
            page = page.push(widget::card(
                column![
                    widget::heading(crate::t!("welcome-failed")),
                    widget::error_text(failure.clone()),
                ]
                .spacing(8),
            ));
        } else {
            page = page.push(widget::card(
                column![
                    widget::heading(crate::t!("welcome-store-title")),
                    store_form::view(&self.input, &self.errors).map(Message::Edit),
                    widget::heading(crate::t!("welcome-owner-title")),
                    widget::muted(crate::t!("welcome-owner-explain")),
                    row![
                        widget::field(
                            crate::t!("counter-owner-name"),
                            &self.owner.name,
                            None,
                            Message::OwnerName
                        ),
                        widget::secret_field(
                            crate::t!("counter-owner-pin"),
                            &self.owner.pin,
                            None,
                            Message::OwnerPin
                        ),
                    ]
                    .spacing(12),
                    self.owner_error
                        .as_ref()
                        .map_or_else(widget::spacer, |e| widget::error_text(e.clone())),
                    widget::primary_button(crate::t!("welcome-save"), Some(Message::Save)),
                ]
                .spacing(12),
            ));
            let demo_label = if self.creating_demo {
                crate::t!("welcome-demo-creating")
            } else {
                crate::t!("welcome-demo")
            };
            page = page.push(widget::card(
                row![
                    column![
                        widget::heading(crate::t!("welcome-demo-title")),
                        widget::muted(crate::t!(
                            "welcome-demo-explain",
                            count = DEMO_CUSTOMERS.to_string()
                        )),
                    ]
                    .spacing(6)
                    .width(Length::Fill),
                    widget::secondary_button(
                        demo_label,
                        (!self.creating_demo).then_some(Message::OpenDemo)
                    ),
                ]
                .spacing(12)
                .align_y(iced::Alignment::Center),
            ));
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
