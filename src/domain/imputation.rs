//! Where a payment goes (Código Civil arts. 352–355): to the installment due first,
//! and inside it to the charges (interest, then fine) before the principal.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::charges::{Charges, ChargesPolicy, charges_at};
use super::installment::{AppliedPayment, InstallmentLedger, InstallmentStatus};
use super::money::Money;

/// The part of a payment applied to one installment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    pub installment_id: i64,
    pub principal: Money,
    pub fine: Money,
    pub interest: Money,
    /// Early-payment reduction granted, not money received.
    pub discount: Money,
    /// What the installment was worth on the payment date, before this payment.
    pub charges_before: Charges,
    /// The installment's status once this allocation is applied.
    pub status_after: InstallmentStatus,
}

impl Allocation {
    /// Money received that went to this installment.
    pub fn received(&self) -> Money {
        self.principal + self.fine + self.interest
    }
}

/// What the customer still owes once these allocations are applied, out of `owed`.
pub fn balance_after(owed: Money, allocations: &[Allocation]) -> Money {
    let settled: Money = allocations.iter().map(|a| a.received() + a.discount).sum();
    (owed - settled).max(Money::ZERO)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImputationError {
    NotPositive,
    NothingOwed,
    MoreThanOwed { owed: Money },
}

impl fmt::Display for ImputationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            ImputationError::NotPositive => crate::t!("payment-not-positive"),
            ImputationError::NothingOwed => crate::t!("payment-nothing-owed"),
            ImputationError::MoreThanOwed { owed } => {
                crate::t!("payment-more-than-owed", owed = owed.format_brl())
            }
        };
        f.write_str(&message)
    }
}

impl std::error::Error for ImputationError {}

/// The total owed on `date` over the given installments.
pub fn total_owed(
    installments: &[InstallmentLedger],
    policy: &ChargesPolicy,
    calendar: &Calendar,
    date: NaiveDate,
) -> Money {
    installments
        .iter()
        .map(|ledger| charges_at(ledger, policy, calendar, date).total)
        .sum()
}

/// Splits `amount` paid on `date` over the customer's collectible installments.
///
/// A payment that settles an installment before its due date gets the early-payment
/// reduction; a partial payment ahead of time is taken at face value. Paying more
/// than is owed is refused: the clerk gives change, the ledger keeps no credit.
pub fn impute(
    amount: Money,
    date: NaiveDate,
    installments: &[InstallmentLedger],
    policy: &ChargesPolicy,
    calendar: &Calendar,
) -> Result<Vec<Allocation>, ImputationError> {
    if !amount.is_positive() {
        return Err(ImputationError::NotPositive);
    }
    let mut ordered: Vec<&InstallmentLedger> = installments
        .iter()
        .filter(|ledger| ledger.outstanding_principal(date).is_positive())
        .collect();
    if ordered.is_empty() {
        return Err(ImputationError::NothingOwed);
    }
    ordered.sort_by_key(|ledger| (ledger.due_date, ledger.id));

    let owed: Money = ordered
        .iter()
        .map(|ledger| charges_at(ledger, policy, calendar, date).total)
        .sum();
    if amount > owed {
        return Err(ImputationError::MoreThanOwed { owed });
    }

    let mut remaining = amount;
    let mut allocations = Vec::new();
    for ledger in ordered {
        if remaining.is_zero() {
            break;
        }
        let before = charges_at(ledger, policy, calendar, date);
        let (principal, fine, interest, discount) = if remaining >= before.total {
            // The reduction settles principal without money changing hands.
            (
                before.principal - before.discount,
                before.fine,
                before.interest,
                before.discount,
            )
        } else {
            let interest = remaining.min(before.interest);
            let fine = (remaining - interest).min(before.fine);
            let principal = remaining - interest - fine;
            (principal, fine, interest, Money::ZERO)
        };
        remaining -= principal + fine + interest;

        let mut after = ledger.clone();
        after.applied.push(AppliedPayment {
            date,
            principal,
            fine,
            interest,
            discount,
        });
        allocations.push(Allocation {
            installment_id: ledger.id,
            principal,
            fine,
            interest,
            discount,
            charges_before: before,
            status_after: after.payment_status(),
        });
    }
    Ok(allocations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rate::BasisPoints;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn three_installments() -> Vec<InstallmentLedger> {
        vec![
            InstallmentLedger::new(3, date(2026, 5, 10), Money::from_cents(10_000)),
            InstallmentLedger::new(1, date(2026, 3, 10), Money::from_cents(10_000)),
            InstallmentLedger::new(2, date(2026, 4, 10), Money::from_cents(10_000)),
        ]
    }

    fn run(amount: i64, day: NaiveDate, ledgers: &[InstallmentLedger]) -> Vec<Allocation> {
        impute(
            Money::from_cents(amount),
            day,
            ledgers,
            &ChargesPolicy::default(),
            &Calendar::default(),
        )
        .unwrap()
    }

    #[test]
    fn oldest_first_and_charges_before_principal() {
        // On 15 Apr: #1 is 36 days late (fine 200, interest 120), #2 5 days (200, 17).
        let allocations = run(10_500, date(2026, 4, 15), &three_installments());
        assert_eq!(allocations.len(), 2);
        let first = allocations[0];
        assert_eq!(first.installment_id, 1);
        assert_eq!(
            (
                first.interest.cents(),
                first.fine.cents(),
                first.principal.cents()
            ),
            (120, 200, 10_000)
        );
        assert_eq!(first.status_after, InstallmentStatus::Paid);
        let second = allocations[1];
        assert_eq!(second.installment_id, 2);
        // 180 left: interest 17 first, then fine 163 of 200, nothing to principal.
        assert_eq!(
            (
                second.interest.cents(),
                second.fine.cents(),
                second.principal.cents()
            ),
            (17, 163, 0)
        );
        assert_eq!(second.status_after, InstallmentStatus::PartiallyPaid);
    }

    #[test]
    fn refuses_zero_negative_and_more_than_owed() {
        let ledgers = three_installments();
        let policy = ChargesPolicy::default();
        let calendar = Calendar::default();
        let day = date(2026, 3, 1);
        assert_eq!(
            impute(Money::ZERO, day, &ledgers, &policy, &calendar),
            Err(ImputationError::NotPositive)
        );
        assert_eq!(
            impute(Money::from_cents(-5), day, &ledgers, &policy, &calendar),
            Err(ImputationError::NotPositive)
        );
        assert_eq!(
            impute(Money::from_cents(30_001), day, &ledgers, &policy, &calendar),
            Err(ImputationError::MoreThanOwed {
                owed: Money::from_cents(30_000)
            })
        );
        assert_eq!(
            impute(Money::from_cents(1), day, &[], &policy, &calendar),
            Err(ImputationError::NothingOwed)
        );
    }

    #[test]
    fn the_balance_after_counts_money_and_reductions() {
        let ledgers = three_installments();
        let allocations = run(10_500, date(2026, 4, 15), &ledgers);
        let owed = total_owed(
            &ledgers,
            &ChargesPolicy::default(),
            &Calendar::default(),
            date(2026, 4, 15),
        );
        assert_eq!(
            balance_after(owed, &allocations),
            owed - Money::from_cents(10_500)
        );
    }

    #[test]
    fn settling_early_gets_the_reduction() {
        let mut ledger = InstallmentLedger::new(1, date(2026, 4, 30), Money::from_cents(10_000));
        ledger.financing_rate = BasisPoints(300);
        let allocations = run(9_709, date(2026, 3, 31), &[ledger]);
        assert_eq!(allocations[0].discount.cents(), 291);
        assert_eq!(allocations[0].principal.cents(), 9_709);
        assert_eq!(allocations[0].status_after, InstallmentStatus::Paid);
    }

    proptest! {
        #[test]
        fn imputation_conserves_every_centavo(
            amounts in proptest::collection::vec(1i64..500_000, 1..8),
            offsets in proptest::collection::vec(-60i64..400, 8),
            pay_fraction in 1u32..=1000,
            rate in 0u32..400,
        ) {
            let today = date(2026, 6, 15);
            let ledgers: Vec<InstallmentLedger> = amounts.iter().enumerate().map(|(i, cents)| {
                let mut l = InstallmentLedger::new(
                    i as i64 + 1,
                    today - chrono::Duration::days(offsets[i]),
                    Money::from_cents(*cents),
                );
                l.financing_rate = BasisPoints(rate);
                l
            }).collect();
            let policy = ChargesPolicy::default();
            let calendar = Calendar::default();
            let owed = total_owed(&ledgers, &policy, &calendar, today);
            let amount = Money::from_cents((owed.cents() * i64::from(pay_fraction) / 1000).max(1));
            let allocations = impute(amount, today, &ledgers, &policy, &calendar).unwrap();
            let received: Money = allocations.iter().map(Allocation::received).sum();
            prop_assert_eq!(received, amount);
            for a in &allocations {
                prop_assert!(a.principal >= Money::ZERO && a.fine >= Money::ZERO);
                prop_assert!(a.interest >= Money::ZERO && a.discount >= Money::ZERO);
                prop_assert!(a.principal + a.discount <= a.charges_before.principal);
                prop_assert!(a.fine <= a.charges_before.fine);
                prop_assert!(a.interest <= a.charges_before.interest);
            }
            if amount == owed {
                prop_assert!(allocations.iter().all(|a| a.status_after == InstallmentStatus::Paid));
            }
        }
    }
}
