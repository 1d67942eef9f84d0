//! The store's settings and the validated `key = value` view the CLI and the
//! settings screen edit.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::band::{BandConfig, BandDefinition, BandError};
use super::calendar::{Calendar, Holiday, HolidayError};
use super::charges::{ChargesPolicy, PolicyError};
use super::customer::{
    Address, FieldError, FieldErrors, FormField, format_phone, format_postal_code, normalize_phone,
    normalize_postal_code, normalize_state, validate_email,
};
use super::document::{TaxId, TaxIdError};
use super::negotiation::{NegotiationPolicy, PolicyProblem};
use super::rate::{BasisPoints, RateParseError};
use super::ruler::{ContactRules, RulerProblem, TemplateKind};
use super::templates::{Template, TemplateProblem};
use super::text::tidy;
use crate::boleto::pix_key::PixKey;

/// The payee (beneficiário): printed on every collection document (CDC art. 42-A).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreProfile {
    pub legal_name: String,
    pub trade_name: String,
    pub cnpj: Option<TaxId>,
    pub address: Address,
    pub phone: String,
    pub email: String,
    /// Printed as a Pix QR on carnês, receipts and second copies when set.
    #[serde(default)]
    pub pix_key: Option<PixKey>,
}

impl StoreProfile {
    /// The name to show: the trade name when there is one.
    pub fn display_name(&self) -> &str {
        if self.trade_name.trim().is_empty() {
            &self.legal_name
        } else {
            &self.trade_name
        }
    }
}

/// The store's data as typed in the welcome or settings form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoreInput {
    pub legal_name: String,
    pub trade_name: String,
    pub cnpj: String,
    pub street: String,
    pub number: String,
    pub complement: String,
    pub district: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub phone: String,
    pub email: String,
    pub pix_key: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StoreField {
    LegalName,
    Cnpj,
    Street,
    City,
    State,
    PostalCode,
    Phone,
    Email,
    PixKey,
}

impl StoreField {
    pub fn label(self) -> String {
        match self {
            StoreField::LegalName => crate::t!("store-legal-name"),
            StoreField::Cnpj => crate::t!("store-cnpj"),
            StoreField::Street => crate::t!("customer-street"),
            StoreField::City => crate::t!("customer-city"),
            StoreField::State => crate::t!("customer-state"),
            StoreField::PostalCode => crate::t!("customer-postal-code"),
            StoreField::Phone => crate::t!("customer-phone"),
            StoreField::Email => crate::t!("customer-email"),
            StoreField::PixKey => crate::t!("store-pix-key"),
        }
    }
}

impl FormField for StoreField {
    fn label(self) -> String {
        StoreField::label(self)
    }
}

pub type StoreErrors = FieldErrors<StoreField>;

impl StoreInput {
    pub fn from_profile(store: &StoreProfile) -> StoreInput {
        StoreInput {
            legal_name: store.legal_name.clone(),
            trade_name: store.trade_name.clone(),
            cnpj: store
                .cnpj
                .as_ref()
                .map(TaxId::formatted)
                .unwrap_or_default(),
            street: store.address.street.clone(),
            number: store.address.number.clone(),
            complement: store.address.complement.clone(),
            district: store.address.district.clone(),
            city: store.address.city.clone(),
            state: store.address.state.clone(),
            postal_code: if store.address.postal_code.is_empty() {
                String::new()
            } else {
                format_postal_code(&store.address.postal_code)
            },
            phone: if store.phone.is_empty() {
                String::new()
            } else {
                format_phone(&store.phone)
            },
            email: store.email.clone(),
            pix_key: store
                .pix_key
                .as_ref()
                .map(|key| key.as_str().to_string())
                .unwrap_or_default(),
        }
    }

    /// Everything printed as the payee on collection documents must be there and valid.
    pub fn validate(&self) -> Result<StoreProfile, StoreErrors> {
        let mut errors = Vec::new();
        let required = |field: StoreField, value: &str, errors: &mut Vec<_>| {
            let value = tidy(value);
            if value.is_empty() {
                errors.push((field, FieldError::Required));
            }
            value
        };
        let legal_name = required(StoreField::LegalName, &self.legal_name, &mut errors);
        let cnpj = if self.cnpj.trim().is_empty() {
            errors.push((StoreField::Cnpj, FieldError::Required));
            None
        } else {
            match TaxId::parse_cnpj(&self.cnpj) {
                Ok(cnpj) => Some(cnpj),
                Err(error) => {
                    errors.push((StoreField::Cnpj, FieldError::TaxId(error)));
                    None
                }
            }
        };
        let street = required(StoreField::Street, &self.street, &mut errors);
        let city = required(StoreField::City, &self.city, &mut errors);
        let mut checked = |field: StoreField, result: Result<String, FieldError>| match result {
            Ok(value) => value,
            Err(error) => {
                errors.push((field, error));
                String::new()
            }
        };
        let state = checked(StoreField::State, normalize_state(&self.state));
        let postal_code = checked(
            StoreField::PostalCode,
            normalize_postal_code(&self.postal_code),
        );
        let phone = if self.phone.trim().is_empty() {
            checked(StoreField::Phone, Err(FieldError::Required))
        } else {
            checked(StoreField::Phone, normalize_phone(&self.phone))
        };
        let email = if self.email.trim().is_empty() {
            checked(StoreField::Email, Err(FieldError::Required))
        } else {
            checked(StoreField::Email, validate_email(&self.email))
        };
        let pix_key = if self.pix_key.trim().is_empty() {
            None
        } else {
            match PixKey::parse(&self.pix_key) {
                Ok(key) => Some(key),
                Err(error) => {
                    errors.push((StoreField::PixKey, FieldError::Message(error.to_string())));
                    None
                }
            }
        };
        if !errors.is_empty() {
            return Err(FieldErrors(errors));
        }
        Ok(StoreProfile {
            legal_name,
            trade_name: tidy(&self.trade_name),
            cnpj,
            address: Address {
                street,
                number: tidy(&self.number),
                complement: tidy(&self.complement),
                district: tidy(&self.district),
                city,
                state,
                postal_code,
            },
            phone,
            email,
            pix_key,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub store: StoreProfile,
    pub charges: ChargesPolicy,
    pub bands: BandConfig,
    pub holidays: Vec<Holiday>,
    /// The owner's limits for renegotiation.
    #[serde(default)]
    pub negotiation: NegotiationPolicy,
    /// The collection ruler: steps, contact window and caps.
    #[serde(default)]
    pub collection: ContactRules,
    /// The owner's own texts; a kind not here uses its default.
    #[serde(default)]
    pub templates: BTreeMap<TemplateKind, Template>,
    #[serde(default)]
    pub smtp: SmtpSettings,
}

/// How the connection to the mail server is protected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmtpSecurity {
    /// Port 587: plain connection upgraded to TLS before anything is said.
    #[default]
    StartTls,
    /// Port 465: TLS from the first byte.
    Tls,
}

impl SmtpSecurity {
    pub fn code(self) -> &'static str {
        match self {
            SmtpSecurity::StartTls => "starttls",
            SmtpSecurity::Tls => "tls",
        }
    }

    pub const ALL: [SmtpSecurity; 2] = [SmtpSecurity::StartTls, SmtpSecurity::Tls];

    pub fn from_code(code: &str) -> Option<SmtpSecurity> {
        match code.trim().to_lowercase().as_str() {
            "starttls" => Some(SmtpSecurity::StartTls),
            "tls" | "ssl" => Some(SmtpSecurity::Tls),
            _ => None,
        }
    }
}

impl fmt::Display for SmtpSecurity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SmtpSecurity::StartTls => "STARTTLS (587)",
            SmtpSecurity::Tls => "TLS (465)",
        })
    }
}

/// The store's mail server. The password is kept apart (the OS keyring), never here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub user: String,
    /// A certificate authority to trust besides the public ones (a server inside
    /// the store's network), as a PEM file.
    #[serde(default)]
    pub ca_file: String,
}

impl Default for SmtpSettings {
    fn default() -> SmtpSettings {
        SmtpSettings {
            host: String::new(),
            port: 587,
            security: SmtpSecurity::StartTls,
            user: String::new(),
            ca_file: String::new(),
        }
    }
}

impl SmtpSettings {
    pub fn is_set(&self) -> bool {
        !self.host.trim().is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    UnknownKey(String),
    NotWholeNumber(String),
    BadJson(String),
    Field(FieldError),
    TaxId(TaxIdError),
    Rate(RateParseError),
    Policy(PolicyError),
    Band(BandError),
    Holiday(HolidayError),
    Negotiation(PolicyProblem),
    Ruler(RulerProblem),
    Template(TemplateKind, TemplateProblem),
    SmtpSecurity(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::UnknownKey(key) => {
                let known = Settings::KEYS.join(", ");
                f.write_str(&crate::t!(
                    "config-unknown-key",
                    key = key.clone(),
                    known = known
                ))
            }
            ConfigError::NotWholeNumber(value) => {
                f.write_str(&crate::t!("config-not-number", value = value.clone()))
            }
            ConfigError::BadJson(detail) => {
                f.write_str(&crate::t!("config-bad-json", detail = detail.clone()))
            }
            ConfigError::Field(error) => error.fmt(f),
            ConfigError::TaxId(error) => error.fmt(f),
            ConfigError::Rate(error) => error.fmt(f),
            ConfigError::Policy(error) => error.fmt(f),
            ConfigError::Band(error) => error.fmt(f),
            ConfigError::Holiday(error) => error.fmt(f),
            ConfigError::Negotiation(error) => error.fmt(f),
            ConfigError::Ruler(error) => error.fmt(f),
            ConfigError::Template(kind, problem) => write!(f, "{kind}: {problem}"),
            ConfigError::SmtpSecurity(value) => {
                f.write_str(&crate::t!("smtp-security-unknown", value = value.clone()))
            }
        }
    }
}

impl std::error::Error for ConfigError {}

impl Settings {
    /// Every key `get` and `set` know, besides `bands.N.label|color|from|to`.
    pub const KEYS: [&'static str; 27] = [
        "store.legal_name",
        "store.trade_name",
        "store.cnpj",
        "store.phone",
        "store.email",
        "store.street",
        "store.number",
        "store.complement",
        "store.district",
        "store.city",
        "store.state",
        "store.postal_code",
        "store.pix_key",
        "charges.fine",
        "charges.monthly_interest",
        "bands",
        "bands.prescribed.label",
        "bands.prescribed.color",
        "holidays",
        "negotiation",
        "ruler",
        "smtp.host",
        "smtp.port",
        "smtp.security",
        "smtp.user",
        "bands.N.label|color",
        "bands.N.from|to",
    ];

    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.holidays.clone())
    }

    /// Keys and values, in the order of `KEYS`, for listing.
    pub fn entries(&self) -> Vec<(String, String)> {
        let mut keys: Vec<String> = Self::KEYS
            .iter()
            .filter(|key| !key.contains(".N."))
            .map(|key| key.to_string())
            .collect();
        for (index, _) in self.bands.bands.iter().enumerate() {
            for field in ["label", "color", "from", "to"] {
                keys.push(format!("bands.{}.{field}", index + 1));
            }
        }
        keys.into_iter()
            .filter_map(|key| self.get(&key).ok().map(|value| (key, value)))
            .collect()
    }

    pub fn get(&self, key: &str) -> Result<String, ConfigError> {
        let store = &self.store;
        let value = match key {
            "store.legal_name" => store.legal_name.clone(),
            "store.trade_name" => store.trade_name.clone(),
            "store.cnpj" => store
                .cnpj
                .as_ref()
                .map(TaxId::formatted)
                .unwrap_or_default(),
            "store.phone" => format_phone(&store.phone),
            "store.email" => store.email.clone(),
            "store.street" => store.address.street.clone(),
            "store.number" => store.address.number.clone(),
            "store.complement" => store.address.complement.clone(),
            "store.district" => store.address.district.clone(),
            "store.city" => store.address.city.clone(),
            "store.state" => store.address.state.clone(),
            "store.postal_code" => format_postal_code(&store.address.postal_code),
            "store.pix_key" => store
                .pix_key
                .as_ref()
                .map(|key| key.as_str().to_string())
                .unwrap_or_default(),
            "charges.fine" => self.charges.fine.to_string(),
            "charges.monthly_interest" => self.charges.monthly_interest.to_string(),
            "bands" => serde_json::to_string(&self.bands.bands).unwrap_or_default(),
            "bands.prescribed.label" => self.bands.prescribed_label.clone(),
            "bands.prescribed.color" => self.bands.prescribed_color.clone(),
            "holidays" => Holiday::format_list(&self.holidays),
            "negotiation" => serde_json::to_string(&self.negotiation).unwrap_or_default(),
            "ruler" => serde_json::to_string(&self.collection).unwrap_or_default(),
            "smtp.host" => self.smtp.host.clone(),
            "smtp.port" => self.smtp.port.to_string(),
            "smtp.security" => self.smtp.security.code().to_string(),
            "smtp.user" => self.smtp.user.clone(),
            _ => {
                let (band, field) = self.band_key(key)?;
                match field {
                    "label" => band.label.clone(),
                    "color" => band.color.clone(),
                    "from" => band.from_days.to_string(),
                    "to" => band.to_days.map(|d| d.to_string()).unwrap_or_default(),
                    _ => return Err(ConfigError::UnknownKey(key.to_string())),
                }
            }
        };
        Ok(value)
    }

    fn band_key<'k>(&self, key: &'k str) -> Result<(&BandDefinition, &'k str), ConfigError> {
        let index = Self::band_index(key, self.bands.bands.len())?;
        let field = key.rsplit('.').next().unwrap_or("");
        Ok((&self.bands.bands[index], field))
    }

    fn band_index(key: &str, count: usize) -> Result<usize, ConfigError> {
        let unknown = || ConfigError::UnknownKey(key.to_string());
        let mut parts = key.split('.');
        let (Some("bands"), Some(number), Some(_), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(unknown());
        };
        match number.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Ok(n - 1),
            _ => Err(unknown()),
        }
    }

    /// Sets one key, validating the value and the section it belongs to; on error
    /// nothing changes.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let mut next = self.clone();
        next.apply(key, value)?;
        next.validate_sections()?;
        *self = next;
        Ok(())
    }

    /// The checks every saved section passes: the legal caps, bands, negotiation limits,
    /// the ruler's window and caps, and the templates.
    pub fn validate_sections(&self) -> Result<(), ConfigError> {
        self.charges.validate().map_err(ConfigError::Policy)?;
        self.bands.validate().map_err(ConfigError::Band)?;
        self.negotiation
            .validate()
            .map_err(ConfigError::Negotiation)?;
        self.collection.validate().map_err(ConfigError::Ruler)?;
        for (kind, template) in &self.templates {
            if let Some(problem) = template.problems().into_iter().next() {
                return Err(ConfigError::Template(*kind, problem));
            }
        }
        Ok(())
    }

    /// The text the ruler sends for `kind`: the owner's, else the default.
    pub fn template(&self, kind: TemplateKind) -> Template {
        self.templates
            .get(&kind)
            .cloned()
            .unwrap_or_else(|| Template::default_for(kind))
    }

    fn apply(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let store = &mut self.store;
        let text = tidy(value);
        match key {
            "store.legal_name" => store.legal_name = text,
            "store.trade_name" => store.trade_name = text,
            "store.cnpj" => {
                store.cnpj = if text.is_empty() {
                    None
                } else {
                    Some(TaxId::parse_cnpj(&text).map_err(ConfigError::TaxId)?)
                }
            }
            "store.phone" => {
                store.phone = if text.is_empty() {
                    text
                } else {
                    normalize_phone(&text).map_err(ConfigError::Field)?
                }
            }
            "store.email" => {
                store.email = if text.is_empty() {
                    text
                } else {
                    validate_email(&text).map_err(ConfigError::Field)?
                }
            }
            "store.street" => store.address.street = text,
            "store.number" => store.address.number = text,
            "store.complement" => store.address.complement = text,
            "store.district" => store.address.district = text,
            "store.city" => store.address.city = text,
            "store.state" => {
                store.address.state = normalize_state(&text).map_err(ConfigError::Field)?
            }
            "store.postal_code" => {
                store.address.postal_code =
                    normalize_postal_code(&text).map_err(ConfigError::Field)?
            }
            "store.pix_key" => {
                store.pix_key = if text.is_empty() {
                    None
                } else {
                    Some(
                        PixKey::parse(&text)
                            .map_err(|e| ConfigError::Field(FieldError::Message(e.to_string())))?,
                    )
                }
            }
            "charges.fine" => {
                self.charges.fine = BasisPoints::parse_percent(value).map_err(ConfigError::Rate)?
            }
            "charges.monthly_interest" => {
                self.charges.monthly_interest =
                    BasisPoints::parse_percent(value).map_err(ConfigError::Rate)?
            }
            "bands" => {
                self.bands.bands = serde_json::from_str(value)
                    .map_err(|error| ConfigError::BadJson(error.to_string()))?
            }
            "bands.prescribed.label" => self.bands.prescribed_label = text,
            "bands.prescribed.color" => self.bands.prescribed_color = text.to_uppercase(),
            "holidays" => {
                self.holidays = Holiday::parse_list(value).map_err(ConfigError::Holiday)?
            }
            "negotiation" => {
                self.negotiation = serde_json::from_str(value)
                    .map_err(|error| ConfigError::BadJson(error.to_string()))?
            }
            "ruler" => {
                let mut rules: ContactRules = serde_json::from_str(value)
                    .map_err(|error| ConfigError::BadJson(error.to_string()))?;
                rules.sort_steps();
                self.collection = rules;
            }
            "smtp.host" => self.smtp.host = text,
            "smtp.port" => {
                self.smtp.port = text
                    .parse::<u16>()
                    .ok()
                    .filter(|port| *port > 0)
                    .ok_or_else(|| ConfigError::NotWholeNumber(text.clone()))?
            }
            "smtp.security" => {
                self.smtp.security = SmtpSecurity::from_code(&text)
                    .ok_or_else(|| ConfigError::SmtpSecurity(text.clone()))?
            }
            "smtp.user" => self.smtp.user = text,
            _ => {
                let index = Self::band_index(key, self.bands.bands.len())?;
                let band = &mut self.bands.bands[index];
                let whole = |text: &str| {
                    text.parse::<i64>()
                        .map_err(|_| ConfigError::NotWholeNumber(text.to_string()))
                };
                match key.rsplit('.').next().unwrap_or("") {
                    "label" => band.label = text,
                    "color" => band.color = text.to_uppercase(),
                    "from" => band.from_days = whole(&text)?,
                    "to" if text.is_empty() => band.to_days = None,
                    "to" => band.to_days = Some(whole(&text)?),
                    _ => return Err(ConfigError::UnknownKey(key.to_string())),
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_get_and_set() {
        let mut settings = Settings::default();
        settings
            .set("store.legal_name", "  Móveis   Conceição Ltda ")
            .unwrap();
        settings.set("store.cnpj", "34665388000161").unwrap();
        settings.set("store.state", "mg").unwrap();
        settings.set("store.postal_code", "30130-010").unwrap();
        settings.set("store.phone", "31 3222-1234").unwrap();
        settings.set("charges.fine", "1,5").unwrap();
        settings.set("bands.3.label", "Atraso curto").unwrap();
        settings
            .set("holidays", "08/12 Imaculada Conceição")
            .unwrap();
        assert_eq!(
            settings.get("store.legal_name").unwrap(),
            "Móveis Conceição Ltda"
        );
        assert_eq!(settings.get("store.cnpj").unwrap(), "34.665.388/0001-61");
        assert_eq!(settings.get("store.state").unwrap(), "MG");
        assert_eq!(settings.get("store.postal_code").unwrap(), "30130-010");
        assert_eq!(settings.get("store.phone").unwrap(), "(31) 3222-1234");
        assert_eq!(settings.get("charges.fine").unwrap(), "1,50 %");
        assert_eq!(settings.get("bands.3.label").unwrap(), "Atraso curto");
        assert_eq!(
            settings.get("holidays").unwrap(),
            "08/12 Imaculada Conceição"
        );
        let listed = settings.entries();
        assert!(
            listed
                .iter()
                .any(|(key, value)| key == "bands.10.to" && value.is_empty())
        );
    }

    #[test]
    fn the_store_form_reports_every_field_and_round_trips() {
        let errors = StoreInput::default().validate().unwrap_err();
        let fields: Vec<StoreField> = errors.0.iter().map(|(field, _)| *field).collect();
        assert_eq!(
            fields,
            vec![
                StoreField::LegalName,
                StoreField::Cnpj,
                StoreField::Street,
                StoreField::City,
                StoreField::State,
                StoreField::PostalCode,
                StoreField::Phone,
                StoreField::Email
            ]
        );
        let input = StoreInput {
            legal_name: " Móveis  Conceição Ltda".into(),
            cnpj: "12.abc.345/01de-35".into(),
            street: "Rua da Bahia".into(),
            city: "Belo Horizonte".into(),
            state: "mg".into(),
            postal_code: "30160011".into(),
            phone: "31 3222 1234".into(),
            email: "Loja@Exemplo.com.br".into(),
            ..Default::default()
        };
        let profile = input.validate().unwrap();
        assert_eq!(profile.legal_name, "Móveis Conceição Ltda");
        assert_eq!(profile.cnpj.as_ref().unwrap().as_str(), "12ABC34501DE35");
        let again = StoreInput::from_profile(&profile).validate().unwrap();
        assert_eq!(again, profile);
        let mut bad = input.clone();
        bad.cnpj = "111.444.777-35".into();
        let errors = bad.validate().unwrap_err();
        assert!(matches!(
            errors.0[0],
            (StoreField::Cnpj, FieldError::TaxId(_))
        ));
    }

    #[test]
    fn invalid_values_change_nothing() {
        let mut settings = Settings::default();
        let before = settings.clone();
        assert!(matches!(
            settings.set("charges.fine", "2,5"),
            Err(ConfigError::Policy(PolicyError::FineAboveCap(_)))
        ));
        assert!(matches!(
            settings.set("charges.monthly_interest", "1,01"),
            Err(ConfigError::Policy(PolicyError::InterestAboveCap(_)))
        ));
        assert!(matches!(
            settings.set("store.cnpj", "11.111.111/1111-11"),
            Err(ConfigError::TaxId(_))
        ));
        assert!(matches!(
            settings.set("store.cnpj", "111.444.777-35"),
            Err(ConfigError::TaxId(_))
        ));
        assert!(matches!(
            settings.set("bands.3.from", "7"),
            Err(ConfigError::Band(_))
        ));
        assert!(matches!(
            settings.set("bands.3.from", "sete"),
            Err(ConfigError::NotWholeNumber(_))
        ));
        assert!(matches!(
            settings.set("bands.99.label", "x"),
            Err(ConfigError::UnknownKey(_))
        ));
        assert!(matches!(
            settings.set("store.nope", "x"),
            Err(ConfigError::UnknownKey(_))
        ));
        assert!(matches!(
            settings.set("bands", "[1,2"),
            Err(ConfigError::BadJson(_))
        ));
        assert_eq!(settings, before);
    }
}
