//! Installments of a credit sale and the money already applied to them.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::money::Money;
use super::rate::BasisPoints;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstallmentStatus {
    Open,
    PartiallyPaid,
    Paid,
    Renegotiated,
    WrittenOff,
    Prescribed,
}

impl InstallmentStatus {
    pub const ALL: [InstallmentStatus; 6] = [
        InstallmentStatus::Open,
        InstallmentStatus::PartiallyPaid,
        InstallmentStatus::Paid,
        InstallmentStatus::Renegotiated,
        InstallmentStatus::WrittenOff,
        InstallmentStatus::Prescribed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InstallmentStatus::Open => "open",
            InstallmentStatus::PartiallyPaid => "partially_paid",
            InstallmentStatus::Paid => "paid",
            InstallmentStatus::Renegotiated => "renegotiated",
            InstallmentStatus::WrittenOff => "written_off",
            InstallmentStatus::Prescribed => "prescribed",
        }
    }

    pub fn from_code(code: &str) -> Option<InstallmentStatus> {
        Self::ALL.into_iter().find(|status| status.as_str() == code)
    }

    /// Whether money is still owed and may be received on it.
    pub fn is_collectible(self) -> bool {
        matches!(
            self,
            InstallmentStatus::Open | InstallmentStatus::PartiallyPaid
        )
    }

    pub fn label(self) -> String {
        match self {
            InstallmentStatus::Open => crate::t!("status-open"),
            InstallmentStatus::PartiallyPaid => crate::t!("status-partially-paid"),
            InstallmentStatus::Paid => crate::t!("status-paid"),
            InstallmentStatus::Renegotiated => crate::t!("status-renegotiated"),
            InstallmentStatus::WrittenOff => crate::t!("status-written-off"),
            InstallmentStatus::Prescribed => crate::t!("status-prescribed"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Cash,
    Pix,
    Card,
    Boleto,
    Transfer,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 5] = [
        PaymentMethod::Cash,
        PaymentMethod::Pix,
        PaymentMethod::Card,
        PaymentMethod::Boleto,
        PaymentMethod::Transfer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Pix => "pix",
            PaymentMethod::Card => "card",
            PaymentMethod::Boleto => "boleto",
            PaymentMethod::Transfer => "transfer",
        }
    }

    pub fn from_code(code: &str) -> Option<PaymentMethod> {
        Self::ALL.into_iter().find(|method| method.as_str() == code)
    }

    /// Accepts the code and the words a clerk uses, in Portuguese or English.
    pub fn parse(input: &str) -> Option<PaymentMethod> {
        let word = super::text::fold(input);
        let method = match word.as_str() {
            "cash" | "dinheiro" | "especie" => PaymentMethod::Cash,
            "pix" => PaymentMethod::Pix,
            "card" | "cartao" | "credito" | "debito" => PaymentMethod::Card,
            "boleto" => PaymentMethod::Boleto,
            "transfer" | "transferencia" | "ted" | "doc" => PaymentMethod::Transfer,
            _ => return None,
        };
        Some(method)
    }

    pub fn label(self) -> String {
        match self {
            PaymentMethod::Cash => crate::t!("method-cash"),
            PaymentMethod::Pix => crate::t!("method-pix"),
            PaymentMethod::Card => crate::t!("method-card"),
            PaymentMethod::Boleto => crate::t!("method-boleto"),
            PaymentMethod::Transfer => crate::t!("method-transfer"),
        }
    }
}

impl fmt::Display for PaymentMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// Part of an earlier payment applied to one installment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedPayment {
    pub date: NaiveDate,
    pub principal: Money,
    pub fine: Money,
    pub interest: Money,
    /// Early-payment reduction granted on settling before the due date (CDC art. 52 §2).
    pub discount: Money,
}

/// What the charges engine needs to know about one installment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstallmentLedger {
    pub id: i64,
    pub due_date: NaiveDate,
    /// The installment's original value (principal).
    pub amount: Money,
    /// The sale's monthly financing rate, which early payment gives back pro rata.
    pub financing_rate: BasisPoints,
    /// In date order.
    pub applied: Vec<AppliedPayment>,
}

impl InstallmentLedger {
    pub fn new(id: i64, due_date: NaiveDate, amount: Money) -> InstallmentLedger {
        InstallmentLedger {
            id,
            due_date,
            amount,
            financing_rate: BasisPoints(0),
            applied: Vec::new(),
        }
    }

    /// Principal still owed, counting payments up to and including `date`.
    pub fn outstanding_principal(&self, date: NaiveDate) -> Money {
        let settled: Money = self
            .applied
            .iter()
            .filter(|p| p.date <= date)
            .map(|p| p.principal + p.discount)
            .sum();
        self.amount - settled
    }

    /// The status the applied payments give it (for open / partially paid / paid).
    pub fn payment_status(&self) -> InstallmentStatus {
        let settled: Money = self.applied.iter().map(|p| p.principal + p.discount).sum();
        if settled >= self.amount {
            InstallmentStatus::Paid
        } else if self.applied.is_empty() {
            InstallmentStatus::Open
        } else {
            InstallmentStatus::PartiallyPaid
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for status in InstallmentStatus::ALL {
            assert_eq!(InstallmentStatus::from_code(status.as_str()), Some(status));
        }
        for method in PaymentMethod::ALL {
            assert_eq!(PaymentMethod::from_code(method.as_str()), Some(method));
            assert_eq!(PaymentMethod::parse(method.as_str()), Some(method));
        }
        assert_eq!(PaymentMethod::parse("Cartão"), Some(PaymentMethod::Card));
        assert_eq!(PaymentMethod::parse("DINHEIRO"), Some(PaymentMethod::Cash));
        assert_eq!(PaymentMethod::parse("cheque"), None);
    }
}
