//! A credit sale (venda a crediário) and the installments it is split into.

use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::money::{MAX_AMOUNT, Money};
use super::rate::BasisPoints;

pub const MAX_INSTALLMENTS: u32 = 48;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaleTerms {
    pub sale_date: NaiveDate,
    pub description: String,
    pub total: Money,
    pub down_payment: Money,
    pub installments: u32,
    pub first_due: NaiveDate,
    /// Monthly rate already built into the installments; 0 for "sem juros".
    pub financing_rate: BasisPoints,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedInstallment {
    pub number: u32,
    pub due_date: NaiveDate,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaleError {
    TotalNotPositive,
    TotalTooLarge,
    NegativeDownPayment,
    DownPaymentCoversTotal,
    InstallmentCount(u32),
    FirstDueBeforeSale,
    RateTooHigh,
}

impl fmt::Display for SaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            SaleError::TotalNotPositive => crate::t!("sale-total-not-positive"),
            SaleError::TotalTooLarge => {
                crate::t!("sale-total-too-large", max = MAX_AMOUNT.format_brl())
            }
            SaleError::NegativeDownPayment => crate::t!("sale-negative-down-payment"),
            SaleError::DownPaymentCoversTotal => crate::t!("sale-down-payment-covers-total"),
            SaleError::InstallmentCount(count) => {
                crate::t!(
                    "sale-installment-count",
                    count = count.to_string(),
                    max = MAX_INSTALLMENTS.to_string()
                )
            }
            SaleError::FirstDueBeforeSale => crate::t!("sale-first-due-before-sale"),
            SaleError::RateTooHigh => crate::t!("sale-rate-too-high"),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for SaleError {}

/// The first due date a sale is offered with: a month after it.
pub fn default_first_due(sale_date: NaiveDate) -> NaiveDate {
    sale_date
        .checked_add_months(Months::new(1))
        .unwrap_or(sale_date)
}

/// What the planned installments add up to.
pub fn planned_total(plan: &[PlannedInstallment]) -> Money {
    plan.iter().map(|p| p.amount).sum()
}

impl SaleTerms {
    /// What is left after the down payment, split into monthly installments that add up
    /// to the cent. A day missing from a month (31 in April) falls on its last day.
    pub fn plan(&self) -> Result<Vec<PlannedInstallment>, SaleError> {
        if !self.total.is_positive() {
            return Err(SaleError::TotalNotPositive);
        }
        if self.total > MAX_AMOUNT {
            return Err(SaleError::TotalTooLarge);
        }
        if self.down_payment.is_negative() {
            return Err(SaleError::NegativeDownPayment);
        }
        if self.down_payment >= self.total {
            return Err(SaleError::DownPaymentCoversTotal);
        }
        if !(1..=MAX_INSTALLMENTS).contains(&self.installments) {
            return Err(SaleError::InstallmentCount(self.installments));
        }
        if self.first_due < self.sale_date {
            return Err(SaleError::FirstDueBeforeSale);
        }
        if self.financing_rate.value() > 1_000 {
            return Err(SaleError::RateTooHigh);
        }
        let financed = self.total - self.down_payment;
        Ok(financed
            .split(self.installments)
            .into_iter()
            .enumerate()
            .map(|(index, amount)| PlannedInstallment {
                number: index as u32 + 1,
                due_date: self
                    .first_due
                    .checked_add_months(Months::new(index as u32))
                    .unwrap_or(NaiveDate::MAX),
                amount,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn terms(total: i64, down: i64, n: u32) -> SaleTerms {
        SaleTerms {
            sale_date: date(2026, 1, 15),
            description: "Sofá".into(),
            total: Money::from_cents(total),
            down_payment: Money::from_cents(down),
            installments: n,
            first_due: date(2026, 1, 31),
            financing_rate: BasisPoints(0),
        }
    }

    #[test]
    fn splits_monthly_with_month_ends() {
        let plan = terms(100_000, 10_000, 3).plan().unwrap();
        let amounts: Vec<i64> = plan.iter().map(|p| p.amount.cents()).collect();
        assert_eq!(amounts, vec![30_000, 30_000, 30_000]);
        let dates: Vec<NaiveDate> = plan.iter().map(|p| p.due_date).collect();
        assert_eq!(
            dates,
            vec![date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]
        );
        let plan = terms(10_000, 0, 3).plan().unwrap();
        assert_eq!(plan[0].amount.cents(), 3_334);
    }

    #[test]
    fn refuses_bad_terms() {
        assert_eq!(terms(0, 0, 3).plan(), Err(SaleError::TotalNotPositive));
        assert_eq!(terms(-5, 0, 3).plan(), Err(SaleError::TotalNotPositive));
        assert_eq!(
            terms(100, 100, 3).plan(),
            Err(SaleError::DownPaymentCoversTotal)
        );
        assert_eq!(
            terms(100, -1, 3).plan(),
            Err(SaleError::NegativeDownPayment)
        );
        assert_eq!(terms(100, 0, 0).plan(), Err(SaleError::InstallmentCount(0)));
        assert_eq!(
            terms(100, 0, 49).plan(),
            Err(SaleError::InstallmentCount(49))
        );
        assert_eq!(
            terms(2_000_000_000, 0, 2).plan(),
            Err(SaleError::TotalTooLarge)
        );
        let mut early = terms(100, 0, 1);
        early.first_due = date(2026, 1, 1);
        assert_eq!(early.plan(), Err(SaleError::FirstDueBeforeSale));
    }

    proptest! {
        #[test]
        fn installments_add_up_to_the_financed_amount(
            total in 1i64..1_000_000_000, down_share in 0i64..100, n in 1u32..=48
        ) {
            let down = total * down_share / 100;
            prop_assume!(down < total);
            let plan = terms(total, down, n).plan().unwrap();
            prop_assert_eq!(plan.len(), n as usize);
            prop_assert_eq!(plan.iter().map(|p| p.amount).sum::<Money>(), Money::from_cents(total - down));
            prop_assert!(plan.windows(2).all(|w| w[0].due_date < w[1].due_date));
        }
    }
}
