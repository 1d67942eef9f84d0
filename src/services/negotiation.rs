//! What the counter may offer a late customer: the overdue installments updated today,
//! the debt they add up to, the options inside the owner's limits, and the check of a
//! plan the clerk edits.

use chrono::NaiveDate;

use crate::domain::band::is_prescribed;
use crate::domain::negotiation::{
    BandLimits, Breach, Debt, NegotiationPolicy, PlanTerms, Proposal, ProposalKind, breaches,
    build, options,
};
use crate::error::{Error, Result};
use crate::services::customers::{InstallmentLine, statement};
use crate::store::Database;

pub struct Negotiation {
    pub customer_id: i64,
    pub customer_name: String,
    pub today: NaiveDate,
    /// Every overdue installment that may still be collected, oldest first.
    pub overdue: Vec<InstallmentLine>,
    /// The ones the agreement would settle (all of them unless the clerk chose).
    pub installments: Vec<InstallmentLine>,
    pub debt: Debt,
    /// Days late of the oldest of them: what picks the owner's limits.
    pub days_overdue: i64,
    pub limits: Option<BandLimits>,
    pub policy: NegotiationPolicy,
    /// A past agreement of this customer broke: a new one needs the owner if the
    /// policy says so.
    pub broke_an_agreement: bool,
    pub options: Vec<Proposal>,
}

/// A plan the clerk set, built and checked against the owner's limits.
pub struct CheckedPlan {
    pub proposal: Proposal,
    /// Empty when the clerk may close it alone.
    pub breaches: Vec<Breach>,
}

/// The options for `customer_id` as of `today`, for every overdue installment.
pub fn propose(db: &Database, customer_id: i64, today: NaiveDate) -> Result<Negotiation> {
    propose_for(db, customer_id, today, None)
}

/// The options for the installments `chosen` (all overdue ones when `None`). Prescribed
/// installments are left out: they may no longer be collected (CC art. 206 §5 I; rule 19).
pub fn propose_for(
    db: &Database,
    customer_id: i64,
    today: NaiveDate,
    chosen: Option<&[i64]>,
) -> Result<Negotiation> {
    let statement = statement(db, customer_id, today)?;
    let policy = crate::services::settings::load(db)?.negotiation;
    let overdue: Vec<InstallmentLine> = statement
        .open_installments
        .into_iter()
        .filter(|line| line.charges.days_overdue > 0 && !is_prescribed(line.due_date, today))
        .collect();
    if overdue.is_empty() {
        return Err(Error::NothingOverdue(statement.customer.customer.name));
    }
    if let Some(id) = chosen
        .unwrap_or_default()
        .iter()
        .find(|id| !overdue.iter().any(|line| line.id == **id))
    {
        return Err(Error::NotNegotiable(*id));
    }
    let installments: Vec<InstallmentLine> = match chosen {
        Some(ids) => overdue
            .iter()
            .filter(|line| ids.contains(&line.id))
            .cloned()
            .collect(),
        None => overdue.clone(),
    };
    let debt = installments.iter().fold(Debt::default(), |sum, line| Debt {
        principal: sum.principal + line.charges.principal,
        fine: sum.fine + line.charges.fine,
        interest: sum.interest + line.charges.interest,
    });
    let days_overdue = installments
        .iter()
        .map(|line| line.charges.days_overdue)
        .max()
        .unwrap_or(0);
    let broke_an_agreement =
        crate::services::agreements::broke_an_agreement(db, customer_id, today)?;
    let options = if installments.is_empty() {
        Vec::new()
    } else {
        options(&policy, debt, days_overdue, today)
    };
    Ok(Negotiation {
        customer_id,
        customer_name: statement.customer.customer.name,
        today,
        options,
        limits: policy.limits_for(days_overdue).cloned(),
        policy,
        overdue,
        installments,
        debt,
        days_overdue,
        broke_an_agreement,
    })
}

impl Negotiation {
    /// Builds the plan `terms` describe and lists every limit it goes beyond.
    pub fn check(&self, kind: ProposalKind, terms: &PlanTerms) -> Result<CheckedPlan> {
        let proposal = build(
            kind,
            self.debt,
            terms,
            self.today,
            self.policy.validity_days,
        )?;
        let breaches = breaches(
            &self.policy,
            self.days_overdue,
            self.broke_an_agreement,
            &proposal,
        );
        Ok(CheckedPlan { proposal, breaches })
    }

    /// The installment ids the agreement would settle.
    pub fn installment_ids(&self) -> Vec<i64> {
        self.installments.iter().map(|line| line.id).collect()
    }
}
