//! The one charges engine: what an installment is worth on a date, itemized.
//!
//! Every screen, report, document and message asks this module; nothing else
//! computes fine or interest (`brazil-rules.md` §2, §7 and §9 rules 1–7).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::installment::InstallmentLedger;
use super::money::{Money, round_div};
use super::rate::BasisPoints;

/// CDC art. 52 §1: the late fine is at most 2 % of the overdue installment.
pub const LEGAL_MAX_FINE: BasisPoints = BasisPoints(200);
/// Lei de Usura arts. 1 and 5 for a store that is not a bank: 1 % a month, simple.
pub const LEGAL_MAX_MONTHLY_INTEREST: BasisPoints = BasisPoints(100);
/// The commercial month of the pro rata die convention.
const DAYS_IN_MONTH: i128 = 30;
const BASIS: i128 = 10_000;

/// The store's late-payment terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChargesPolicy {
    pub fine: BasisPoints,
    pub monthly_interest: BasisPoints,
}

impl Default for ChargesPolicy {
    fn default() -> Self {
        ChargesPolicy {
            fine: LEGAL_MAX_FINE,
            monthly_interest: LEGAL_MAX_MONTHLY_INTEREST,
        }
    }
}

impl ChargesPolicy {
    /// Refuses a policy above a legal cap; charging less than allowed is always lawful.
    pub fn new(fine: BasisPoints, monthly_interest: BasisPoints) -> Result<Self, PolicyError> {
        let policy = ChargesPolicy {
            fine,
            monthly_interest,
        };
        policy.validate()?;
        Ok(policy)
    }

    /// A day of late interest on `amount`, the month's rate over 30 days, rounded down so
    /// that what a bank is told to charge never passes the policy.
    pub fn daily_interest(&self, amount: Money) -> Money {
        let cents =
            i128::from(amount.cents()) * i128::from(self.monthly_interest.value()) / (30 * 10_000);
        Money::from_cents(cents as i64)
    }

    pub fn validate(&self) -> Result<(), PolicyError> {
        if self.fine > LEGAL_MAX_FINE {
            return Err(PolicyError::FineAboveCap(self.fine));
        }
        if self.monthly_interest > LEGAL_MAX_MONTHLY_INTEREST {
            return Err(PolicyError::InterestAboveCap(self.monthly_interest));
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyError {
    FineAboveCap(BasisPoints),
    InterestAboveCap(BasisPoints),
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            PolicyError::FineAboveCap(given) => crate::t!(
                "policy-fine-cap",
                given = given.to_string(),
                cap = LEGAL_MAX_FINE.to_string()
            ),
            PolicyError::InterestAboveCap(given) => crate::t!(
                "policy-interest-cap",
                given = given.to_string(),
                cap = LEGAL_MAX_MONTHLY_INTEREST.to_string()
            ),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for PolicyError {}

/// An installment's value on a date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charges {
    /// Principal still owed.
    pub principal: Money,
    pub fine: Money,
    pub interest: Money,
    /// Reduction for paying before the due date (only when the sale was financed).
    pub discount: Money,
    /// `principal + fine + interest − discount`.
    pub total: Money,
    /// Days late; 0 on the due date and in the grace of a non-business due date;
    /// negative while not yet due.
    pub days_overdue: i64,
}

impl Charges {
    pub fn charges(&self) -> Money {
        self.fine + self.interest
    }
}

/// The last day the installment can be paid without charges: the due date, or the
/// first business day after it when it falls on a non-business day (Lei 7.089/1983).
pub fn grace_end(due_date: NaiveDate, calendar: &Calendar) -> NaiveDate {
    calendar.business_day_on_or_after(due_date)
}

/// Computes the installment's value on `date`, counting only payments made up to it.
///
/// Fine: once, on the principal still owed when the grace ended. Interest: simple,
/// pro rata die over 30, on the principal owed in each stretch of days, counted from
/// the original due date once the grace is lost (STJ REsp 1.954.924); exact until one
/// final half-up rounding.
pub fn charges_at(
    ledger: &InstallmentLedger,
    policy: &ChargesPolicy,
    calendar: &Calendar,
    date: NaiveDate,
) -> Charges {
    let principal = ledger.outstanding_principal(date).max(Money::ZERO);
    let last_free_day = grace_end(ledger.due_date, calendar);

    if date <= last_free_day {
        let days_overdue = if date < ledger.due_date {
            -(ledger.due_date - date).num_days()
        } else {
            0
        };
        let discount = early_payment_discount(principal, ledger.financing_rate, -days_overdue);
        return Charges {
            principal,
            fine: Money::ZERO,
            interest: Money::ZERO,
            discount,
            total: principal - discount,
            days_overdue,
        };
    }

    let applied: Vec<_> = ledger.applied.iter().filter(|p| p.date <= date).collect();
    // Payments made by the end of the grace count as made on time.
    let owed_when_late = ledger.amount
        - applied
            .iter()
            .filter(|p| p.date <= last_free_day)
            .map(|p| p.principal + p.discount)
            .sum::<Money>();

    let fine_total = owed_when_late
        .max(Money::ZERO)
        .mul_div_round(i128::from(policy.fine.value()), BASIS);

    // Σ owed × days over the stretches between late payments.
    let mut owed = owed_when_late;
    let mut stretch_start = ledger.due_date;
    let mut owed_days: i128 = 0;
    for payment in applied.iter().filter(|p| p.date > last_free_day) {
        owed_days += i128::from(owed.max(Money::ZERO).cents())
            * i128::from((payment.date - stretch_start).num_days());
        owed -= payment.principal + payment.discount;
        stretch_start = payment.date;
    }
    owed_days +=
        i128::from(owed.max(Money::ZERO).cents()) * i128::from((date - stretch_start).num_days());
    let interest_total = Money::from_cents(round_div(
        owed_days * i128::from(policy.monthly_interest.value()),
        DAYS_IN_MONTH * BASIS,
    ) as i64);

    let fine_paid: Money = applied.iter().map(|p| p.fine).sum();
    let interest_paid: Money = applied.iter().map(|p| p.interest).sum();
    let fine = (fine_total - fine_paid).max(Money::ZERO);
    let interest = (interest_total - interest_paid).max(Money::ZERO);

    Charges {
        principal,
        fine,
        interest,
        discount: Money::ZERO,
        total: principal + fine + interest,
        days_overdue: (date - ledger.due_date).num_days(),
    }
}

/// Paying `days_early` days ahead takes out the financing interest of those days:
/// the present value at the sale's simple monthly rate, `P − P / (1 + r·d/30)`.
fn early_payment_discount(principal: Money, monthly_rate: BasisPoints, days_early: i64) -> Money {
    if days_early <= 0 || monthly_rate.value() == 0 || !principal.is_positive() {
        return Money::ZERO;
    }
    let rate_days = i128::from(monthly_rate.value()) * i128::from(days_early);
    principal.mul_div_round(rate_days, DAYS_IN_MONTH * BASIS + rate_days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::installment::AppliedPayment;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn ledger(due: NaiveDate, cents: i64) -> InstallmentLedger {
        InstallmentLedger::new(1, due, Money::from_cents(cents))
    }

    fn at(ledger: &InstallmentLedger, day: NaiveDate) -> Charges {
        charges_at(ledger, &ChargesPolicy::default(), &Calendar::default(), day)
    }

    #[test]
    fn the_providers_worked_examples() {
        // R$ 100,00 five days late: fine 2,00 + interest 0,1666… → R$ 102,17.
        let c = at(&ledger(date(2026, 3, 10), 10_000), date(2026, 3, 15));
        assert_eq!(
            (c.fine.cents(), c.interest.cents(), c.total.cents()),
            (200, 17, 10_217)
        );
        assert_eq!(c.days_overdue, 5);
        // R$ 1.000,00 five days late → R$ 1.021,67.
        let c = at(&ledger(date(2026, 3, 10), 100_000), date(2026, 3, 15));
        assert_eq!(c.total.cents(), 102_167);
    }

    #[test]
    fn nothing_is_charged_on_or_before_the_due_date() {
        let l = ledger(date(2026, 3, 10), 10_000);
        let c = at(&l, date(2026, 3, 10));
        assert_eq!((c.total.cents(), c.days_overdue), (10_000, 0));
        let c = at(&l, date(2026, 3, 1));
        assert_eq!((c.total.cents(), c.days_overdue), (10_000, -9));
    }

    #[test]
    fn a_saturday_due_date_is_free_on_monday_and_late_from_saturday_on_tuesday() {
        let l = ledger(date(2026, 3, 7), 30_000); // Saturday
        let monday = at(&l, date(2026, 3, 9));
        assert_eq!((monday.total.cents(), monday.days_overdue), (30_000, 0));
        let sunday = at(&l, date(2026, 3, 8));
        assert_eq!(sunday.total.cents(), 30_000);
        let tuesday = at(&l, date(2026, 3, 10));
        // Three days from Saturday: 30000 × 1 % × 3 / 30 = 30 centavos.
        assert_eq!(
            (
                tuesday.fine.cents(),
                tuesday.interest.cents(),
                tuesday.days_overdue
            ),
            (600, 30, 3)
        );
    }

    #[test]
    fn carnival_and_the_year_turn_extend_the_grace() {
        // Due on Carnival Monday 2025 (3 Mar): Tuesday is Carnival too, Ash Wednesday is free.
        let l = ledger(date(2025, 3, 3), 10_000);
        assert_eq!(at(&l, date(2025, 3, 5)).total.cents(), 10_000);
        assert_eq!(at(&l, date(2025, 3, 6)).days_overdue, 3);
        // Due 31 Dec 2026: no bank attendance; 1 Jan holiday, 2–3 Jan weekend; Monday 4 Jan free.
        let l = ledger(date(2026, 12, 31), 10_000);
        assert_eq!(at(&l, date(2027, 1, 4)).total.cents(), 10_000);
        let c = at(&l, date(2027, 1, 5));
        assert_eq!((c.days_overdue, c.fine.cents()), (5, 200));
        // 20 Nov is a national holiday from 2024: due Friday 20 Nov 2026, free on Monday 23.
        let l = ledger(date(2026, 11, 20), 10_000);
        assert_eq!(at(&l, date(2026, 11, 23)).total.cents(), 10_000);
    }

    #[test]
    fn counts_leap_days() {
        // 28 Feb 2024 → 1 Mar 2024 is two days in a leap year.
        let l = ledger(date(2024, 2, 28), 300_000);
        let c = at(&l, date(2024, 3, 1));
        assert_eq!((c.days_overdue, c.interest.cents()), (2, 200));
        // 29 Feb 2024 is a Thursday, a business day: late on 1 Mar.
        let l = ledger(date(2024, 2, 29), 300_000);
        assert_eq!(at(&l, date(2024, 3, 1)).days_overdue, 1);
        // In 2028, 28–29 Feb are Carnival: due on the 29th, free on Ash Wednesday.
        let l = ledger(date(2028, 2, 29), 300_000);
        assert_eq!(at(&l, date(2028, 3, 1)).total.cents(), 300_000);
        assert_eq!(at(&l, date(2028, 3, 2)).days_overdue, 2);
    }

    #[test]
    fn partial_late_payment_stops_interest_on_what_was_paid() {
        let mut l = ledger(date(2026, 3, 10), 30_000);
        // 10 days late, pays charges (600 + 100) and 10.000 of principal.
        l.applied.push(AppliedPayment {
            date: date(2026, 3, 20),
            principal: Money::from_cents(10_000),
            fine: Money::from_cents(600),
            interest: Money::from_cents(100),
            discount: Money::ZERO,
        });
        // 20 more days on 20.000: 20000 × 1 % × 20 / 30 = 133,33 → interest now 133.
        let c = at(&l, date(2026, 4, 9));
        assert_eq!(
            (c.principal.cents(), c.fine.cents(), c.interest.cents()),
            (20_000, 0, 133)
        );
        // As of the day before the payment, the payment does not count yet.
        let before = at(&l, date(2026, 3, 19));
        assert_eq!(before.principal.cents(), 30_000);
    }

    #[test]
    fn early_payment_returns_financing_interest() {
        let mut l = ledger(date(2026, 4, 30), 10_000);
        l.financing_rate = BasisPoints(300); // 3 % a month
        let c = at(&l, date(2026, 3, 31)); // 30 days early: 10000 − 10000/1.03 = 291,26
        assert_eq!((c.discount.cents(), c.total.cents()), (291, 9_709));
        l.financing_rate = BasisPoints(0);
        assert_eq!(at(&l, date(2026, 3, 31)).discount, Money::ZERO);
    }

    #[test]
    fn a_policy_above_the_law_is_refused() {
        assert_eq!(
            ChargesPolicy::new(BasisPoints(201), BasisPoints(100)),
            Err(PolicyError::FineAboveCap(BasisPoints(201)))
        );
        assert_eq!(
            ChargesPolicy::new(BasisPoints(200), BasisPoints(101)),
            Err(PolicyError::InterestAboveCap(BasisPoints(101)))
        );
        assert!(ChargesPolicy::new(BasisPoints(0), BasisPoints(50)).is_ok());
    }

    #[test]
    fn a_lower_policy_charges_less() {
        let policy = ChargesPolicy::new(BasisPoints(100), BasisPoints(50)).unwrap();
        let l = ledger(date(2026, 3, 10), 60_000);
        let c = charges_at(&l, &policy, &Calendar::default(), date(2026, 4, 9));
        assert_eq!((c.fine.cents(), c.interest.cents()), (600, 300));
    }

    fn arb_policy() -> impl Strategy<Value = ChargesPolicy> {
        (0u32..=200, 0u32..=100).prop_map(|(fine, interest)| ChargesPolicy {
            fine: BasisPoints(fine),
            monthly_interest: BasisPoints(interest),
        })
    }

    proptest! {
        #[test]
        fn charges_never_exceed_the_caps(
            cents in 1i64..100_000_000,
            due_offset in 0i64..4000,
            late in 0i64..4000,
            policy in arb_policy(),
        ) {
            let due = date(2020, 1, 1) + chrono::Duration::days(due_offset);
            let l = ledger(due, cents);
            let day = due + chrono::Duration::days(late);
            let c = charges_at(&l, &policy, &Calendar::default(), day);
            // Fine ≤ 2 % of the installment (rounded to the cent).
            prop_assert!(c.fine.cents() * 10_000 <= cents * 200 + 5_000);
            // Interest ≤ 1 % a month, pro rata, simple.
            prop_assert!(i128::from(c.interest.cents()) * 300_000
                <= i128::from(cents) * 100 * i128::from(late) + 150_000);
            prop_assert_eq!(c.total, c.principal + c.fine + c.interest - c.discount);
        }

        #[test]
        fn charges_never_decrease_with_time(
            cents in 1i64..100_000_000,
            due_offset in 0i64..4000,
            first in -40i64..2000,
            step in 0i64..400,
            paid in 0i64..50_000,
            paid_after in 0i64..300,
            policy in arb_policy(),
        ) {
            let due = date(2020, 1, 1) + chrono::Duration::days(due_offset);
            let mut l = ledger(due, cents);
            let paid = paid.min(cents - 1);
            l.applied.push(AppliedPayment {
                date: due + chrono::Duration::days(paid_after),
                principal: Money::from_cents(paid),
                ..Default::default()
            });
            let a = due + chrono::Duration::days(first);
            let b = a + chrono::Duration::days(step);
            let calendar = Calendar::default();
            let ca = charges_at(&l, &policy, &calendar, a);
            let cb = charges_at(&l, &policy, &calendar, b);
            let a_paid = l.applied[0].date <= a;
            let b_paid = l.applied[0].date <= b;
            if a_paid == b_paid {
                prop_assert!(cb.fine >= ca.fine);
                prop_assert!(cb.interest >= ca.interest);
                prop_assert!(cb.total >= ca.total);
            }
        }
    }

    #[test]
    fn a_day_of_interest_is_the_months_rate_over_thirty_days_rounded_down() {
        let policy = ChargesPolicy::default();
        // 1 % a month on R$ 400,00: R$ 4,00 / 30 = 13,33 centavos.
        assert_eq!(policy.daily_interest(Money::from_cents(40_000)).cents(), 13);
        assert_eq!(policy.daily_interest(Money::from_cents(2_999)).cents(), 0);
    }
}
