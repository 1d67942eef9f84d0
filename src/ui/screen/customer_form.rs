//! Registering or editing a customer, with each field's error beside it.

use iced::widget::{column, row, text_input};
use iced::{Element, Length, Task};

use super::{Outcome, Route};
use crate::domain::customer::{CustomerErrors, CustomerField, CustomerInput};
use crate::error::{Error, Result};
use crate::services;
use crate::ui::Context;
use crate::ui::widget::{self, check, field};

pub struct State {
    editing: Option<i64>,
    input: CustomerInput,
    phone: String,
    second_phone: String,
    /// Validation runs on every change once the clerk has tried to save.
    tried: bool,
    errors: Vec<(CustomerField, String)>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Name(String),
    TaxId(String),
    Phone(String),
    SecondPhone(String),
    Email(String),
    Street(String),
    Number(String),
    Complement(String),
    District(String),
    City(String),
    State(String),
    PostalCode(String),
    Notes(String),
    CollectionEmail(bool),
    CollectionWhatsapp(bool),
    CollectionSms(bool),
    MarketingEmail(bool),
    MarketingWhatsapp(bool),
    MarketingSms(bool),
    Disputed(bool),
    OverIndebted(bool),
    DoNotContact(bool),
    Save,
    Cancel,
}

pub fn start() -> Task<Message> {
    widget::focus_field(&crate::t!("customer-name"))
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    pub fn new() -> State {
        State {
            editing: None,
            input: CustomerInput::default(),
            phone: String::new(),
            second_phone: String::new(),
            tried: false,
            errors: Vec::new(),
        }
    }

    pub fn edit(context: &Context, id: i64) -> Result<State> {
        let record = services::customers::get(context.db(), id)?;
        let input = services::customers::input_from(&record);
        Ok(State {
            editing: Some(id),
            phone: input.phones.first().cloned().unwrap_or_default(),
            second_phone: input.phones.get(1).cloned().unwrap_or_default(),
            input,
            tried: false,
            errors: Vec::new(),
        })
    }

    pub fn editing(&self) -> Option<i64> {
        self.editing
    }

    pub fn errors(&self) -> &[(CustomerField, String)] {
        &self.errors
    }

    fn input(&self) -> CustomerInput {
        let mut input = self.input.clone();
        input.phones = vec![self.phone.clone(), self.second_phone.clone()];
        input
    }

    fn show(&mut self, errors: &CustomerErrors) {
        self.errors = errors
            .0
            .iter()
            .map(|(field, error)| (*field, error.to_string()))
            .collect();
    }

    fn revalidate(&mut self) {
        if self.tried {
            match self.input().validate() {
                Ok(_) => self.errors.clear(),
                Err(errors) => self.show(&errors),
            }
        }
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        let input = &mut self.input;
        match message {
            Message::Name(value) => input.name = value,
            Message::TaxId(value) => input.tax_id = value,
            Message::Phone(value) => self.phone = value,
            Message::SecondPhone(value) => self.second_phone = value,
            Message::Email(value) => input.email = value,
            Message::Street(value) => input.address.street = value,
            Message::Number(value) => input.address.number = value,
            Message::Complement(value) => input.address.complement = value,
            Message::District(value) => input.address.district = value,
            Message::City(value) => input.address.city = value,
            Message::State(value) => input.address.state = value,
            Message::PostalCode(value) => input.address.postal_code = value,
            Message::Notes(value) => input.notes = value,
            Message::CollectionEmail(on) => input.consent.collection.email = on,
            Message::CollectionWhatsapp(on) => input.consent.collection.whatsapp = on,
            Message::CollectionSms(on) => input.consent.collection.sms = on,
            Message::MarketingEmail(on) => input.consent.marketing.email = on,
            Message::MarketingWhatsapp(on) => input.consent.marketing.whatsapp = on,
            Message::MarketingSms(on) => input.consent.marketing.sms = on,
            Message::Disputed(on) => input.stops.disputed = on,
            Message::OverIndebted(on) => input.stops.over_indebted = on,
            Message::DoNotContact(on) => input.stops.do_not_contact = on,
            Message::Cancel => {
                return Outcome::Go(match self.editing {
                    Some(id) => Route::Customer(id),
                    None => Route::Customers,
                });
            }
            Message::Save => return self.save(context),
        }
        self.revalidate();
        Outcome::None
    }

    fn save(&mut self, context: &mut Context) -> Outcome<Message> {
        self.tried = true;
        let input = self.input();
        if let Err(errors) = input.validate() {
            self.show(&errors);
            return Outcome::Error(crate::t!("form-has-errors"));
        }
        let actor = context.actor.clone();
        let saved = match self.editing {
            Some(id) => {
                services::customers::update(context.db_mut(), &actor, id, &input).map(|_| id)
            }
            None => services::customers::create(context.db_mut(), &actor, &input),
        };
        match saved {
            Ok(id) => Outcome::GoWithNotice(Route::Customer(id), crate::t!("customer-saved")),
            Err(Error::Customer(errors)) => {
                self.show(&errors);
                Outcome::Error(crate::t!("form-has-errors"))
            }
            Err(Error::DuplicateTaxId(tax_id)) => {
                let message = crate::t!("error-duplicate-tax-id", tax_id = tax_id);
                self.errors = vec![(CustomerField::TaxId, message.clone())];
                Outcome::Error(message)
            }
            Err(error) => Outcome::Error(error.to_string()),
        }
    }

    fn error(&self, field: CustomerField) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, message)| message.as_str())
    }

    pub fn view<'a>(&'a self, _context: &'a Context) -> Element<'a, Message> {
        let input = &self.input;
        let address = &input.address;
        let title = match self.editing {
            Some(_) => crate::t!("customer-edit-title"),
            None => crate::t!("customer-new-title"),
        };
        let identity = column![
            field(
                crate::t!("customer-name"),
                &input.name,
                self.error(CustomerField::Name),
                Message::Name
            ),
            row![
                field(
                    crate::t!("customer-tax-id"),
                    &input.tax_id,
                    self.error(CustomerField::TaxId),
                    Message::TaxId
                ),
                field(
                    crate::t!("customer-phone"),
                    &self.phone,
                    self.error(CustomerField::Phone),
                    Message::Phone
                ),
                field(
                    crate::t!("customer-second-phone"),
                    &self.second_phone,
                    None,
                    Message::SecondPhone
                ),
            ]
            .spacing(12),
            field(
                crate::t!("customer-email"),
                &input.email,
                self.error(CustomerField::Email),
                Message::Email
            ),
        ]
        .spacing(10);
        let place = column![
            row![
                field(
                    crate::t!("customer-street"),
                    &address.street,
                    self.error(CustomerField::Street),
                    Message::Street
                ),
                field(
                    crate::t!("customer-number"),
                    &address.number,
                    None,
                    Message::Number
                )
                .width(120),
                field(
                    crate::t!("customer-complement"),
                    &address.complement,
                    None,
                    Message::Complement
                )
                .width(180),
            ]
            .spacing(12),
            row![
                field(
                    crate::t!("customer-district"),
                    &address.district,
                    None,
                    Message::District
                ),
                field(
                    crate::t!("customer-city"),
                    &address.city,
                    self.error(CustomerField::City),
                    Message::City
                ),
                field(
                    crate::t!("customer-state"),
                    &address.state,
                    self.error(CustomerField::State),
                    Message::State
                )
                .width(90),
                field(
                    crate::t!("customer-postal-code"),
                    &address.postal_code,
                    self.error(CustomerField::PostalCode),
                    Message::PostalCode
                )
                .width(140),
            ]
            .spacing(12),
        ]
        .spacing(10);
        let consent = &input.consent;
        let stops = &input.stops;
        let permissions = row![
            column![
                widget::bold(crate::t!("consent-collection")),
                check(
                    crate::t!("channel-email"),
                    consent.collection.email,
                    Message::CollectionEmail
                ),
                check(
                    crate::t!("channel-whatsapp"),
                    consent.collection.whatsapp,
                    Message::CollectionWhatsapp
                ),
                check(
                    crate::t!("channel-sms"),
                    consent.collection.sms,
                    Message::CollectionSms
                ),
            ]
            .spacing(6)
            .width(Length::Fill),
            column![
                widget::bold(crate::t!("consent-marketing")),
                check(
                    crate::t!("channel-email"),
                    consent.marketing.email,
                    Message::MarketingEmail
                ),
                check(
                    crate::t!("channel-whatsapp"),
                    consent.marketing.whatsapp,
                    Message::MarketingWhatsapp
                ),
                check(
                    crate::t!("channel-sms"),
                    consent.marketing.sms,
                    Message::MarketingSms
                ),
            ]
            .spacing(6)
            .width(Length::Fill),
            column![
                widget::bold(crate::t!("stops-title")),
                check(
                    crate::t!("stop-disputed"),
                    stops.disputed,
                    Message::Disputed
                ),
                check(
                    crate::t!("stop-over-indebted"),
                    stops.over_indebted,
                    Message::OverIndebted
                ),
                check(
                    crate::t!("stop-do-not-contact"),
                    stops.do_not_contact,
                    Message::DoNotContact
                ),
            ]
            .spacing(6)
            .width(Length::Fill),
        ]
        .spacing(12);
        let notes = column![
            iced::widget::text(crate::t!("customer-notes")).size(crate::ui::theme::SMALL),
            text_input(&crate::t!("customer-notes"), &input.notes)
                .on_input(Message::Notes)
                .padding(6),
        ]
        .spacing(3);
        let form = column![
            widget::title(title),
            widget::card(identity),
            widget::card(place),
            widget::card(permissions),
            notes,
            row![
                widget::primary_button(crate::t!("action-save"), Some(Message::Save)),
                widget::secondary_button(crate::t!("action-cancel"), Some(Message::Cancel)),
            ]
            .spacing(10),
        ]
        .spacing(14);
        widget::page_scroll(form)
    }
}
