//! Closing a renegotiation: one transaction records the agreement, closes the
//! installments it replaces, creates the new ones (the down payment first) and, when
//! the down payment is paid at the counter, its payment; every step audited with who
//! did it and who approved it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::charges::Charges;
use crate::domain::imputation::Allocation;
use crate::domain::installment::{InstallmentStatus, PaymentMethod};
use crate::domain::money::Money;
use crate::domain::negotiation::{AgreementState, Breach, Debt, PlanTerms, ProposalKind};
use crate::domain::sale::{PlannedInstallment, SaleTerms};
use crate::domain::users::Role;
use crate::error::{Error, Result};
use crate::services::negotiation::propose_for;
use crate::services::{Actor, now_text, users};
use crate::store::agreements::{self as stored, AgreementRecord, NewAgreement};
use crate::store::boletos::{self, BoletoStatus};
use crate::store::payments::{self, NewPayment};
use crate::store::{Database, audit, sales};

/// An owner's approval of a plan beyond the limits, given at that moment.
#[derive(Clone, Debug)]
pub struct Approval {
    pub owner_id: i64,
    pub pin: String,
    pub reason: String,
}

#[derive(Clone, Debug)]
pub struct AgreementRequest {
    pub customer_id: i64,
    /// The overdue installments it settles.
    pub installment_ids: Vec<i64>,
    pub kind: ProposalKind,
    pub terms: PlanTerms,
    /// How the down payment was paid at the counter; `None`: it is paid later, by the
    /// proposal's validity date, as the agreement's first installment.
    pub paid_now: Option<PaymentMethod>,
    pub approval: Option<Approval>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AgreementMade {
    pub agreement_id: i64,
    pub sale_id: i64,
    /// The down payment received now, for its receipt.
    pub payment_id: Option<i64>,
    /// New installments still to pay: what the carnê prints.
    pub to_pay: usize,
}

/// Whether one of the customer's agreements broke (and so the next needs the owner).
pub fn broke_an_agreement(db: &Database, customer_id: i64, today: NaiveDate) -> Result<bool> {
    for agreement in stored::for_customer(db.conn(), customer_id)? {
        if stored::state(db.conn(), &agreement, today)? == AgreementState::Broken {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A customer's agreements, newest first, with where each stands.
pub fn for_customer(
    db: &Database,
    customer_id: i64,
    today: NaiveDate,
) -> Result<Vec<(AgreementRecord, AgreementState)>> {
    stored::for_customer(db.conn(), customer_id)?
        .into_iter()
        .map(|agreement| {
            let state = stored::state(db.conn(), &agreement, today)?;
            Ok((agreement, state))
        })
        .collect()
}

pub fn get(db: &Database, id: i64) -> Result<AgreementRecord> {
    stored::get(db.conn(), id)?.ok_or(Error::AgreementNotFound(id))
}

/// Who approves a plan beyond the limits: nobody is needed inside them; an owner at
/// the counter approves it herself; a clerk needs an owner's PIN now. A refusal is
/// audited before it is returned.
fn approver(
    db: &mut Database,
    actor: &Actor,
    request: &AgreementRequest,
    breaches: &[Breach],
    now: DateTime<Utc>,
) -> Result<Option<(String, String)>> {
    if breaches.is_empty() {
        return Ok(None);
    }
    let refuse = |db: &mut Database, error: Error| -> Result<Option<(String, String)>> {
        let tx = db.transaction()?;
        audit::record(
            &tx,
            actor.name(),
            "agreement.refused",
            "customer",
            Some(request.customer_id),
            &serde_json::json!({
                "breaches": breaches,
                "reason": error.to_string(),
                "approver": request.approval.as_ref().map(|a| a.owner_id),
            }),
        )?;
        tx.commit()?;
        Err(error)
    };
    let Some(approval) = &request.approval else {
        let limits = breaches.iter().map(ToString::to_string).collect();
        return refuse(db, Error::NeedsOwner(limits));
    };
    let reason = crate::domain::text::tidy(&approval.reason);
    if reason.is_empty() {
        return refuse(db, Error::ReasonRequired);
    }
    if actor.is_owner() && actor.user_id().is_none_or(|id| id == approval.owner_id) {
        return Ok(Some((actor.name().to_string(), reason)));
    }
    // The PIN check keeps its own audit rows and lockout, whatever happens next.
    let owner = match users::check_pin(db, approval.owner_id, &approval.pin, now) {
        Ok(owner) => owner,
        Err(error) => return refuse(db, error),
    };
    if owner.role != Role::Owner {
        return refuse(db, Error::NotAllowed);
    }
    Ok(Some((owner.name, reason)))
}

/// Records the agreement as one transaction; nothing is written if any step fails.
pub fn make(
    db: &mut Database,
    actor: &Actor,
    request: &AgreementRequest,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<AgreementMade> {
    if request.installment_ids.is_empty() {
        return Err(Error::Plan(
            crate::domain::negotiation::PlanError::NothingOwed,
        ));
    }
    let negotiation = propose_for(
        db,
        request.customer_id,
        today,
        Some(&request.installment_ids),
    )?;
    let plan = negotiation.check(request.kind, &request.terms)?;
    let approved = approver(db, actor, request, &plan.breaches, now)?;
    let proposal = plan.proposal;

    let tx = db.transaction()?;
    let created_at = now_text();
    let record = AgreementRecord {
        id: 0,
        customer_id: request.customer_id,
        made_on: today,
        valid_until: proposal.valid_until,
        kind: proposal.kind,
        debt: proposal.debt,
        discount: proposal.discount,
        new_total: proposal.new_total,
        down_payment: proposal.down_payment,
        installment_count: proposal.installments.len() as u32,
        monthly_rate: proposal.monthly_rate,
        cet_annual: proposal.cet_annual,
        total_with_financing: proposal.total_with_financing,
        sale_id: None,
        down_payment_id: None,
        actor: actor.name().to_string(),
        approved_by: approved.as_ref().map(|(name, _)| name.clone()),
        approval_reason: approved.as_ref().map(|(_, reason)| reason.clone()),
    };
    let breaches_json = serde_json::to_string(&plan.breaches).unwrap_or_default();
    let agreement_id = stored::insert(
        &tx,
        &NewAgreement {
            record: &record,
            breaches_json: &breaches_json,
            created_at: &created_at,
        },
    )?;
    for line in &negotiation.installments {
        let worth = Debt {
            principal: line.charges.principal,
            fine: line.charges.fine,
            interest: line.charges.interest,
        };
        // Read before the write lock: another counter may have taken it since.
        if !stored::replace_installment(&tx, agreement_id, line.id, &worth, today)? {
            return Err(Error::InstallmentClosed(line.id));
        }
        // The bank must stop collecting the old boleto: written off here if it never
        // saw it, else by the next remittance file.
        if let Some(boleto) = boletos::current_for_installment(&tx, line.id)? {
            let status = if boleto.status == BoletoStatus::ToRegister {
                BoletoStatus::WrittenOff
            } else {
                BoletoStatus::ToWriteOff
            };
            boletos::set_status(&tx, boleto.id, status)?;
        }
    }

    // The new installments: the down payment first (due today when paid now, else by
    // the validity date), then the plan's.
    let mut plan_rows: Vec<PlannedInstallment> = Vec::new();
    if proposal.down_payment.is_positive() {
        plan_rows.push(PlannedInstallment {
            number: 1,
            due_date: if request.paid_now.is_some() {
                today
            } else {
                proposal.valid_until
            },
            amount: proposal.down_payment,
        });
    }
    for installment in &proposal.installments {
        plan_rows.push(PlannedInstallment {
            number: plan_rows.len() as u32 + 1,
            ..*installment
        });
    }
    let terms = SaleTerms {
        sale_date: today,
        // Printed on the customer's carnê and receipts: Portuguese whatever the app's
        // language (CDC art. 31).
        description: format!("Acordo nº {agreement_id}"),
        total: proposal.total_with_financing,
        down_payment: Money::ZERO,
        installments: plan_rows.len() as u32,
        first_due: plan_rows.first().map_or(today, |row| row.due_date),
        financing_rate: proposal.monthly_rate,
    };
    let (sale_id, ids) = sales::insert(&tx, request.customer_id, &terms, &plan_rows, &created_at)?;

    let mut payment_id = None;
    if let (Some(method), true) = (request.paid_now, proposal.down_payment.is_positive()) {
        let down = proposal.down_payment;
        let allocation = Allocation {
            installment_id: ids[0],
            principal: down,
            fine: Money::ZERO,
            interest: Money::ZERO,
            discount: Money::ZERO,
            charges_before: Charges {
                principal: down,
                total: down,
                ..Charges::default()
            },
            status_after: InstallmentStatus::Paid,
        };
        payment_id = Some(payments::insert(
            &tx,
            &NewPayment {
                customer_id: request.customer_id,
                sale_id: None,
                paid_on: today,
                amount: down,
                method,
                actor: actor.name(),
                created_at: &created_at,
            },
            &[allocation],
        )?);
    }
    stored::link(&tx, agreement_id, Some(sale_id), payment_id)?;
    audit::record(
        &tx,
        actor.name(),
        "agreement.create",
        "agreement",
        Some(agreement_id),
        &serde_json::json!({
            "customer_id": request.customer_id,
            "installments": request.installment_ids,
            "kind": proposal.kind.code(),
            "debt_cents": proposal.debt.total().cents(),
            "discount_cents": proposal.discount.cents(),
            "new_total_cents": proposal.new_total.cents(),
            "down_payment_cents": proposal.down_payment.cents(),
            "down_payment_paid": payment_id.is_some(),
            "installment_count": proposal.installments.len(),
            "sale_id": sale_id,
            "breaches": plan.breaches,
            "approved_by": record.approved_by,
            "reason": record.approval_reason,
        }),
    )?;
    if let Some((owner, reason)) = &approved {
        audit::record(
            &tx,
            owner,
            "agreement.approve",
            "agreement",
            Some(agreement_id),
            &serde_json::json!({
                "clerk": actor.name(),
                "breaches": plan.breaches,
                "reason": reason,
            }),
        )?;
    }
    if let Some(id) = payment_id {
        audit::record(
            &tx,
            actor.name(),
            "payment.receive",
            "payment",
            Some(id),
            &serde_json::json!({
                "customer_id": request.customer_id,
                "amount_cents": proposal.down_payment.cents(),
                "agreement_id": agreement_id,
            }),
        )?;
    }
    tx.commit()?;
    Ok(AgreementMade {
        agreement_id,
        sale_id,
        payment_id,
        to_pay: ids.len() - usize::from(payment_id.is_some()),
    })
}
