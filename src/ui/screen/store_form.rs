//! The store's data (legal name, CNPJ, address, phone, e-mail) as a form, shared by
//! the welcome and the settings screens.

use iced::Element;
use iced::widget::{column, row};

use crate::domain::settings::{StoreErrors, StoreField, StoreInput};
use crate::ui::widget::field;

#[derive(Clone, Debug)]
pub enum Edit {
    LegalName(String),
    TradeName(String),
    Cnpj(String),
    Street(String),
    Number(String),
    Complement(String),
    District(String),
    City(String),
    State(String),
    PostalCode(String),
    Phone(String),
    Email(String),
    PixKey(String),
}

pub fn apply(input: &mut StoreInput, edit: Edit) {
    match edit {
        Edit::LegalName(value) => input.legal_name = value,
        Edit::TradeName(value) => input.trade_name = value,
        Edit::Cnpj(value) => input.cnpj = value,
        Edit::Street(value) => input.street = value,
        Edit::Number(value) => input.number = value,
        Edit::Complement(value) => input.complement = value,
        Edit::District(value) => input.district = value,
        Edit::City(value) => input.city = value,
        Edit::State(value) => input.state = value,
        Edit::PostalCode(value) => input.postal_code = value,
        Edit::Phone(value) => input.phone = value,
        Edit::Email(value) => input.email = value,
        Edit::PixKey(value) => input.pix_key = value,
    }
}

/// Each field's message, for showing beside it.
pub fn messages(errors: &StoreErrors) -> Vec<(StoreField, String)> {
    errors
        .0
        .iter()
        .map(|(field, error)| (*field, error.to_string()))
        .collect()
}

pub fn view<'a>(input: &'a StoreInput, errors: &'a [(StoreField, String)]) -> Element<'a, Edit> {
    let error = |wanted: StoreField| {
        errors
            .iter()
            .find(|(field, _)| *field == wanted)
            .map(|(_, message)| message.as_str())
    };
    column![
        row![
            field(
                crate::t!("store-legal-name"),
                &input.legal_name,
                error(StoreField::LegalName),
                Edit::LegalName
            ),
            field(
                crate::t!("store-trade-name"),
                &input.trade_name,
                None,
                Edit::TradeName
            ),
        ]
        .spacing(12),
        row![
            field(
                crate::t!("store-cnpj"),
                &input.cnpj,
                error(StoreField::Cnpj),
                Edit::Cnpj
            ),
            field(
                crate::t!("customer-phone"),
                &input.phone,
                error(StoreField::Phone),
                Edit::Phone
            ),
            field(
                crate::t!("customer-email"),
                &input.email,
                error(StoreField::Email),
                Edit::Email
            ),
        ]
        .spacing(12),
        row![
            field(
                crate::t!("customer-street"),
                &input.street,
                error(StoreField::Street),
                Edit::Street
            ),
            field(
                crate::t!("customer-number"),
                &input.number,
                None,
                Edit::Number
            )
            .width(110),
            field(
                crate::t!("customer-complement"),
                &input.complement,
                None,
                Edit::Complement
            )
            .width(170),
        ]
        .spacing(12),
        row![
            field(
                crate::t!("customer-district"),
                &input.district,
                None,
                Edit::District
            ),
            field(
                crate::t!("customer-city"),
                &input.city,
                error(StoreField::City),
                Edit::City
            ),
            field(
                crate::t!("customer-state"),
                &input.state,
                error(StoreField::State),
                Edit::State
            )
            .width(90),
            field(
                crate::t!("customer-postal-code"),
                &input.postal_code,
                error(StoreField::PostalCode),
                Edit::PostalCode
            )
            .width(140),
        ]
        .spacing(12),
        field(
            crate::t!("store-pix-key"),
            &input.pix_key,
            error(StoreField::PixKey),
            Edit::PixKey
        ),
    ]
    .spacing(10)
    .into()
}
