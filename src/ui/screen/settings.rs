//! Configurações: store data, bands, charges policy (within the legal caps), local
//! holidays and the language.

use iced::widget::{column, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::Outcome;
use super::store_form::{self, Edit};
use super::{negotiation_policy, people, ruler_form, smtp_form, templates_form};
use crate::boleto::account::{AccountField, AccountInput, Bank};
use crate::domain::band::BandDefinition;
use crate::domain::calendar::Holiday;
use crate::domain::rate::BasisPoints;
use crate::domain::settings::{Settings, StoreField, StoreInput};
use crate::error::Error;
use crate::i18n::Language;
use crate::services;
use crate::ui::widget::{self, field};
use crate::ui::{Context, theme};

#[derive(Clone, Debug, Default)]
struct BandRow {
    label: String,
    color: String,
    from: String,
    to: String,
}

pub struct State {
    store: StoreInput,
    store_errors: Vec<(StoreField, String)>,
    fine: String,
    interest: String,
    bands: Vec<BandRow>,
    prescribed_label: String,
    prescribed_color: String,
    holidays: String,
    /// Problems outside the store form, each in a sentence.
    errors: Vec<String>,
    account: AccountInput,
    account_errors: Vec<(AccountField, String)>,
    policy: negotiation_policy::Form,
    people: people::Form,
    ruler: ruler_form::Form,
    templates: templates_form::Form,
    smtp: smtp_form::Form,
}

#[derive(Clone, Debug)]
pub enum Message {
    Store(Edit),
    Fine(String),
    Interest(String),
    BandLabel(usize, String),
    BandColor(usize, String),
    BandFrom(usize, String),
    BandTo(usize, String),
    PrescribedLabel(String),
    PrescribedColor(String),
    Holidays(String),
    Language(Language),
    Save,
    Bank(Bank),
    Agency(String),
    Account(String),
    BeneficiaryCode(String),
    Wallet(String),
    SaveAccount,
    Policy(negotiation_policy::Edit),
    People(people::Message),
    Ruler(ruler_form::Edit),
    Templates(templates_form::Message),
    Smtp(smtp_form::Message),
}

impl State {
    pub fn new(context: &Context) -> State {
        let settings = &context.settings;
        State {
            store: StoreInput::from_profile(&settings.store),
            store_errors: Vec::new(),
            fine: decimal(settings.charges.fine),
            interest: decimal(settings.charges.monthly_interest),
            bands: settings
                .bands
                .bands
                .iter()
                .map(|band| BandRow {
                    label: band.label.clone(),
                    color: band.color.clone(),
                    from: band.from_days.to_string(),
                    to: band.to_days.map(|d| d.to_string()).unwrap_or_default(),
                })
                .collect(),
            prescribed_label: settings.bands.prescribed_label.clone(),
            prescribed_color: settings.bands.prescribed_color.clone(),
            holidays: Holiday::format_list(&settings.holidays),
            errors: Vec::new(),
            account: services::boletos::active_account(context.db())
                .ok()
                .flatten()
                .map(|account| AccountInput::from_account(&account))
                .unwrap_or_default(),
            account_errors: Vec::new(),
            policy: negotiation_policy::Form::from_policy(&settings.negotiation),
            people: people::Form::new(context),
            ruler: ruler_form::Form::from_rules(&settings.collection),
            templates: templates_form::Form::new(context),
            smtp: smtp_form::Form::new(context),
        }
    }

    pub fn templates(&self) -> &templates_form::Form {
        &self.templates
    }

    pub fn smtp(&self) -> &smtp_form::Form {
        &self.smtp
    }

    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Store(edit) => store_form::apply(&mut self.store, edit),
            Message::Fine(value) => self.fine = value,
            Message::Interest(value) => self.interest = value,
            Message::BandLabel(i, value) => self.bands[i].label = value,
            Message::BandColor(i, value) => self.bands[i].color = value,
            Message::BandFrom(i, value) => self.bands[i].from = value,
            Message::BandTo(i, value) => self.bands[i].to = value,
            Message::PrescribedLabel(value) => self.prescribed_label = value,
            Message::PrescribedColor(value) => self.prescribed_color = value,
            Message::Holidays(value) => self.holidays = value,
            Message::Language(language) => {
                return match context.set_language(language) {
                    Ok(()) => Outcome::Notice(crate::t!("settings-language-changed")),
                    Err(error) => Outcome::Error(error.to_string()),
                };
            }
            Message::Save => return self.save(context),
            Message::Bank(bank) => {
                if self.account.wallet.is_empty() || self.account.bank != Some(bank) {
                    self.account.wallet = bank.default_wallet().to_string();
                }
                self.account.bank = Some(bank);
            }
            Message::Agency(value) => self.account.agency = value,
            Message::Account(value) => self.account.account = value,
            Message::BeneficiaryCode(value) => self.account.beneficiary_code = value,
            Message::Wallet(value) => self.account.wallet = value,
            Message::SaveAccount => return self.save_account(context),
            Message::Policy(edit) => self.policy.apply(edit),
            Message::Ruler(edit) => self.ruler.apply(edit),
            Message::Templates(message) => {
                if let Some(notice) = self.templates.update(context, message) {
                    return Outcome::Notice(notice);
                }
            }
            Message::Smtp(message) => self.smtp.update(context, message),
            Message::People(message) => {
                if let Some(notice) = self.people.update(context, message) {
                    return Outcome::Notice(notice);
                }
            }
        }
        Outcome::None
    }

    /// Everything on the screen as settings, or the list of what is wrong.
    fn collect(&mut self, current: &Settings) -> Option<Settings> {
        let mut settings = current.clone();
        self.errors.clear();
        self.store_errors.clear();
        match self.store.validate() {
            Ok(profile) => settings.store = profile,
            Err(errors) => self.store_errors = store_form::messages(&errors),
        }
        match BasisPoints::parse_percent(&self.fine) {
            Ok(rate) => settings.charges.fine = rate,
            Err(error) => self
                .errors
                .push(format!("{}: {error}", crate::t!("settings-fine"))),
        }
        match BasisPoints::parse_percent(&self.interest) {
            Ok(rate) => settings.charges.monthly_interest = rate,
            Err(error) => self
                .errors
                .push(format!("{}: {error}", crate::t!("settings-interest"))),
        }
        let mut bands = Vec::new();
        for row in &self.bands {
            let from = row.from.trim().parse::<i64>();
            let to = if row.to.trim().is_empty() {
                Ok(None)
            } else {
                row.to.trim().parse::<i64>().map(Some)
            };
            match (from, to) {
                (Ok(from_days), Ok(to_days)) => bands.push(BandDefinition {
                    label: row.label.trim().to_string(),
                    color: row.color.trim().to_uppercase(),
                    from_days,
                    to_days,
                }),
                _ => self
                    .errors
                    .push(crate::t!("settings-band-days", label = row.label.clone())),
            }
        }
        settings.bands.bands = bands;
        settings.bands.prescribed_label = self.prescribed_label.trim().to_string();
        settings.bands.prescribed_color = self.prescribed_color.trim().to_uppercase();
        match Holiday::parse_list(&self.holidays) {
            Ok(holidays) => settings.holidays = holidays,
            Err(error) => self.errors.push(error.to_string()),
        }
        if let Err(error) = settings.charges.validate() {
            self.errors.push(error.to_string());
        }
        if let Err(error) = settings.bands.validate() {
            self.errors.push(error.to_string());
        }
        match self.policy.collect() {
            Ok(policy) => match policy.validate() {
                Ok(()) => settings.negotiation = policy,
                Err(problem) => self.errors.push(problem.to_string()),
            },
            Err(errors) => self.errors.extend(errors),
        }
        match self.ruler.collect() {
            Ok(rules) => settings.collection = rules,
            Err(errors) => self.errors.extend(errors),
        }
        (self.errors.is_empty() && self.store_errors.is_empty()).then_some(settings)
    }

    fn save(&mut self, context: &mut Context) -> Outcome<Message> {
        let current = context.settings.clone();
        let Some(settings) = self.collect(&current) else {
            return Outcome::Error(crate::t!("form-has-errors"));
        };
        let actor = context.actor.clone();
        match services::settings::replace(context.db_mut(), &actor, &settings) {
            Ok(()) => match context.reload_settings() {
                Ok(()) => Outcome::Notice(crate::t!("settings-saved")),
                Err(error) => Outcome::Error(error.to_string()),
            },
            Err(error) => {
                self.errors.push(error.to_string());
                Outcome::Error(error.to_string())
            }
        }
    }

    fn save_account(&mut self, context: &mut Context) -> Outcome<Message> {
        let actor = context.actor.clone();
        match services::boletos::set_account(context.db_mut(), &actor, &self.account) {
            Ok(account) => {
                self.account_errors.clear();
                self.account = AccountInput::from_account(&account);
                Outcome::Notice(crate::t!(
                    "settings-account-saved",
                    bank = account.bank.name()
                ))
            }
            Err(Error::BankAccount(errors)) => {
                self.account_errors = errors
                    .0
                    .iter()
                    .map(|(field, error)| (*field, error.to_string()))
                    .collect();
                Outcome::Error(crate::t!("form-has-errors"))
            }
            Err(error) => Outcome::Error(error.to_string()),
        }
    }

    fn account_view(&self, editable: bool) -> Element<'_, Message> {
        let error = |wanted: AccountField| {
            self.account_errors
                .iter()
                .find(|(field, _)| *field == wanted)
                .map(|(_, message)| message.as_str())
        };
        let mut bank = column![
            text(crate::t!("account-bank")).size(theme::SMALL),
            pick_list(Bank::ALL.to_vec(), self.account.bank, Message::Bank).padding(6),
        ]
        .spacing(4)
        .width(230);
        if let Some(message) = error(AccountField::Bank) {
            bank = bank.push(widget::error_text(message.to_string()));
        }
        column![
            widget::heading(crate::t!("settings-account")),
            row![
                bank,
                field(
                    crate::t!("account-agency"),
                    &self.account.agency,
                    error(AccountField::Agency),
                    Message::Agency
                )
                .width(130),
                field(
                    crate::t!("account-number"),
                    &self.account.account,
                    error(AccountField::Account),
                    Message::Account
                )
                .width(160),
                field(
                    crate::t!("account-beneficiary-code"),
                    &self.account.beneficiary_code,
                    error(AccountField::BeneficiaryCode),
                    Message::BeneficiaryCode
                ),
                field(
                    crate::t!("account-wallet"),
                    &self.account.wallet,
                    error(AccountField::Wallet),
                    Message::Wallet
                )
                .width(110),
            ]
            .spacing(12),
            row![
                iced::widget::container(widget::muted(crate::t!("settings-account-explain")))
                    .width(Length::Fill),
                widget::secondary_button(
                    crate::t!("settings-account-save"),
                    editable.then_some(Message::SaveAccount)
                ),
            ]
            .align_y(Alignment::Center),
        ]
        .spacing(8)
        .into()
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let charges = column![
            widget::heading(crate::t!("settings-charges")),
            row![
                field(crate::t!("settings-fine"), &self.fine, None, Message::Fine).width(200),
                field(
                    crate::t!("settings-interest"),
                    &self.interest,
                    None,
                    Message::Interest
                )
                .width(200),
            ]
            .spacing(12),
            widget::muted(crate::t!("settings-charges-law")),
        ]
        .spacing(8);

        let mut bands = column![
            widget::heading(crate::t!("settings-bands")),
            widget::header_cells(vec![
                (crate::t!("settings-band-label"), 4, false),
                (crate::t!("settings-band-color"), 2, false),
                (crate::t!("settings-band-from"), 1, false),
                (crate::t!("settings-band-to"), 1, false),
                (String::new(), 2, false),
            ]),
        ]
        .spacing(6);
        for (index, band) in self.bands.iter().enumerate() {
            bands = bands.push(
                row![
                    text_input("", &band.label)
                        .on_input(move |v| Message::BandLabel(index, v))
                        .padding(5)
                        .width(Length::FillPortion(4)),
                    text_input("#RRGGBB", &band.color)
                        .on_input(move |v| Message::BandColor(index, v))
                        .padding(5)
                        .width(Length::FillPortion(2)),
                    text_input("", &band.from)
                        .on_input(move |v| Message::BandFrom(index, v))
                        .padding(5)
                        .width(Length::FillPortion(1)),
                    text_input("∞", &band.to)
                        .on_input(move |v| Message::BandTo(index, v))
                        .padding(5)
                        .width(Length::FillPortion(1)),
                    iced::widget::container(widget::band_chip(&band.label, &band.color))
                        .width(Length::FillPortion(2)),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        bands = bands.push(
            row![
                text_input("", &self.prescribed_label)
                    .on_input(Message::PrescribedLabel)
                    .padding(5)
                    .width(Length::FillPortion(4)),
                text_input("#RRGGBB", &self.prescribed_color)
                    .on_input(Message::PrescribedColor)
                    .padding(5)
                    .width(Length::FillPortion(2)),
                text(crate::t!("settings-prescribed-rule"))
                    .size(theme::SMALL)
                    .width(Length::FillPortion(2)),
                iced::widget::container(widget::band_chip(
                    &self.prescribed_label,
                    &self.prescribed_color
                ))
                .width(Length::FillPortion(2)),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
        bands = bands.push(widget::muted(crate::t!("settings-bands-explain")));

        let holidays = column![
            widget::heading(crate::t!("settings-holidays")),
            text_input(&crate::t!("settings-holidays-placeholder"), &self.holidays)
                .on_input(Message::Holidays)
                .padding(6),
            widget::muted(crate::t!("settings-holidays-explain")),
        ]
        .spacing(8);

        let language = row![
            widget::heading(crate::t!("settings-language")),
            pick_list(
                Language::ALL.to_vec(),
                Some(context.language),
                Message::Language
            )
            .padding(6),
        ]
        .spacing(12)
        .align_y(Alignment::Center);

        // A clerk sees the settings but cannot save them (the services refuse anyway).
        let editable = context.actor.is_owner();
        let mut title = row![widget::title(crate::t!("nav-settings")), widget::spacer()]
            .align_y(Alignment::Center);
        if editable {
            title = title.push(widget::primary_button(
                crate::t!("action-save"),
                Some(Message::Save),
            ));
        }
        let mut page = column![title].spacing(14);
        if !editable {
            page = page.push(widget::error_text(crate::t!("settings-owner-only")));
        }
        for error in &self.errors {
            page = page.push(widget::error_text(error.clone()));
        }
        page = page
            .push(widget::card(
                column![
                    widget::heading(crate::t!("settings-store")),
                    store_form::view(&self.store, &self.store_errors).map(Message::Store),
                ]
                .spacing(10),
            ))
            .push(widget::card(self.account_view(editable)))
            .push(widget::card(charges))
            .push(widget::card(bands))
            .push(widget::card(self.policy.view().map(Message::Policy)))
            .push(widget::card(self.ruler.view().map(Message::Ruler)))
            .push(widget::card(
                self.templates.view(editable).map(Message::Templates),
            ))
            .push(widget::card(self.smtp.view(editable).map(Message::Smtp)))
            .push(widget::card(
                self.people.view(editable).map(Message::People),
            ))
            .push(widget::card(holidays))
            .push(widget::card(language));
        widget::page_scroll(page)
    }
}

/// `2,00` for 200 basis points: what the clerk types back.
fn decimal(rate: BasisPoints) -> String {
    format!("{},{:02}", rate.value() / 100, rate.value() % 100)
}
