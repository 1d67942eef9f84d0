//! The desktop app (iced). Each screen is a module with its own State, Message,
//! update and view; the root routes between them and owns what they share.

pub mod background;
pub mod context;
pub mod print;
pub mod screen;
pub mod system;
pub mod theme;
pub mod widget;

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::keyboard::{self, Key, key::Named};
use iced::widget::{button, column, container, row, text};
use iced::{Element, Event, Length, Subscription, Task, event, window};

pub use context::Context;
pub use screen::Route;
use screen::{
    Outcome, bank, board, counter, customer, customer_form, customers, day_end, help, negotiate,
    outbox, payment, sale, settings, today, welcome,
};

use crate::error::Result;
use crate::store::Database;

pub struct App {
    pub context: Context,
    screen: Screen,
    notice: Option<Notice>,
    /// What the ruler's last round did, for the sidebar.
    round: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

pub enum Screen {
    Welcome(welcome::State),
    Counter(counter::State),
    Customers(customers::State),
    CustomerForm(customer_form::State),
    Customer(customer::State),
    Sale(sale::State),
    Payment(payment::State),
    Negotiate(negotiate::State),
    Board(board::State),
    Today(today::State),
    Outbox(outbox::State),
    Bank(bank::State),
    Help(help::State),
    DayEnd(day_end::State),
    Settings(Box<settings::State>),
}

#[derive(Clone, Debug)]
pub enum Message {
    Go(Route),
    Key(Key, keyboard::Modifiers),
    TogglePrivacy,
    DismissNotice,
    Welcome(welcome::Message),
    Counter(counter::Message),
    Customers(customers::Message),
    CustomerForm(customer_form::Message),
    Customer(customer::Message),
    Sale(sale::Message),
    Payment(payment::Message),
    Negotiate(negotiate::Message),
    Board(board::Message),
    Today(today::Message),
    Outbox(outbox::Message),
    Bank(bank::Message),
    Help(help::Message),
    DayEnd(day_end::Message),
    Settings(settings::Message),
    /// Time for the ruler's round.
    Tick,
    Round(std::result::Result<String, String>),
}

/// Opens the app on the database at `path`, acting as of `today` (the clock's if none).
pub fn run(path: PathBuf, today: Option<NaiveDate>) -> iced::Result {
    iced::application(
        move || App::boot(path.clone(), today),
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(|_: &App| theme::theme())
    .subscription(App::subscription)
    .font(theme::FONT_BYTES)
    .font(theme::BOLD_FONT_BYTES)
    .default_font(theme::FONT)
    .window(window_settings())
    .run()
}

/// The window: its size, Régua's icon, and on Linux the id the desktop entry is named by.
fn window_settings() -> iced::window::Settings {
    const ICON: &[u8] = include_bytes!("../../assets/icons/regua-64.rgba");
    #[allow(unused_mut)]
    let mut settings = iced::window::Settings {
        size: iced::Size::new(1280.0, 800.0),
        icon: iced::window::icon::from_rgba(ICON.to_vec(), 64, 64).ok(),
        ..Default::default()
    };
    #[cfg(target_os = "linux")]
    {
        settings.platform_specific.application_id = "br.app.regua.Regua".to_string();
    }
    settings
}

impl App {
    /// Opens the database; a database that cannot be opened shows why on the welcome
    /// screen instead of a window that dies.
    pub fn boot(path: PathBuf, today: Option<NaiveDate>) -> (App, Task<Message>) {
        match Self::new(path, today) {
            Ok(app) => {
                let task = Task::batch([app.screen_start(), app.round()]);
                (app, task)
            }
            Err(error) => {
                let context = Context::unavailable();
                let app = App {
                    screen: Screen::Welcome(welcome::State::failed(error.to_string())),
                    context,
                    notice: None,
                    round: None,
                };
                (app, Task::none())
            }
        }
    }

    /// The app on the database at `path`, acting as of `today` (the clock's date if
    /// none): the welcome screen for an empty database, else the board.
    pub fn new(path: PathBuf, today: Option<NaiveDate>) -> Result<App> {
        let db = Database::open(&path)?;
        if let Err(error) =
            crate::store::backup::daily_backup(&db, chrono::Local::now().date_naive())
        {
            eprintln!(
                "{}",
                crate::t!("cli-backup-warning", message = error.to_string())
            );
        }
        let empty = db.is_empty()?;
        let mut context = Context::new(db, path, today)?;
        let screen = if empty {
            Screen::Welcome(welcome::State::new())
        } else {
            Screen::Counter(counter::State::new(&mut context))
        };
        Ok(App {
            context,
            screen,
            notice: None,
            round: None,
        })
    }

    /// The ruler's round in the background, once the store exists.
    fn round(&self) -> Task<Message> {
        let set_up = !self.context.settings.store.legal_name.is_empty();
        if !self.context.is_ready() || !set_up {
            return Task::none();
        }
        background::run(
            self.context.path().to_path_buf(),
            self.context.today,
            Message::Round,
        )
    }

    pub fn round_status(&self) -> Option<&str> {
        self.round.as_deref()
    }

    pub fn title(&self) -> String {
        let name = self.context.settings.store.display_name();
        if name.is_empty() {
            "Régua".to_string()
        } else {
            format!("Régua — {name}")
        }
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    fn subscription(&self) -> Subscription<Message> {
        let keys = event::listen_with(|event, _status, _window: window::Id| match event {
            Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) => {
                Some(Message::Key(key, modifiers))
            }
            _ => None,
        });
        let rounds = iced::time::every(background::EVERY).map(|_| Message::Tick);
        Subscription::batch([keys, rounds])
    }

    /// The work a screen does as it opens (focus, loading).
    fn screen_start(&self) -> Task<Message> {
        match &self.screen {
            Screen::Customers(_) => customers::start().map(Message::Customers),
            Screen::Board(state) => state.start(&self.context).map(Message::Board),
            Screen::Welcome(_) => welcome::start().map(Message::Welcome),
            Screen::Counter(_) => counter::start().map(Message::Counter),
            Screen::CustomerForm(_) => customer_form::start().map(Message::CustomerForm),
            Screen::Sale(_) => sale::start().map(Message::Sale),
            Screen::Payment(_) => payment::start().map(Message::Payment),
            Screen::DayEnd(state) => state.start(&self.context).map(Message::DayEnd),
            Screen::Today(state) => state.start(&self.context).map(Message::Today),
            _ => Task::none(),
        }
    }

    pub fn go(&mut self, route: Route) -> Task<Message> {
        if !self.context.is_ready() && route != Route::Welcome {
            return Task::none();
        }
        // Nothing but choosing who is at the counter until someone has.
        let route = if self.context.signed_in() || route == Route::Welcome {
            route
        } else {
            Route::Counter
        };
        self.context.refresh_today();
        let context = &mut self.context;
        let opened = match route {
            Route::Welcome => Ok(Screen::Welcome(welcome::State::new())),
            Route::Counter => Ok(Screen::Counter(counter::State::new(context))),
            Route::Customers => Ok(Screen::Customers(customers::State::new())),
            Route::NewCustomer => Ok(Screen::CustomerForm(customer_form::State::new())),
            Route::EditCustomer(id) => {
                customer_form::State::edit(context, id).map(Screen::CustomerForm)
            }
            Route::Customer(id) => customer::State::load(context, id).map(Screen::Customer),
            Route::NewSale(id) => sale::State::new(context, id).map(Screen::Sale),
            Route::Payment(id) => payment::State::new(context, id).map(Screen::Payment),
            Route::Negotiate(id) => negotiate::State::new(context, id).map(Screen::Negotiate),
            Route::Board => Ok(Screen::Board(board::State::new(context))),
            Route::Today => Ok(Screen::Today(today::State::new())),
            Route::Outbox => Ok(Screen::Outbox(outbox::State::new(context))),
            Route::Bank => Ok(Screen::Bank(bank::State::new(context))),
            Route::Help => Ok(Screen::Help(help::State::new())),
            Route::DayEnd => Ok(Screen::DayEnd(day_end::State::new(context))),
            Route::Settings => Ok(Screen::Settings(Box::new(settings::State::new(context)))),
        };
        match opened {
            Ok(screen) => {
                self.screen = screen;
                self.screen_start()
            }
            Err(error) => {
                self.notice = Some(Notice {
                    text: error.to_string(),
                    is_error: true,
                });
                Task::none()
            }
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Go(route) => {
                self.notice = None;
                self.go(route)
            }
            Message::DismissNotice => {
                self.notice = None;
                Task::none()
            }
            Message::TogglePrivacy => {
                self.context.privacy = !self.context.privacy;
                Task::none()
            }
            Message::Key(key, modifiers) => self.key(key, modifiers),
            Message::Welcome(message) => match &mut self.screen {
                Screen::Welcome(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Welcome)
                }
                _ => Task::none(),
            },
            Message::Counter(message) => match &mut self.screen {
                Screen::Counter(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Counter)
                }
                _ => Task::none(),
            },
            Message::Customers(message) => match &mut self.screen {
                Screen::Customers(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Customers)
                }
                _ => Task::none(),
            },
            Message::CustomerForm(message) => match &mut self.screen {
                Screen::CustomerForm(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::CustomerForm)
                }
                _ => Task::none(),
            },
            Message::Customer(message) => match &mut self.screen {
                Screen::Customer(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Customer)
                }
                _ => Task::none(),
            },
            Message::Sale(message) => match &mut self.screen {
                Screen::Sale(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Sale)
                }
                _ => Task::none(),
            },
            Message::Payment(message) => match &mut self.screen {
                Screen::Payment(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Payment)
                }
                _ => Task::none(),
            },
            Message::Negotiate(message) => match &mut self.screen {
                Screen::Negotiate(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Negotiate)
                }
                _ => Task::none(),
            },
            Message::Board(message) => match &mut self.screen {
                Screen::Board(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Board)
                }
                _ => Task::none(),
            },
            Message::Today(message) => match &mut self.screen {
                Screen::Today(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Today)
                }
                _ => Task::none(),
            },
            Message::Help(message) => match &mut self.screen {
                Screen::Help(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Help)
                }
                _ => Task::none(),
            },
            Message::Bank(message) => match &mut self.screen {
                Screen::Bank(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Bank)
                }
                _ => Task::none(),
            },
            Message::Outbox(message) => match &mut self.screen {
                Screen::Outbox(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Outbox)
                }
                _ => Task::none(),
            },
            Message::Tick => {
                self.context.refresh_today();
                self.round()
            }
            Message::Round(result) => {
                self.round = Some(match result {
                    Ok(summary) => summary,
                    Err(error) => crate::t!("ruler-round-failed", error = error),
                });
                Task::none()
            }
            Message::DayEnd(message) => match &mut self.screen {
                Screen::DayEnd(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::DayEnd)
                }
                _ => Task::none(),
            },
            Message::Settings(message) => match &mut self.screen {
                Screen::Settings(state) => {
                    let outcome = state.update(&mut self.context, message);
                    self.apply(outcome, Message::Settings)
                }
                _ => Task::none(),
            },
        }
    }

    fn apply<M: Send + 'static>(
        &mut self,
        outcome: Outcome<M>,
        wrap: fn(M) -> Message,
    ) -> Task<Message> {
        match outcome {
            Outcome::None => Task::none(),
            Outcome::Task(task) => task.map(wrap),
            Outcome::Go(route) => {
                self.notice = None;
                self.go(route)
            }
            Outcome::GoWithNotice(route, text) => {
                let task = self.go(route);
                self.notice = Some(Notice {
                    text,
                    is_error: false,
                });
                task
            }
            Outcome::Notice(text) => {
                self.notice = Some(Notice {
                    text,
                    is_error: false,
                });
                Task::none()
            }
            Outcome::Error(text) => {
                self.notice = Some(Notice {
                    text,
                    is_error: true,
                });
                Task::none()
            }
        }
    }

    /// Shortcuts that work everywhere, then the screen's own keys.
    fn key(&mut self, key: Key, modifiers: keyboard::Modifiers) -> Task<Message> {
        let route = match key.as_ref() {
            Key::Named(Named::F2) => Some(Route::Customers),
            Key::Named(Named::F3) => Some(Route::Board),
            Key::Named(Named::F4) => Some(Route::DayEnd),
            Key::Named(Named::F5) => Some(Route::Today),
            Key::Named(Named::F6) => Some(Route::Bank),
            Key::Named(Named::F1) => Some(Route::Help),
            Key::Named(Named::F9) => Some(Route::Settings),
            _ => None,
        };
        if let Some(route) = route
            && !matches!(self.screen, Screen::Welcome(_) | Screen::Counter(_))
        {
            self.notice = None;
            return self.go(route);
        }
        match key.as_ref() {
            Key::Named(Named::F8) => return self.update(Message::TogglePrivacy),
            Key::Named(Named::Tab) => {
                return if modifiers.shift() {
                    iced::widget::operation::focus_previous()
                } else {
                    iced::widget::operation::focus_next()
                };
            }
            _ => {}
        }
        let enter = key == Key::Named(Named::Enter);
        let screen_message = match &self.screen {
            Screen::Customers(_) => customers::key(&key).map(Message::Customers),
            Screen::Board(_) => board::key(&key).map(Message::Board),
            // Enter confirms a form.
            Screen::Sale(_) if enter => Some(Message::Sale(sale::Message::Confirm)),
            Screen::Payment(_) if enter => Some(Message::Payment(payment::Message::Confirm)),
            Screen::CustomerForm(_) if enter => {
                Some(Message::CustomerForm(customer_form::Message::Save))
            }
            Screen::Welcome(_) if enter => Some(Message::Welcome(welcome::Message::Save)),
            Screen::Counter(_) if enter => Some(Message::Counter(counter::Message::Enter)),
            Screen::Settings(_) if enter => Some(Message::Settings(settings::Message::Save)),
            _ => None,
        };
        if let Some(message) = screen_message {
            return self.update(message);
        }
        if key == Key::Named(Named::Escape) {
            if self.notice.is_some() {
                self.notice = None;
                return Task::none();
            }
            if let Some(route) = self.back() {
                return self.go(route);
            }
        }
        Task::none()
    }

    /// Where Esc goes from the current screen.
    fn back(&self) -> Option<Route> {
        match &self.screen {
            Screen::Customer(_) | Screen::CustomerForm(_) => Some(match &self.screen {
                Screen::CustomerForm(state) => match state.editing() {
                    Some(id) => Route::Customer(id),
                    None => Route::Customers,
                },
                _ => Route::Customers,
            }),
            Screen::Sale(state) => Some(Route::Customer(state.customer_id())),
            Screen::Payment(state) => Some(Route::Customer(state.customer_id())),
            Screen::Negotiate(state) => Some(Route::Customer(state.customer_id())),
            Screen::DayEnd(_)
            | Screen::Settings(_)
            | Screen::Customers(_)
            | Screen::Today(_)
            | Screen::Bank(_)
            | Screen::Help(_) => Some(Route::Board),
            Screen::Outbox(_) => Some(Route::Today),
            Screen::Board(_) | Screen::Welcome(_) | Screen::Counter(_) => None,
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let context = &self.context;
        let content: Element<'_, Message> = match &self.screen {
            Screen::Welcome(state) => return state.view(context).map(Message::Welcome),
            Screen::Counter(state) => return state.view(context).map(Message::Counter),
            Screen::Customers(state) => state.view(context).map(Message::Customers),
            Screen::CustomerForm(state) => state.view(context).map(Message::CustomerForm),
            Screen::Customer(state) => state.view(context).map(Message::Customer),
            Screen::Sale(state) => state.view(context).map(Message::Sale),
            Screen::Payment(state) => state.view(context).map(Message::Payment),
            Screen::Negotiate(state) => state.view(context).map(Message::Negotiate),
            Screen::Board(state) => state.view(context).map(Message::Board),
            Screen::Today(state) => state.view(context).map(Message::Today),
            Screen::Outbox(state) => state.view(context).map(Message::Outbox),
            Screen::Bank(state) => state.view(context).map(Message::Bank),
            Screen::Help(state) => state.view(context).map(Message::Help),
            Screen::DayEnd(state) => state.view(context).map(Message::DayEnd),
            Screen::Settings(state) => state.view(context).map(Message::Settings),
        };
        let mut main = column![].spacing(10).padding(20);
        if context.privacy {
            main = main.push(
                container(text(crate::t!("ui-privacy-on")).size(theme::SMALL))
                    .padding([4, 10])
                    .width(Length::Fill)
                    .style(theme::privacy_banner),
            );
        }
        if let Some(notice) = &self.notice {
            main = main.push(
                container(
                    row![
                        text(notice.text.clone()).width(Length::Fill),
                        button(text("✕").size(theme::SMALL))
                            .style(button::text)
                            .on_press(Message::DismissNotice)
                    ]
                    .spacing(8),
                )
                .padding([6, 10])
                .width(Length::Fill)
                .style(theme::notice(notice.is_error)),
            );
        }
        main = main.push(content);
        row![
            self.sidebar(),
            container(main)
                .width(Length::Fill)
                .height(Length::Fill)
                .style(theme::page)
        ]
        .into()
    }

    fn sidebar(&self) -> Element<'_, Message> {
        let active = |route: &Route| -> bool {
            matches!(
                (&self.screen, route),
                (
                    Screen::Customers(_)
                        | Screen::Customer(_)
                        | Screen::CustomerForm(_)
                        | Screen::Sale(_)
                        | Screen::Payment(_),
                    Route::Customers
                ) | (Screen::Board(_), Route::Board)
                    | (Screen::Today(_) | Screen::Outbox(_), Route::Today)
                    | (Screen::DayEnd(_), Route::DayEnd)
                    | (Screen::Bank(_), Route::Bank)
                    | (Screen::Help(_), Route::Help)
                    | (Screen::Settings(_), Route::Settings)
            )
        };
        let entries = [
            (Route::Board, crate::t!("nav-board"), "F3"),
            (Route::Customers, crate::t!("nav-customers"), "F2"),
            (Route::Today, crate::t!("nav-today"), "F5"),
            (Route::DayEnd, crate::t!("nav-day-end"), "F4"),
            (Route::Bank, crate::t!("nav-bank"), "F6"),
            (Route::Settings, crate::t!("nav-settings"), "F9"),
            (Route::Help, crate::t!("nav-help"), "F1"),
        ];
        let mut items = column![
            text("Régua").size(theme::TITLE).font(theme::BOLD),
            text(self.context.settings.store.display_name().to_string()).size(theme::SMALL),
        ]
        .spacing(6)
        .padding(14)
        .width(210);
        items = items.push(iced::widget::Space::new().height(12));
        for (route, label, shortcut) in entries {
            let is_active = active(&route);
            items = items.push(
                button(
                    row![
                        text(label).width(Length::Fill),
                        text(shortcut).size(theme::SMALL)
                    ]
                    .spacing(6),
                )
                .width(Length::Fill)
                .padding([8, 10])
                .style(theme::nav_button(is_active))
                .on_press(Message::Go(route)),
            );
        }
        items = items.push(iced::widget::Space::new().height(Length::Fill));
        items = items.push(
            column![
                text(crate::t!("counter-at-counter"))
                    .size(theme::SMALL)
                    .color(iced::Color::from_rgb(0.8, 0.85, 0.9)),
                text(self.context.actor.name().to_string()),
                text(self.context.actor.role().label()).size(theme::SMALL),
            ]
            .spacing(2),
        );
        items = items.push(
            button(text(crate::t!("counter-switch")).size(theme::SMALL))
                .width(Length::Fill)
                .padding([6, 10])
                .style(theme::nav_button(false))
                .on_press(Message::Go(Route::Counter)),
        );
        let privacy_label = if self.context.privacy {
            crate::t!("ui-privacy-off-button")
        } else {
            crate::t!("ui-privacy-on-button")
        };
        items = items.push(
            button(
                row![
                    text(privacy_label).width(Length::Fill),
                    text("F8").size(theme::SMALL)
                ]
                .spacing(6),
            )
            .width(Length::Fill)
            .padding([8, 10])
            .style(theme::nav_button(self.context.privacy))
            .on_press(Message::TogglePrivacy),
        );
        items = items.push(
            text(self.context.today_label())
                .size(theme::SMALL)
                .color(iced::Color::from_rgb(0.8, 0.85, 0.9)),
        );
        if let Some(round) = &self.round {
            items = items.push(
                text(round.clone())
                    .size(theme::SMALL)
                    .color(iced::Color::from_rgb(0.8, 0.85, 0.9)),
            );
        }
        container(items)
            .height(Length::Fill)
            .style(theme::sidebar)
            .into()
    }
}
