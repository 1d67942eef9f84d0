//! The owner's negotiation limits as a form on the settings screen: one row per age
//! band, then the limits that hold for every band.

use iced::widget::{checkbox, column, row, text, text_input};
use iced::{Alignment, Element, Length};

use crate::domain::money::Money;
use crate::domain::negotiation::{BandLimits, NegotiationPolicy};
use crate::domain::rate::BasisPoints;
use crate::ui::widget::{self, field};

#[derive(Clone, Debug, Default)]
struct BandRow {
    from: String,
    to: String,
    charges_discount: String,
    waive_fine: bool,
    principal_discount: String,
    max_installments: String,
    min_down_payment: String,
}

/// The policy as typed.
#[derive(Clone, Debug, Default)]
pub struct Form {
    bands: Vec<BandRow>,
    min_installment: String,
    monthly_interest: String,
    validity_days: String,
    broken_needs_owner: bool,
}

#[derive(Clone, Debug)]
pub enum Edit {
    From(usize, String),
    To(usize, String),
    ChargesDiscount(usize, String),
    WaiveFine(usize, bool),
    PrincipalDiscount(usize, String),
    MaxInstallments(usize, String),
    MinDownPayment(usize, String),
    MinInstallment(String),
    MonthlyInterest(String),
    ValidityDays(String),
    BrokenNeedsOwner(bool),
}

fn percent(rate: BasisPoints) -> String {
    format!("{},{:02}", rate.value() / 100, rate.value() % 100)
}

impl Form {
    pub fn from_policy(policy: &NegotiationPolicy) -> Form {
        Form {
            bands: policy
                .bands
                .iter()
                .map(|band| BandRow {
                    from: band.from_days.to_string(),
                    to: band.to_days.map(|d| d.to_string()).unwrap_or_default(),
                    charges_discount: percent(band.max_charges_discount),
                    waive_fine: band.waive_fine,
                    principal_discount: percent(band.max_principal_discount),
                    max_installments: band.max_installments.to_string(),
                    min_down_payment: percent(band.min_down_payment),
                })
                .collect(),
            min_installment: policy.min_installment.format_plain(),
            monthly_interest: percent(policy.monthly_interest),
            validity_days: policy.validity_days.to_string(),
            broken_needs_owner: policy.broken_needs_owner,
        }
    }

    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::From(i, value) => self.bands[i].from = value,
            Edit::To(i, value) => self.bands[i].to = value,
            Edit::ChargesDiscount(i, value) => self.bands[i].charges_discount = value,
            Edit::WaiveFine(i, on) => self.bands[i].waive_fine = on,
            Edit::PrincipalDiscount(i, value) => self.bands[i].principal_discount = value,
            Edit::MaxInstallments(i, value) => self.bands[i].max_installments = value,
            Edit::MinDownPayment(i, value) => self.bands[i].min_down_payment = value,
            Edit::MinInstallment(value) => self.min_installment = value,
            Edit::MonthlyInterest(value) => self.monthly_interest = value,
            Edit::ValidityDays(value) => self.validity_days = value,
            Edit::BrokenNeedsOwner(on) => self.broken_needs_owner = on,
        }
    }

    /// The policy, or a sentence for each value that cannot be read. Whether the
    /// policy is lawful and in order is the domain's check, run when saving.
    pub fn collect(&self) -> Result<NegotiationPolicy, Vec<String>> {
        let mut errors = Vec::new();
        let mut rate = |label: &str, text: &str| match BasisPoints::parse_percent(text) {
            Ok(rate) => rate,
            Err(error) => {
                errors.push(format!("{label}: {error}"));
                BasisPoints(0)
            }
        };
        let mut bands = Vec::new();
        let mut whole = Vec::new();
        for (index, row) in self.bands.iter().enumerate() {
            let name = crate::t!("policy-band", number = (index + 1).to_string());
            let charges = rate(
                &format!("{name}, {}", crate::t!("policy-charges-discount")),
                &row.charges_discount,
            );
            let principal = rate(
                &format!("{name}, {}", crate::t!("policy-principal-discount")),
                &row.principal_discount,
            );
            let down = rate(
                &format!("{name}, {}", crate::t!("policy-min-down")),
                &row.min_down_payment,
            );
            let from = row.from.trim().parse::<i64>();
            let to = if row.to.trim().is_empty() {
                Ok(None)
            } else {
                row.to.trim().parse::<i64>().map(Some)
            };
            let count = row.max_installments.trim().parse::<u32>();
            match (from, to, count) {
                (Ok(from_days), Ok(to_days), Ok(max_installments)) => bands.push(BandLimits {
                    from_days,
                    to_days,
                    max_charges_discount: charges,
                    waive_fine: row.waive_fine,
                    max_principal_discount: principal,
                    max_installments,
                    min_down_payment: down,
                }),
                _ => whole.push(crate::t!("policy-band-numbers", band = name)),
            }
        }
        let monthly_interest = rate(&crate::t!("policy-interest"), &self.monthly_interest);
        errors.extend(whole);
        let min_installment = match Money::parse_brl(&self.min_installment) {
            Ok(amount) => amount,
            Err(error) => {
                errors.push(format!("{}: {error}", crate::t!("policy-min-installment")));
                Money::ZERO
            }
        };
        let validity_days = match self.validity_days.trim().parse::<u32>() {
            Ok(days) => days,
            Err(_) => {
                errors.push(crate::t!(
                    "policy-validity-number",
                    text = self.validity_days.clone()
                ));
                0
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NegotiationPolicy {
            bands,
            min_installment,
            monthly_interest,
            validity_days,
            broken_needs_owner: self.broken_needs_owner,
        })
    }

    pub fn view(&self) -> Element<'_, Edit> {
        let mut table = column![
            widget::heading(crate::t!("policy-title")),
            widget::header_cells(vec![
                (crate::t!("policy-from"), 1, false),
                (crate::t!("policy-to"), 1, false),
                (crate::t!("policy-charges-discount"), 2, false),
                (crate::t!("policy-waive-fine"), 2, false),
                (crate::t!("policy-principal-discount"), 2, false),
                (crate::t!("policy-max-installments"), 2, false),
                (crate::t!("policy-min-down"), 2, false),
            ]),
        ]
        .spacing(6);
        let input = |value: &str, on: Box<dyn Fn(String) -> Edit>, portion| {
            text_input("", value)
                .on_input(on)
                .padding(5)
                .width(Length::FillPortion(portion))
        };
        for (i, band) in self.bands.iter().enumerate() {
            table = table.push(
                row![
                    input(&band.from, Box::new(move |v| Edit::From(i, v)), 1),
                    text_input("∞", &band.to)
                        .on_input(move |v| Edit::To(i, v))
                        .padding(5)
                        .width(Length::FillPortion(1)),
                    input(
                        &band.charges_discount,
                        Box::new(move |v| Edit::ChargesDiscount(i, v)),
                        2
                    ),
                    iced::widget::container(
                        checkbox(band.waive_fine).on_toggle(move |on| Edit::WaiveFine(i, on))
                    )
                    .width(Length::FillPortion(2)),
                    input(
                        &band.principal_discount,
                        Box::new(move |v| Edit::PrincipalDiscount(i, v)),
                        2
                    ),
                    input(
                        &band.max_installments,
                        Box::new(move |v| Edit::MaxInstallments(i, v)),
                        2
                    ),
                    input(
                        &band.min_down_payment,
                        Box::new(move |v| Edit::MinDownPayment(i, v)),
                        2
                    ),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        table
            .push(
                row![
                    field(
                        crate::t!("policy-min-installment"),
                        &self.min_installment,
                        None,
                        Edit::MinInstallment
                    ),
                    field(
                        crate::t!("policy-interest"),
                        &self.monthly_interest,
                        None,
                        Edit::MonthlyInterest
                    ),
                    field(
                        crate::t!("policy-validity"),
                        &self.validity_days,
                        None,
                        Edit::ValidityDays
                    ),
                ]
                .spacing(12),
            )
            .push(widget::check(
                crate::t!("policy-broken-needs-owner"),
                self.broken_needs_owner,
                Edit::BrokenNeedsOwner,
            ))
            .push(text(crate::t!("policy-explain")).size(crate::ui::theme::SMALL))
            .into()
    }
}
