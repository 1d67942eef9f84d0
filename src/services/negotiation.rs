//! What the counter may offer a late customer: the overdue installments updated today,
//! the debt they add up to, and the options inside the owner's limits.

use chrono::NaiveDate;

use crate::domain::band::is_prescribed;
use crate::domain::negotiation::{BandLimits, Debt, Proposal, options};
use crate::error::{Error, Result};
use crate::services::customers::{InstallmentLine, statement};
use crate::store::Database;

pub struct Negotiation {
    pub customer_id: i64,
    pub customer_name: String,
    pub today: NaiveDate,
    /// The overdue installments the agreement would settle, oldest first.
    pub installments: Vec<InstallmentLine>,
    pub debt: Debt,
    /// Days late of the oldest of them: what picks the owner's limits.
    pub days_overdue: i64,
    pub limits: Option<BandLimits>,
    pub options: Vec<Proposal>,
}

/// The options for `customer_id` as of `today`. Prescribed installments are left out:
/// they may no longer be collected (CC art. 206 §5 I; rule 19).
pub fn propose(db: &Database, customer_id: i64, today: NaiveDate) -> Result<Negotiation> {
    let statement = statement(db, customer_id, today)?;
    let policy = crate::services::settings::load(db)?.negotiation;
    let installments: Vec<InstallmentLine> = statement
        .open_installments
        .into_iter()
        .filter(|line| line.charges.days_overdue > 0 && !is_prescribed(line.due_date, today))
        .collect();
    if installments.is_empty() {
        return Err(Error::NothingOverdue(statement.customer.customer.name));
    }
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
    Ok(Negotiation {
        customer_id,
        customer_name: statement.customer.customer.name,
        today,
        options: options(&policy, debt, days_overdue, today),
        limits: policy.limits_for(days_overdue).cloned(),
        installments,
        debt,
        days_overdue,
    })
}
