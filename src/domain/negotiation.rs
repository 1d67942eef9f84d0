//! Renegotiation: the owner's limits per age of the debt, the options the counter may
//! offer, and the check of a plan a clerk edits (`brazil-rules.md` §5, §8, §9 rules 20–23).
//! Pure: the debt comes in already updated by the charges engine, `today` is a parameter.

use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::money::Money;
use super::rate::BasisPoints;
use super::sale::PlannedInstallment;

const BASIS: i128 = 10_000;
/// Rule 21: interest on renegotiated installments never above 1 % a month, simple.
pub const INTEREST_CAP: BasisPoints = BasisPoints(100);
/// Rule 20: a proposal stays valid at least two days.
pub const MIN_VALIDITY_DAYS: u32 = 2;
/// Desenrola's ceiling; no store plan goes further.
pub const MAX_INSTALLMENTS: u32 = 60;

/// The owner's limits for debts whose oldest overdue installment is this late.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandLimits {
    pub from_days: i64,
    /// `None`: no upper end (but past five years the debt is prescribed).
    pub to_days: Option<i64>,
    /// Of the late charges (interest, and the fine when `waive_fine`).
    pub max_charges_discount: BasisPoints,
    /// Whether the fine may be discounted at all in this band.
    pub waive_fine: bool,
    pub max_principal_discount: BasisPoints,
    pub max_installments: u32,
    /// Of the new total.
    pub min_down_payment: BasisPoints,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NegotiationPolicy {
    pub bands: Vec<BandLimits>,
    pub min_installment: Money,
    pub monthly_interest: BasisPoints,
    pub validity_days: u32,
    pub broken_needs_owner: bool,
}

impl Default for NegotiationPolicy {
    /// The starting table of `brazil-rules.md` §8.
    fn default() -> NegotiationPolicy {
        let band = |from, to, charges, waive_fine, principal, installments, down| BandLimits {
            from_days: from,
            to_days: to,
            max_charges_discount: BasisPoints(charges),
            waive_fine,
            max_principal_discount: BasisPoints(principal),
            max_installments: installments,
            min_down_payment: BasisPoints(down),
        };
        NegotiationPolicy {
            bands: vec![
                band(1, Some(30), 10_000, false, 0, 3, 0),
                band(31, Some(90), 10_000, true, 1_000, 6, 1_000),
                band(91, Some(180), 10_000, true, 2_000, 10, 1_000),
                band(181, Some(365), 10_000, true, 3_500, 12, 1_000),
                band(366, Some(730), 10_000, true, 5_000, 12, 1_000),
                band(731, None, 10_000, true, 7_000, 12, 500),
            ],
            min_installment: Money::from_cents(5_000),
            monthly_interest: BasisPoints(0),
            validity_days: 3,
            broken_needs_owner: true,
        }
    }
}

/// Why a policy cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyProblem {
    InterestAboveCap(BasisPoints),
    ValidityTooShort(u32),
    MinInstallment,
    Band(usize),
}

impl fmt::Display for PolicyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            PolicyProblem::InterestAboveCap(rate) => {
                crate::t!("negotiation-interest-cap", rate = rate.to_string())
            }
            PolicyProblem::ValidityTooShort(days) => {
                crate::t!("negotiation-validity", days = days.to_string())
            }
            PolicyProblem::MinInstallment => crate::t!("negotiation-min-installment"),
            PolicyProblem::Band(index) => {
                crate::t!("negotiation-band", band = (index + 1).to_string())
            }
        };
        f.write_str(&message)
    }
}

impl NegotiationPolicy {
    pub fn validate(&self) -> Result<(), PolicyProblem> {
        if self.monthly_interest > INTEREST_CAP {
            return Err(PolicyProblem::InterestAboveCap(self.monthly_interest));
        }
        if self.validity_days < MIN_VALIDITY_DAYS {
            return Err(PolicyProblem::ValidityTooShort(self.validity_days));
        }
        if !self.min_installment.is_positive() {
            return Err(PolicyProblem::MinInstallment);
        }
        let mut next_from = 1;
        for (index, band) in self.bands.iter().enumerate() {
            let ordered = band.from_days == next_from
                && band.to_days.is_none_or(|to| to >= band.from_days)
                && band.max_charges_discount.value() <= 10_000
                && band.max_principal_discount.value() <= 10_000
                && band.min_down_payment.value() <= 10_000
                && (1..=MAX_INSTALLMENTS).contains(&band.max_installments);
            if !ordered || (band.to_days.is_none() && index + 1 != self.bands.len()) {
                return Err(PolicyProblem::Band(index));
            }
            next_from = band.to_days.map_or(i64::MAX, |to| to + 1);
        }
        Ok(())
    }

    /// The limits for a debt whose oldest overdue installment is `days_overdue` late.
    pub fn limits_for(&self, days_overdue: i64) -> Option<&BandLimits> {
        self.bands.iter().find(|band| {
            days_overdue >= band.from_days && band.to_days.is_none_or(|to| days_overdue <= to)
        })
    }
}

/// The debt being renegotiated, updated to today and itemized.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Debt {
    pub principal: Money,
    pub fine: Money,
    pub interest: Money,
}

impl Debt {
    pub fn total(&self) -> Money {
        self.principal + self.fine + self.interest
    }
}

fn share(amount: Money, rate: BasisPoints) -> Money {
    amount.mul_div_round(i128::from(rate.value()), BASIS)
}

impl BandLimits {
    /// The largest discount this band allows on `debt`: on the charges, then on principal.
    pub fn max_discount(&self, debt: &Debt) -> Money {
        let charges = if self.waive_fine {
            debt.fine + debt.interest
        } else {
            debt.interest
        };
        share(charges, self.max_charges_discount) + self.max_principal_discount_on(debt)
    }

    fn max_principal_discount_on(&self, debt: &Debt) -> Money {
        share(debt.principal, self.max_principal_discount)
    }

    /// The largest discount without touching principal.
    pub fn max_charges_discount_on(&self, debt: &Debt) -> Money {
        self.max_discount(debt) - self.max_principal_discount_on(debt)
    }
}

/// What the clerk sets in a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanTerms {
    pub discount: Money,
    pub down_payment: Money,
    /// 0 for cash (à vista).
    pub installments: u32,
    pub first_due: NaiveDate,
    pub monthly_rate: BasisPoints,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    Cash,
    Installments,
    Custom,
}

impl ProposalKind {
    pub fn code(self) -> &'static str {
        match self {
            ProposalKind::Cash => "cash",
            ProposalKind::Installments => "installments",
            ProposalKind::Custom => "custom",
        }
    }

    pub fn from_code(code: &str) -> Option<ProposalKind> {
        [
            ProposalKind::Cash,
            ProposalKind::Installments,
            ProposalKind::Custom,
        ]
        .into_iter()
        .find(|kind| kind.code() == code)
    }
}

/// An agreement installment this many days late breaks the agreement (§5.1): not before.
pub const BREAK_AFTER_DAYS: i64 = 30;

/// Where an agreement stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementState {
    Active,
    Settled,
    /// An installment more than 30 days late, or renegotiated again after that.
    Broken,
}

impl AgreementState {
    /// `oldest_open_due`: the earliest due date among its installments still open;
    /// `renegotiated_again`: some of them went into a later agreement.
    pub fn of(
        oldest_open_due: Option<NaiveDate>,
        renegotiated_again: bool,
        today: NaiveDate,
    ) -> AgreementState {
        match oldest_open_due {
            _ if renegotiated_again => AgreementState::Broken,
            Some(due) if (today - due).num_days() > BREAK_AFTER_DAYS => AgreementState::Broken,
            Some(_) => AgreementState::Active,
            None => AgreementState::Settled,
        }
    }

    pub fn label(self) -> String {
        match self {
            AgreementState::Active => crate::t!("agreement-active"),
            AgreementState::Settled => crate::t!("agreement-settled"),
            AgreementState::Broken => crate::t!("agreement-broken"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Proposal {
    pub kind: ProposalKind,
    pub debt: Debt,
    pub discount: Money,
    /// Debt less discount: what the customer owes under the agreement before interest.
    pub new_total: Money,
    pub down_payment: Money,
    pub installments: Vec<PlannedInstallment>,
    pub monthly_rate: BasisPoints,
    /// Down payment plus every installment, interest included.
    pub total_with_financing: Money,
    /// The annual total cost (CET) of the installments, from their cash flows.
    pub cet_annual: BasisPoints,
    pub valid_until: NaiveDate,
}

/// A plan that cannot be built at all, whoever approves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    NothingOwed,
    DiscountAboveDebt,
    NegativeAmount,
    DownPaymentAboveTotal,
    /// Nothing left to split, or installments with nothing to carry.
    NoInstallments,
    TooManyInstallments(u32),
    FirstDueInPast(NaiveDate),
    RateAboveCap(BasisPoints),
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            PlanError::NothingOwed => crate::t!("plan-nothing-owed"),
            PlanError::DiscountAboveDebt => crate::t!("plan-discount-above-debt"),
            PlanError::NegativeAmount => crate::t!("plan-negative"),
            PlanError::DownPaymentAboveTotal => crate::t!("plan-down-above-total"),
            PlanError::NoInstallments => crate::t!("plan-no-installments"),
            PlanError::TooManyInstallments(n) => crate::t!(
                "plan-too-many",
                count = n.to_string(),
                max = MAX_INSTALLMENTS.to_string()
            ),
            PlanError::FirstDueInPast(date) => crate::t!(
                "plan-first-due-past",
                date = date.format("%d/%m/%Y").to_string()
            ),
            PlanError::RateAboveCap(rate) => {
                crate::t!("negotiation-interest-cap", rate = rate.to_string())
            }
        };
        f.write_str(&message)
    }
}

impl std::error::Error for PlanError {}

/// Builds the plan's installments and figures. Each installment carries its share of
/// the financed amount plus simple interest for the months until it falls due; shares
/// add up to the cent.
pub fn build(
    kind: ProposalKind,
    debt: Debt,
    terms: &PlanTerms,
    today: NaiveDate,
    validity_days: u32,
) -> Result<Proposal, PlanError> {
    if !debt.total().is_positive() {
        return Err(PlanError::NothingOwed);
    }
    if terms.discount.is_negative() || terms.down_payment.is_negative() {
        return Err(PlanError::NegativeAmount);
    }
    if terms.discount >= debt.total() {
        return Err(PlanError::DiscountAboveDebt);
    }
    if terms.monthly_rate > INTEREST_CAP {
        return Err(PlanError::RateAboveCap(terms.monthly_rate));
    }
    if terms.installments > MAX_INSTALLMENTS {
        return Err(PlanError::TooManyInstallments(terms.installments));
    }
    let new_total = debt.total() - terms.discount;
    if terms.down_payment > new_total {
        return Err(PlanError::DownPaymentAboveTotal);
    }
    let financed = new_total - terms.down_payment;
    if (terms.installments == 0) != (financed == Money::ZERO) {
        return Err(PlanError::NoInstallments);
    }
    if terms.installments > 0 && terms.first_due <= today {
        return Err(PlanError::FirstDueInPast(terms.first_due));
    }
    let installments: Vec<PlannedInstallment> = if terms.installments == 0 {
        Vec::new()
    } else {
        financed
            .split(terms.installments)
            .into_iter()
            .enumerate()
            .map(|(index, part)| {
                let due_date = terms
                    .first_due
                    .checked_add_months(Months::new(index as u32))
                    .unwrap_or(NaiveDate::MAX);
                let months = i128::from((due_date - today).num_days().max(0));
                // Simple interest pro rata die: rate ÷ 30 a day.
                let interest =
                    part.mul_div_round(i128::from(terms.monthly_rate.value()) * months, 30 * BASIS);
                PlannedInstallment {
                    number: index as u32 + 1,
                    due_date,
                    amount: part + interest,
                }
            })
            .collect()
    };
    let total_with_financing =
        terms.down_payment + installments.iter().map(|i| i.amount).sum::<Money>();
    let cet_annual = cet_annual(financed, &installments, today);
    Ok(Proposal {
        kind,
        debt,
        discount: terms.discount,
        new_total,
        down_payment: terms.down_payment,
        installments,
        monthly_rate: terms.monthly_rate,
        total_with_financing,
        cet_annual,
        valid_until: today
            + chrono::Duration::days(i64::from(validity_days.max(MIN_VALIDITY_DAYS))),
    })
}

/// The annual rate at which the installments' present value today equals what was
/// financed (compound, 30-day months): the CET of Res. CMN 4.881 reduced to a store's
/// flows, which carry no fees or insurance. Rates are not money; they may be floats.
pub fn cet_annual(
    financed: Money,
    installments: &[PlannedInstallment],
    today: NaiveDate,
) -> BasisPoints {
    let paid: i64 = installments.iter().map(|i| i.amount.cents()).sum();
    if !financed.is_positive() || paid <= financed.cents() {
        return BasisPoints(0);
    }
    let flows: Vec<(f64, f64)> = installments
        .iter()
        .map(|i| {
            let months = (i.due_date - today).num_days() as f64 / 30.0;
            (months, i.amount.cents() as f64)
        })
        .collect();
    let present = |monthly: f64| -> f64 {
        flows
            .iter()
            .map(|(months, amount)| amount / (1.0 + monthly).powf(*months))
            .sum()
    };
    let target = financed.cents() as f64;
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    for _ in 0..100 {
        let middle = (low + high) / 2.0;
        if present(middle) > target {
            low = middle;
        } else {
            high = middle;
        }
    }
    let annual = (1.0 + low).powi(12) - 1.0;
    BasisPoints((annual * 10_000.0).round().clamp(0.0, u32::MAX as f64) as u32)
}

/// A limit of the owner's policy that a plan goes beyond: an owner must approve it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "limit", rename_all = "snake_case")]
pub enum Breach {
    Discount {
        max: Money,
        asked: Money,
    },
    Installments {
        max: u32,
        asked: u32,
    },
    DownPayment {
        min: Money,
        asked: Money,
    },
    MinInstallment {
        min: Money,
        smallest: Money,
    },
    Interest {
        max: BasisPoints,
        asked: BasisPoints,
    },
    BrokenAgreement,
    /// Older than every band (or a band-less policy): only an owner decides.
    NoBand,
}

impl fmt::Display for Breach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            Breach::Discount { max, asked } => crate::t!(
                "breach-discount",
                max = max.format_brl(),
                asked = asked.format_brl()
            ),
            Breach::Installments { max, asked } => crate::t!(
                "breach-installments",
                max = max.to_string(),
                asked = asked.to_string()
            ),
            Breach::DownPayment { min, asked } => crate::t!(
                "breach-down-payment",
                min = min.format_brl(),
                asked = asked.format_brl()
            ),
            Breach::MinInstallment { min, smallest } => crate::t!(
                "breach-min-installment",
                min = min.format_brl(),
                smallest = smallest.format_brl()
            ),
            Breach::Interest { max, asked } => crate::t!(
                "breach-interest",
                max = max.to_string(),
                asked = asked.to_string()
            ),
            Breach::BrokenAgreement => crate::t!("breach-broken-agreement"),
            Breach::NoBand => crate::t!("breach-no-band"),
        };
        f.write_str(&message)
    }
}

/// Every limit `proposal` goes beyond for a debt `days_overdue` late; empty when a clerk
/// may close it alone.
pub fn breaches(
    policy: &NegotiationPolicy,
    days_overdue: i64,
    broke_an_agreement: bool,
    proposal: &Proposal,
) -> Vec<Breach> {
    let mut found = Vec::new();
    if broke_an_agreement && policy.broken_needs_owner {
        found.push(Breach::BrokenAgreement);
    }
    let Some(limits) = policy.limits_for(days_overdue) else {
        found.push(Breach::NoBand);
        return found;
    };
    let max = limits.max_discount(&proposal.debt);
    if proposal.discount > max {
        found.push(Breach::Discount {
            max,
            asked: proposal.discount,
        });
    }
    let count = proposal.installments.len() as u32;
    if count > limits.max_installments {
        found.push(Breach::Installments {
            max: limits.max_installments,
            asked: count,
        });
    }
    let min_down = if count == 0 {
        Money::ZERO
    } else {
        share(proposal.new_total, limits.min_down_payment)
    };
    if proposal.down_payment < min_down {
        found.push(Breach::DownPayment {
            min: min_down,
            asked: proposal.down_payment,
        });
    }
    if let Some(smallest) = proposal.installments.iter().map(|i| i.amount).min()
        && smallest < policy.min_installment
    {
        found.push(Breach::MinInstallment {
            min: policy.min_installment,
            smallest,
        });
    }
    if proposal.monthly_rate > policy.monthly_interest {
        found.push(Breach::Interest {
            max: policy.monthly_interest,
            asked: proposal.monthly_rate,
        });
    }
    found
}

/// The options the counter offers without asking anyone: cash with the band's largest
/// discount, and a down payment plus a few installment counts with the charges
/// discount. Each is inside the policy; an empty list means only an owner can decide.
pub fn options(
    policy: &NegotiationPolicy,
    debt: Debt,
    days_overdue: i64,
    today: NaiveDate,
) -> Vec<Proposal> {
    let Some(limits) = policy.limits_for(days_overdue) else {
        return Vec::new();
    };
    let first_due = today
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX);
    let mut found = Vec::new();
    let cash = PlanTerms {
        discount: limits
            .max_discount(&debt)
            .min(debt.total() - Money::from_cents(1)),
        down_payment: Money::ZERO,
        installments: 0,
        first_due,
        monthly_rate: BasisPoints(0),
    };
    let cash = PlanTerms {
        down_payment: debt.total() - cash.discount,
        ..cash
    };
    if let Ok(proposal) = build(ProposalKind::Cash, debt, &cash, today, policy.validity_days) {
        found.push(proposal);
    }
    let discount = limits
        .max_charges_discount_on(&debt)
        .min(debt.total() - Money::from_cents(1));
    let new_total = debt.total() - discount;
    let down = share(new_total, limits.min_down_payment);
    let mut counts: Vec<u32> = [2, 3, limits.max_installments / 2, limits.max_installments]
        .into_iter()
        .filter(|n| (2..=limits.max_installments).contains(n))
        .collect();
    counts.sort_unstable();
    counts.dedup();
    for count in counts {
        let terms = PlanTerms {
            discount,
            down_payment: down,
            installments: count,
            first_due,
            monthly_rate: policy.monthly_interest,
        };
        let Ok(proposal) = build(
            ProposalKind::Installments,
            debt,
            &terms,
            today,
            policy.validity_days,
        ) else {
            continue;
        };
        if breaches(policy, days_overdue, false, &proposal).is_empty() {
            found.push(proposal);
        }
    }
    found
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_agreement_breaks_only_after_thirty_days_late() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let due = |days: i64| Some(today - chrono::Duration::days(days));
        assert_eq!(
            AgreementState::of(due(30), false, today),
            AgreementState::Active
        );
        assert_eq!(
            AgreementState::of(due(31), false, today),
            AgreementState::Broken
        );
        assert_eq!(
            AgreementState::of(due(-5), false, today),
            AgreementState::Active
        );
        assert_eq!(
            AgreementState::of(None, false, today),
            AgreementState::Settled
        );
        assert_eq!(
            AgreementState::of(None, true, today),
            AgreementState::Broken
        );
    }
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn debt(principal: i64, fine: i64, interest: i64) -> Debt {
        Debt {
            principal: Money::from_cents(principal),
            fine: Money::from_cents(fine),
            interest: Money::from_cents(interest),
        }
    }

    #[test]
    fn the_default_policy_is_the_table_of_the_rules_and_is_valid() {
        let policy = NegotiationPolicy::default();
        policy.validate().unwrap();
        let early = policy.limits_for(20).unwrap();
        assert!(!early.waive_fine);
        assert_eq!(early.max_installments, 3);
        assert_eq!(
            policy.limits_for(200).unwrap().max_principal_discount,
            BasisPoints(3_500)
        );
        assert_eq!(
            policy.limits_for(1_000).unwrap().min_down_payment,
            BasisPoints(500)
        );
        assert!(policy.limits_for(0).is_none());
        let mut bad = policy.clone();
        bad.monthly_interest = BasisPoints(150);
        assert_eq!(
            bad.validate(),
            Err(PolicyProblem::InterestAboveCap(BasisPoints(150)))
        );
        let short = NegotiationPolicy {
            validity_days: 1,
            ..Default::default()
        };
        assert!(short.validate().is_err());
        let mut gap = NegotiationPolicy::default();
        gap.bands[2].from_days = 95;
        assert_eq!(gap.validate(), Err(PolicyProblem::Band(2)));
    }

    #[test]
    fn early_debts_may_lose_their_interest_but_not_their_fine() {
        let limits = NegotiationPolicy::default().limits_for(10).unwrap().clone();
        assert_eq!(
            limits.max_discount(&debt(100_000, 2_000, 333)),
            Money::from_cents(333)
        );
        let later = NegotiationPolicy::default()
            .limits_for(100)
            .unwrap()
            .clone();
        // 100 % of fine and interest + 20 % of principal.
        assert_eq!(
            later.max_discount(&debt(100_000, 2_000, 3_300)),
            Money::from_cents(2_000 + 3_300 + 20_000)
        );
    }

    #[test]
    fn a_cash_offer_carries_the_largest_discount_and_installments_keep_the_principal() {
        let today = date(2026, 11, 22);
        let owed = debt(120_000, 2_400, 6_000);
        let options = options(&NegotiationPolicy::default(), owed, 120, today);
        let cash = &options[0];
        assert_eq!(cash.kind, ProposalKind::Cash);
        assert_eq!(cash.discount, Money::from_cents(2_400 + 6_000 + 24_000));
        assert_eq!(cash.down_payment, cash.new_total);
        assert!(cash.installments.is_empty());
        let counts: Vec<usize> = options[1..].iter().map(|p| p.installments.len()).collect();
        assert_eq!(counts, [2, 3, 5, 10]);
        for option in &options[1..] {
            assert_eq!(option.discount, Money::from_cents(8_400));
            assert_eq!(option.new_total, Money::from_cents(120_000));
            assert_eq!(option.down_payment, Money::from_cents(12_000));
            assert_eq!(option.cet_annual, BasisPoints(0));
            assert_eq!(option.installments[0].due_date, date(2026, 12, 22));
            assert_eq!(option.valid_until, date(2026, 11, 25));
        }
    }

    #[test]
    fn options_never_split_below_the_minimum_installment() {
        let options = options(
            &NegotiationPolicy::default(),
            debt(20_000, 400, 600),
            200,
            date(2026, 11, 22),
        );
        for option in &options {
            assert!(
                option
                    .installments
                    .iter()
                    .all(|i| i.amount.cents() >= 5_000)
            );
        }
        assert_eq!(options.last().unwrap().installments.len(), 3);
    }

    #[test]
    fn a_clerk_plan_beyond_the_limits_names_each_limit() {
        let policy = NegotiationPolicy::default();
        let today = date(2026, 11, 22);
        let owed = debt(100_000, 2_000, 3_000);
        let plan = PlanTerms {
            discount: Money::from_cents(50_000),
            down_payment: Money::ZERO,
            installments: 12,
            first_due: date(2026, 12, 10),
            monthly_rate: BasisPoints(100),
        };
        let proposal = build(ProposalKind::Custom, owed, &plan, today, 3).unwrap();
        let found = breaches(&policy, 40, true, &proposal);
        assert_eq!(found[0], Breach::BrokenAgreement);
        assert!(matches!(found[1], Breach::Discount { .. }));
        assert!(matches!(
            found[2],
            Breach::Installments { max: 6, asked: 12 }
        ));
        assert!(matches!(found[3], Breach::DownPayment { .. }));
        assert!(matches!(found[4], Breach::MinInstallment { .. }));
        assert!(matches!(found[5], Breach::Interest { .. }));
        assert_eq!(
            breaches(&policy, 2_000, false, &proposal).last(),
            Some(&Breach::Interest {
                max: BasisPoints(0),
                asked: BasisPoints(100)
            })
        );
    }

    #[test]
    fn impossible_plans_are_refused_whoever_approves() {
        let today = date(2026, 11, 22);
        let owed = debt(10_000, 0, 0);
        let plan = |discount: i64, down: i64, n: u32, rate: u32, first: NaiveDate| PlanTerms {
            discount: Money::from_cents(discount),
            down_payment: Money::from_cents(down),
            installments: n,
            first_due: first,
            monthly_rate: BasisPoints(rate),
        };
        let next = date(2026, 12, 22);
        let build = |terms: PlanTerms| build(ProposalKind::Custom, owed, &terms, today, 3);
        assert_eq!(
            build(plan(10_000, 0, 0, 0, next)),
            Err(PlanError::DiscountAboveDebt)
        );
        assert_eq!(
            build(plan(0, 20_000, 0, 0, next)),
            Err(PlanError::DownPaymentAboveTotal)
        );
        assert_eq!(
            build(plan(0, 0, 2, 150, next)),
            Err(PlanError::RateAboveCap(BasisPoints(150)))
        );
        assert_eq!(
            build(plan(0, 0, 61, 0, next)),
            Err(PlanError::TooManyInstallments(61))
        );
        assert_eq!(
            build(plan(0, 0, 2, 0, today)),
            Err(PlanError::FirstDueInPast(today))
        );
        assert_eq!(
            build(plan(0, 5_000, 0, 0, next)),
            Err(PlanError::NoInstallments)
        );
        assert_eq!(
            build(plan(0, 10_000, 3, 0, next)),
            Err(PlanError::NoInstallments)
        );
        assert_eq!(
            build(plan(-1, 0, 2, 0, next)),
            Err(PlanError::NegativeAmount)
        );
    }

    /// An independent internal rate of return: Newton's method on the monthly rate.
    fn irr_annual_bp(financed: i64, flows: &[(f64, i64)]) -> f64 {
        let mut rate = 0.01_f64;
        for _ in 0..60 {
            let (mut value, mut slope) = (-(financed as f64), 0.0);
            for (months, amount) in flows {
                let amount = *amount as f64;
                value += amount * (1.0 + rate).powf(-months);
                slope += -months * amount * (1.0 + rate).powf(-months - 1.0);
            }
            rate -= value / slope;
        }
        ((1.0 + rate).powi(12) - 1.0) * 10_000.0
    }

    proptest! {
        #[test]
        fn installments_add_up_and_the_cet_matches_an_irr(
            principal in 10_000i64..5_000_000, fine_bp in 0u32..200, interest in 0i64..500_000,
            discount_bp in 0u32..5_000, down_bp in 0u32..5_000, n in 1u32..24, rate in 0u32..=100,
        ) {
            let today = date(2026, 11, 22);
            let owed = Debt {
                principal: Money::from_cents(principal),
                fine: Money::from_cents(principal * i64::from(fine_bp) / 10_000),
                interest: Money::from_cents(interest),
            };
            let discount = share(owed.total(), BasisPoints(discount_bp));
            let down = share(owed.total() - discount, BasisPoints(down_bp));
            let terms = PlanTerms {
                discount,
                down_payment: down,
                installments: n,
                first_due: date(2026, 12, 22),
                monthly_rate: BasisPoints(rate),
            };
            let proposal = build(ProposalKind::Custom, owed, &terms, today, 3).unwrap();
            let financed = proposal.new_total - proposal.down_payment;
            let paid: Money = proposal.installments.iter().map(|i| i.amount).sum();
            prop_assert_eq!(proposal.total_with_financing, proposal.down_payment + paid);
            if rate == 0 {
                prop_assert_eq!(paid, financed);
                prop_assert_eq!(proposal.cet_annual, BasisPoints(0));
            } else {
                prop_assert!(paid >= financed);
                let flows: Vec<(f64, i64)> = proposal
                    .installments
                    .iter()
                    .map(|i| ((i.due_date - today).num_days() as f64 / 30.0, i.amount.cents()))
                    .collect();
                if paid > financed {
                    let expected = irr_annual_bp(financed.cents(), &flows);
                    prop_assert!((f64::from(proposal.cet_annual.value()) - expected).abs() <= 1.0,
                        "cet {} vs irr {expected}", proposal.cet_annual.value());
                    // Simple 1 % a month is never more than 12.7 % a year compound.
                    prop_assert!(proposal.cet_annual.value() <= 1_270);
                }
            }
        }

        #[test]
        fn every_generated_option_is_inside_the_policy(
            principal in 1_000i64..10_000_000, fine in 0i64..200_000, interest in 0i64..2_000_000,
            days in 1i64..1_800,
        ) {
            let policy = NegotiationPolicy::default();
            let owed = debt(principal, fine, interest);
            for option in options(&policy, owed, days, date(2026, 11, 22)) {
                prop_assert!(breaches(&policy, days, false, &option).is_empty());
                let paid: Money = option.installments.iter().map(|i| i.amount).sum();
                prop_assert_eq!(option.down_payment + paid, option.new_total);
                prop_assert_eq!(option.new_total + option.discount, owed.total());
            }
        }
    }
}
