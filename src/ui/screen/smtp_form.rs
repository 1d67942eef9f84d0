//! The store's mail server on the settings screen: host, port, security, user and
//! password (kept in the system's keyring, never in the database), and a button that
//! sends a test e-mail and shows the server's answer.

use iced::widget::{column, pick_list, row, text};
use iced::{Alignment, Element};

use crate::domain::settings::SmtpSecurity;
use crate::mail::secret::Vault;
use crate::services;
use crate::ui::widget::{self, field, secret_field};
use crate::ui::{Context, theme};

pub struct Form {
    host: String,
    port: String,
    security: SmtpSecurity,
    user: String,
    password: String,
    ca_file: String,
    test_to: String,
    /// Where the password goes on this PC.
    vault: Vault,
    result: Option<Result<String, String>>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Host(String),
    Port(String),
    Security(SmtpSecurity),
    User(String),
    Password(String),
    CaFile(String),
    TestTo(String),
    Save,
    Test,
}

impl Form {
    pub fn new(context: &Context) -> Form {
        let smtp = &context.settings.smtp;
        Form {
            host: smtp.host.clone(),
            port: smtp.port.to_string(),
            security: smtp.security,
            user: smtp.user.clone(),
            password: String::new(),
            ca_file: smtp.ca_file.clone(),
            test_to: context.settings.store.email.clone(),
            vault: Vault::for_database(context.path()),
            result: None,
        }
    }

    pub fn result(&self) -> Option<&Result<String, String>> {
        self.result.as_ref()
    }

    pub fn update(&mut self, context: &mut Context, message: Message) {
        match message {
            Message::Host(value) => self.host = value,
            Message::Port(value) => self.port = value,
            Message::Security(security) => {
                if self.port.trim().is_empty() || ["465", "587"].contains(&self.port.trim()) {
                    self.port = match security {
                        SmtpSecurity::StartTls => "587",
                        SmtpSecurity::Tls => "465",
                    }
                    .to_string();
                }
                self.security = security;
            }
            Message::User(value) => self.user = value,
            Message::Password(value) => self.password = value,
            Message::CaFile(value) => self.ca_file = value,
            Message::TestTo(value) => self.test_to = value,
            Message::Save => self.result = Some(self.save(context)),
            Message::Test => {
                self.result = Some(match self.save(context) {
                    Ok(_) => services::outbox::send_test(context.db(), &self.test_to)
                        .map(|()| crate::t!("smtp-test-sent", to = self.test_to.clone()))
                        .map_err(|error| error.to_string()),
                    Err(error) => Err(error),
                });
            }
        }
    }

    fn save(&mut self, context: &mut Context) -> Result<String, String> {
        let mut settings = context.settings.clone();
        let port = self
            .port
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|port| *port > 0)
            .ok_or_else(|| crate::t!("config-not-number", value = self.port.clone()))?;
        settings.smtp.host = self.host.trim().to_string();
        settings.smtp.port = port;
        settings.smtp.security = self.security;
        settings.smtp.user = self.user.trim().to_string();
        settings.smtp.ca_file = self.ca_file.trim().to_string();
        let actor = context.actor.clone();
        services::settings::replace(context.db_mut(), &actor, &settings)
            .and_then(|()| context.reload_settings())
            .map_err(|error| error.to_string())?;
        if !self.password.is_empty() {
            self.vault = services::outbox::set_password(context.db_mut(), &actor, &self.password)
                .map_err(|error| error.to_string())?;
            self.password.clear();
        }
        Ok(crate::t!("smtp-saved"))
    }

    pub fn view(&self, editable: bool) -> Element<'_, Message> {
        let mut content = column![
            widget::heading(crate::t!("settings-smtp")),
            row![
                field(crate::t!("smtp-host"), &self.host, None, Message::Host),
                column![
                    text(crate::t!("smtp-security")).size(theme::SMALL),
                    pick_list(
                        SmtpSecurity::ALL.to_vec(),
                        Some(self.security),
                        Message::Security
                    )
                    .padding(6),
                ]
                .spacing(3)
                .width(180),
                field(crate::t!("smtp-port"), &self.port, None, Message::Port).width(90),
            ]
            .spacing(12),
            row![
                field(crate::t!("smtp-user"), &self.user, None, Message::User),
                secret_field(
                    crate::t!("smtp-password"),
                    &self.password,
                    None,
                    Message::Password
                ),
            ]
            .spacing(12),
            field(
                crate::t!("smtp-ca-file"),
                &self.ca_file,
                None,
                Message::CaFile
            ),
        ]
        .spacing(8);
        content = content.push(match &self.vault {
            Vault::Keyring => widget::muted(crate::t!("smtp-vault-keyring")),
            Vault::File(path) => widget::error_text(crate::t!(
                "smtp-vault-file",
                path = path.display().to_string()
            )),
        });
        content = content.push(
            row![
                field(
                    crate::t!("smtp-test-to"),
                    &self.test_to,
                    None,
                    Message::TestTo
                )
                .width(320),
                widget::secondary_button(crate::t!("smtp-test"), editable.then_some(Message::Test)),
                widget::spacer(),
                widget::primary_button(crate::t!("smtp-save"), editable.then_some(Message::Save)),
            ]
            .spacing(10)
            .align_y(Alignment::End),
        );
        match &self.result {
            Some(Ok(message)) => content = content.push(text(message.clone())),
            Some(Err(message)) => content = content.push(widget::error_text(message.clone())),
            None => {}
        }
        content.into()
    }
}
