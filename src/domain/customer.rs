//! The customer (pagador): identity, contact, consent per channel and the flags
//! that stop collection.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::document::{TaxId, TaxIdError, digits_only};
use super::text::tidy;

pub const STATES: [&str; 27] = [
    "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR",
    "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub number: String,
    pub complement: String,
    pub district: String,
    pub city: String,
    /// Two-letter state (UF).
    pub state: String,
    /// Eight digits.
    pub postal_code: String,
}

impl Address {
    /// "Rua das Flores, 12, apto 3 – Centro – Campinas/SP – CEP 13010-000"
    pub fn one_line(&self) -> String {
        let mut parts = Vec::new();
        let mut street = tidy(&self.street);
        for extra in [&self.number, &self.complement] {
            if !extra.trim().is_empty() {
                street.push_str(", ");
                street.push_str(extra.trim());
            }
        }
        if !street.is_empty() {
            parts.push(street);
        }
        if !self.district.trim().is_empty() {
            parts.push(tidy(&self.district));
        }
        if !self.city.trim().is_empty() {
            parts.push(format!("{}/{}", tidy(&self.city), self.state));
        }
        if !self.postal_code.is_empty() {
            parts.push(format!("CEP {}", format_postal_code(&self.postal_code)));
        }
        parts.join(" – ")
    }
}

/// Channels a customer agreed to be contacted on, for one purpose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channels {
    pub email: bool,
    pub whatsapp: bool,
    pub sms: bool,
}

/// Consent is kept apart for collection and for marketing (LGPD; `brazil-rules.md` §3.5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub collection: Channels,
    pub marketing: Channels,
}

/// Any of these stops collection for the customer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionStops {
    pub disputed: bool,
    /// Over-indebtedness procedure (superendividamento, CDC art. 104-A).
    pub over_indebted: bool,
    pub do_not_contact: bool,
}

impl CollectionStops {
    pub fn any(&self) -> bool {
        self.disputed || self.over_indebted || self.do_not_contact
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub name: String,
    pub tax_id: TaxId,
    /// Digits only, DDD included.
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub address: Address,
    pub notes: String,
    pub consent: Consent,
    pub stops: CollectionStops,
}

/// A customer as typed in a form or a command, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerInput {
    pub name: String,
    pub tax_id: String,
    pub phones: Vec<String>,
    pub email: String,
    pub address: Address,
    pub notes: String,
    pub consent: Consent,
    pub stops: CollectionStops,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerField {
    Name,
    TaxId,
    Phone,
    Email,
    Street,
    City,
    State,
    PostalCode,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    Required,
    TaxId(TaxIdError),
    Phone(String),
    Email(String),
    State(String),
    PostalCode(String),
    TooLong(usize),
    /// A message already in the user's language.
    Message(String),
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            FieldError::Required => crate::t!("field-required"),
            FieldError::TaxId(error) => error.to_string(),
            FieldError::Phone(value) => crate::t!("field-phone", value = value.clone()),
            FieldError::Email(value) => crate::t!("field-email", value = value.clone()),
            FieldError::State(value) => crate::t!("field-state", value = value.clone()),
            FieldError::PostalCode(value) => crate::t!("field-postal-code", value = value.clone()),
            FieldError::TooLong(max) => crate::t!("field-too-long", max = max.to_string()),
            FieldError::Message(message) => message.clone(),
        };
        f.write_str(&message)
    }
}

impl CustomerField {
    pub fn label(self) -> String {
        match self {
            CustomerField::Name => crate::t!("customer-name"),
            CustomerField::TaxId => crate::t!("customer-tax-id"),
            CustomerField::Phone => crate::t!("customer-phone"),
            CustomerField::Email => crate::t!("customer-email"),
            CustomerField::Street => crate::t!("customer-street"),
            CustomerField::City => crate::t!("customer-city"),
            CustomerField::State => crate::t!("customer-state"),
            CustomerField::PostalCode => crate::t!("customer-postal-code"),
        }
    }
}

/// A form's field, named in the person's language.
pub trait FormField: Copy + fmt::Debug {
    fn label(self) -> String;
}

impl FormField for CustomerField {
    fn label(self) -> String {
        CustomerField::label(self)
    }
}

/// Every field that failed, so a form can show each message beside its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldErrors<F>(pub Vec<(F, FieldError)>);

impl<F: FormField> fmt::Display for FieldErrors<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self
            .0
            .iter()
            .map(|(field, error)| format!("{}: {}", field.label(), error))
            .collect();
        f.write_str(&lines.join("\n"))
    }
}

impl<F: FormField> std::error::Error for FieldErrors<F> {}

pub type CustomerErrors = FieldErrors<CustomerField>;

const MAX_NAME: usize = 120;

impl CustomerInput {
    pub fn validate(&self) -> Result<Customer, CustomerErrors> {
        let mut errors = Vec::new();
        let name = tidy(&self.name);
        if name.is_empty() {
            errors.push((CustomerField::Name, FieldError::Required));
        } else if name.chars().count() > MAX_NAME {
            errors.push((CustomerField::Name, FieldError::TooLong(MAX_NAME)));
        }
        let tax_id = match TaxId::parse(&self.tax_id) {
            Ok(tax_id) => Some(tax_id),
            Err(error) => {
                errors.push((CustomerField::TaxId, FieldError::TaxId(error)));
                None
            }
        };
        let mut phones = Vec::new();
        for phone in self.phones.iter().filter(|p| !p.trim().is_empty()) {
            match normalize_phone(phone) {
                Ok(digits) => phones.push(digits),
                Err(error) => errors.push((CustomerField::Phone, error)),
            }
        }
        let email = match self.email.trim() {
            "" => None,
            text => match validate_email(text) {
                Ok(email) => Some(email),
                Err(error) => {
                    errors.push((CustomerField::Email, error));
                    None
                }
            },
        };
        let mut address = self.address.clone();
        address.street = tidy(&address.street);
        address.number = tidy(&address.number);
        address.complement = tidy(&address.complement);
        address.district = tidy(&address.district);
        address.city = tidy(&address.city);
        if address.street.is_empty() {
            errors.push((CustomerField::Street, FieldError::Required));
        }
        if address.city.is_empty() {
            errors.push((CustomerField::City, FieldError::Required));
        }
        match normalize_state(&address.state) {
            Ok(state) => address.state = state,
            Err(error) => errors.push((CustomerField::State, error)),
        }
        match normalize_postal_code(&address.postal_code) {
            Ok(code) => address.postal_code = code,
            Err(error) => errors.push((CustomerField::PostalCode, error)),
        }
        match (errors.is_empty(), tax_id) {
            (true, Some(tax_id)) => Ok(Customer {
                name,
                tax_id,
                phones,
                email,
                address,
                notes: self.notes.trim().to_string(),
                consent: self.consent,
                stops: self.stops,
            }),
            _ => Err(FieldErrors(errors)),
        }
    }
}

/// Brazilian phone with DDD: 10 digits (landline) or 11 (mobile, starting with 9);
/// a leading +55 is dropped.
pub fn normalize_phone(input: &str) -> Result<String, FieldError> {
    let mut digits = digits_only(input);
    if (digits.len() == 12 || digits.len() == 13) && digits.starts_with("55") {
        digits.drain(..2);
    }
    let bad = || FieldError::Phone(input.trim().to_string());
    let area_ok = digits.len() >= 2 && !digits[..2].contains('0');
    match digits.len() {
        10 if area_ok && matches!(&digits[2..3], "2" | "3" | "4" | "5") => Ok(digits),
        11 if area_ok && &digits[2..3] == "9" => Ok(digits),
        _ => Err(bad()),
    }
}

/// `(11) 98765-4321` / `(11) 3456-7890`.
pub fn format_phone(digits: &str) -> String {
    match digits.len() {
        10 => format!("({}) {}-{}", &digits[..2], &digits[2..6], &digits[6..]),
        11 => format!("({}) {}-{}", &digits[..2], &digits[2..7], &digits[7..]),
        _ => digits.to_string(),
    }
}

pub fn validate_email(input: &str) -> Result<String, FieldError> {
    let email = input.trim().to_lowercase();
    let bad = || FieldError::Email(input.trim().to_string());
    let (local, domain) = email.split_once('@').ok_or_else(bad)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| !c.is_whitespace() && c != '@' && c != ',' && c != ';');
    if domain_ok && local_ok && email.len() <= 254 {
        Ok(email)
    } else {
        Err(bad())
    }
}

pub fn normalize_state(input: &str) -> Result<String, FieldError> {
    let state = input.trim().to_uppercase();
    if state.is_empty() {
        return Err(FieldError::Required);
    }
    if STATES.contains(&state.as_str()) {
        Ok(state)
    } else {
        Err(FieldError::State(input.trim().to_string()))
    }
}

pub fn normalize_postal_code(input: &str) -> Result<String, FieldError> {
    if input.trim().is_empty() {
        return Err(FieldError::Required);
    }
    let digits = digits_only(input);
    let only_allowed = input
        .trim()
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == '.' || c == ' ');
    if digits.len() == 8 && only_allowed && digits != "00000000" {
        Ok(digits)
    } else {
        Err(FieldError::PostalCode(input.trim().to_string()))
    }
}

/// `01310-100`
pub fn format_postal_code(digits: &str) -> String {
    if digits.len() == 8 {
        format!("{}-{}", &digits[..5], &digits[5..])
    } else {
        digits.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CustomerInput {
        CustomerInput {
            name: "  Maria   da Conceição ".into(),
            tax_id: "111.444.777-35".into(),
            phones: vec!["(11) 98765-4321".into(), "".into()],
            email: "Maria@Exemplo.com.br".into(),
            address: Address {
                street: "Rua das Flores".into(),
                number: "12".into(),
                complement: "".into(),
                district: "Centro".into(),
                city: "Campinas".into(),
                state: "sp".into(),
                postal_code: "13010-000".into(),
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_customer_is_normalized() {
        let customer = input().validate().unwrap();
        assert_eq!(customer.name, "Maria da Conceição");
        assert_eq!(customer.tax_id.as_str(), "11144477735");
        assert_eq!(customer.phones, vec!["11987654321"]);
        assert_eq!(customer.email.as_deref(), Some("maria@exemplo.com.br"));
        assert_eq!(customer.address.state, "SP");
        assert_eq!(customer.address.postal_code, "13010000");
        assert_eq!(
            customer.address.one_line(),
            "Rua das Flores, 12 – Centro – Campinas/SP – CEP 13010-000"
        );
    }

    #[test]
    fn every_bad_field_is_reported() {
        let mut bad = input();
        bad.name = " ".into();
        bad.tax_id = "111.444.777-36".into();
        bad.phones = vec!["1234".into()];
        bad.email = "maria@".into();
        bad.address.state = "XX".into();
        bad.address.postal_code = "1301".into();
        let errors = bad.validate().unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|(field, _)| *field).collect();
        assert_eq!(
            fields,
            vec![
                CustomerField::Name,
                CustomerField::TaxId,
                CustomerField::Phone,
                CustomerField::Email,
                CustomerField::State,
                CustomerField::PostalCode
            ]
        );
    }

    #[test]
    fn phones() {
        assert_eq!(normalize_phone("+55 (21) 3456-7890").unwrap(), "2134567890");
        assert_eq!(format_phone("11987654321"), "(11) 98765-4321");
        assert_eq!(format_phone("2134567890"), "(21) 3456-7890");
        assert!(normalize_phone("(11) 8765-432").is_err());
        assert!(normalize_phone("(01) 98765-4321").is_err());
        assert!(normalize_phone("(11) 88765-4321").is_err());
    }

    #[test]
    fn emails_states_and_postal_codes() {
        assert!(validate_email("a@b.co").is_ok());
        assert!(validate_email("a b@c.com").is_err());
        assert!(validate_email("a@b").is_err());
        assert!(validate_email("a@@b.com").is_err());
        assert_eq!(normalize_state(" rj ").unwrap(), "RJ");
        assert!(normalize_state("RX").is_err());
        assert_eq!(normalize_postal_code("01310-100").unwrap(), "01310100");
        assert!(normalize_postal_code("01310-10A").is_err());
        assert!(normalize_postal_code("00000-000").is_err());
    }
}
