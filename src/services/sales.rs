//! Recording a credit sale.

use serde::Serialize;

use crate::domain::installment::PaymentMethod;
use crate::domain::sale::{PlannedInstallment, SaleTerms};
use crate::error::{Error, Result};
use crate::services::{Actor, now_text};
use crate::store::payments::{self, NewPayment};
use crate::store::{Database, audit, customers, sales};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SaleReceipt {
    pub sale_id: i64,
    pub installments: Vec<(i64, PlannedInstallment)>,
}

/// Records the sale, its installments and the down payment received now.
pub fn create(
    db: &mut Database,
    actor: &Actor,
    customer_id: i64,
    terms: &SaleTerms,
    down_payment_method: PaymentMethod,
) -> Result<SaleReceipt> {
    let plan = terms.plan()?;
    let tx = db.transaction()?;
    if customers::get(&tx, customer_id)?.is_none() {
        return Err(Error::CustomerNotFound(customer_id.to_string()));
    }
    let created_at = now_text();
    let (sale_id, ids) = sales::insert(&tx, customer_id, terms, &plan, &created_at)?;
    if terms.down_payment.is_positive() {
        payments::insert(
            &tx,
            &NewPayment {
                customer_id,
                sale_id: Some(sale_id),
                paid_on: terms.sale_date,
                amount: terms.down_payment,
                method: down_payment_method,
                actor: actor.name(),
                created_at: &created_at,
            },
            &[],
        )?;
    }
    audit::record(
        &tx,
        actor.name(),
        "sale.create",
        "credit_sale",
        Some(sale_id),
        &serde_json::json!({
            "customer_id": customer_id,
            "total_cents": terms.total.cents(),
            "down_payment_cents": terms.down_payment.cents(),
            "installments": plan.len(),
        }),
    )?;
    tx.commit()?;
    Ok(SaleReceipt {
        sale_id,
        installments: ids.into_iter().zip(plan).collect(),
    })
}
