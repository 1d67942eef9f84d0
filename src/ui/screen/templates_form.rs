//! The ruler's message texts on the settings screen: pick a kind, edit its subject and
//! body, preview it for a real customer, save it (refused with the reason when the law
//! forbids it) or go back to the default.

use iced::widget::{column, pick_list, row, text, text_editor};
use iced::{Alignment, Element, Length};

use crate::domain::ruler::TemplateKind;
use crate::domain::templates::{PLACEHOLDERS, Template};
use crate::services;
use crate::ui::widget::{self, field};
use crate::ui::{Context, theme};

pub struct Form {
    kind: TemplateKind,
    subject: String,
    body: text_editor::Content,
    customer: String,
    preview: Option<(String, String)>,
    problem: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Kind(TemplateKind),
    Subject(String),
    Body(text_editor::Action),
    Customer(String),
    Preview,
    Save,
    Reset,
}

impl Form {
    pub fn new(context: &Context) -> Form {
        let mut form = Form {
            kind: TemplateKind::FriendlyReminder,
            subject: String::new(),
            body: text_editor::Content::new(),
            customer: String::new(),
            preview: None,
            problem: None,
        };
        form.load(context);
        form
    }

    fn load(&mut self, context: &Context) {
        let template = context.settings.template(self.kind);
        self.subject = template.subject;
        self.body = text_editor::Content::with_text(&template.body);
        self.preview = None;
        self.problem = None;
    }

    fn template(&self) -> Template {
        Template {
            subject: self.subject.clone(),
            body: self.body.text(),
        }
    }

    pub fn subject(&self) -> &str {
        &self.subject
    }

    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    pub fn preview(&self) -> Option<&(String, String)> {
        self.preview.as_ref()
    }

    /// Applies `message`; a notice to show when something was saved.
    pub fn update(&mut self, context: &mut Context, message: Message) -> Option<String> {
        match message {
            Message::Kind(kind) => {
                self.kind = kind;
                self.load(context);
            }
            Message::Subject(value) => self.subject = value,
            Message::Body(action) => self.body.perform(action),
            Message::Customer(value) => self.customer = value,
            Message::Preview => {
                let template = self.template();
                let found =
                    services::customers::resolve(context.db(), &self.customer).and_then(|id| {
                        services::messages::preview(
                            context.db(),
                            self.kind,
                            &template,
                            id,
                            context.today,
                        )
                    });
                match found {
                    Ok(composed) => {
                        self.preview = Some((composed.subject, composed.body));
                        self.problem = None;
                    }
                    Err(error) => {
                        self.preview = None;
                        self.problem = Some(error.to_string());
                    }
                }
            }
            Message::Save | Message::Reset => {
                let template = self.template();
                let saving = matches!(message, Message::Save).then_some(&template);
                let actor = context.actor.clone();
                let saved =
                    services::settings::set_template(context.db_mut(), &actor, self.kind, saving);
                match saved.and_then(|()| context.reload_settings()) {
                    Ok(()) => {
                        self.load(context);
                        return Some(crate::t!("templates-saved", kind = self.kind.label()));
                    }
                    Err(error) => self.problem = Some(error.to_string()),
                }
            }
        }
        None
    }

    pub fn view(&self, editable: bool) -> Element<'_, Message> {
        let mut content = column![
            widget::heading(crate::t!("settings-templates")),
            row![
                column![
                    text(crate::t!("templates-kind")).size(theme::SMALL),
                    pick_list(TemplateKind::ALL.to_vec(), Some(self.kind), Message::Kind)
                        .padding(6),
                ]
                .spacing(3)
                .width(260),
                text(crate::t!("templates-tone", tone = self.kind.tone())).size(theme::SMALL),
            ]
            .spacing(12)
            .align_y(Alignment::End),
            field(
                crate::t!("templates-subject"),
                &self.subject,
                None,
                Message::Subject
            ),
            text(crate::t!("templates-body")).size(theme::SMALL),
            text_editor(&self.body)
                .on_action(Message::Body)
                .height(220)
                .padding(8),
            widget::muted(crate::t!(
                "templates-placeholders",
                names = PLACEHOLDERS
                    .iter()
                    .map(|name| format!("{{{name}}}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
        ]
        .spacing(8);
        if let Some(problem) = &self.problem {
            content = content.push(widget::error_text(problem.clone()));
        }
        content = content.push(
            row![
                field(
                    crate::t!("templates-customer"),
                    &self.customer,
                    None,
                    Message::Customer
                )
                .width(320),
                widget::secondary_button(crate::t!("templates-preview"), Some(Message::Preview)),
                widget::spacer(),
                widget::secondary_button(
                    crate::t!("templates-reset"),
                    editable.then_some(Message::Reset)
                ),
                widget::primary_button(
                    crate::t!("templates-save"),
                    editable.then_some(Message::Save)
                ),
            ]
            .spacing(10)
            .align_y(Alignment::End),
        );
        if let Some((subject, body)) = &self.preview {
            content = content.push(
                iced::widget::container(
                    column![
                        text(crate::t!(
                            "templates-preview-subject",
                            subject = subject.clone()
                        ))
                        .font(theme::BOLD),
                        text(body.clone()).size(theme::SMALL),
                    ]
                    .spacing(6),
                )
                .padding(10)
                .width(Length::Fill)
                .style(theme::card),
            );
        }
        content.into()
    }
}
