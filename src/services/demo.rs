//! Filling an empty database with the demo store.

use serde::Serialize;

use crate::boleto::account::BankAccount;
use crate::domain::demo::{DemoOptions, generate};
use crate::domain::imputation::Allocation;
use crate::domain::users::Role;
use crate::error::{Error, Result};
use crate::services::boletos::issue_in;
use crate::services::{Actor, now_text};
use crate::store::boletos::{self, BoletoStatus};
use crate::store::payments::{self, NewPayment};
use crate::store::{Database, audit, customers, sales, settings, users};

/// The demo store's clerks, so its day-end shows receipts by clerk.
const DEMO_CLERKS: [&str; 3] = [
    "Ana (demonstração)",
    "Bruno (demonstração)",
    "Carla (demonstração)",
];
/// The demo store's owner and her PIN, shown on the welcome screen.
pub const DEMO_OWNER: &str = "Marta (demonstração)";
pub const DEMO_OWNER_PIN: &str = "1234";

/// The demo's people at the counter: the owner with her PIN, the clerks without one.
fn add_demo_people(tx: &rusqlite::Connection, created_at: &str) -> Result<()> {
    let pin_hash = crate::services::users::hash(DEMO_OWNER_PIN)?;
    users::insert(tx, DEMO_OWNER, Role::Owner, Some(&pin_hash), created_at)?;
    for clerk in DEMO_CLERKS {
        users::insert(tx, clerk, Role::Clerk, None, created_at)?;
    }
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    pub customers: u64,
    pub sales: u64,
    pub installments: u64,
    pub payments: u64,
    pub boletos: u64,
}

/// The demo store's bank account, and a boleto for every open installment as if each had
/// been issued with the sale: those already due were registered at the bank back then.
fn issue_demo_boletos(
    tx: &rusqlite::Connection,
    account: &BankAccount,
    today: chrono::NaiveDate,
    actor: &Actor,
    created_at: &str,
) -> Result<u64> {
    let account_id = boletos::set_active_account(tx, account, created_at)?;
    let mut issued = 0;
    for unbilled in boletos::unbilled_open_installments(tx)? {
        if !unbilled.outstanding_principal.is_positive() {
            continue;
        }
        let status = if unbilled.due_date < today {
            BoletoStatus::Registered
        } else {
            BoletoStatus::ToRegister
        };
        issue_in(
            tx,
            (account_id, account),
            unbilled.installment_id,
            unbilled.number,
            unbilled.due_date,
            unbilled.outstanding_principal,
            today,
            status,
            actor.name(),
            created_at,
        )?;
        issued += 1;
    }
    Ok(issued)
}

/// Creates the demo store in one transaction; refuses a database that has data.
pub fn create(db: &mut Database, actor: &Actor, options: &DemoOptions) -> Result<DemoSummary> {
    if !db.is_empty()? {
        return Err(Error::NotEmpty);
    }
    let plan = generate(options);
    let created_at = now_text();
    let tx = db.transaction()?;
    // Checked again inside the lock: another window may have written meanwhile.
    let busy: i64 = tx.query_row("SELECT count(*) FROM customers", [], |row| row.get(0))?;
    if busy > 0 {
        return Err(Error::NotEmpty);
    }
    let mut stored_settings = settings::load(&tx)?;
    stored_settings.store = plan.store.clone();
    settings::save(&tx, &stored_settings)?;
    if users::count_owners(&tx)? == 0 {
        add_demo_people(&tx, &created_at)?;
    }

    let mut summary = DemoSummary {
        customers: 0,
        sales: 0,
        installments: 0,
        payments: 0,
        boletos: 0,
    };
    for demo in &plan.customers {
        let customer_id = customers::insert(&tx, &demo.customer, &created_at)?;
        summary.customers += 1;
        let mut installment_ids = Vec::with_capacity(demo.sales.len());
        for sale in &demo.sales {
            let (sale_id, ids) =
                sales::insert(&tx, customer_id, &sale.terms, &sale.plan, &created_at)?;
            summary.sales += 1;
            summary.installments += ids.len() as u64;
            if sale.terms.down_payment.is_positive() {
                payments::insert(
                    &tx,
                    &NewPayment {
                        customer_id,
                        sale_id: Some(sale_id),
                        paid_on: sale.terms.sale_date,
                        amount: sale.terms.down_payment,
                        method: sale.down_payment_method,
                        actor: actor.name(),
                        created_at: &created_at,
                    },
                    &[],
                )?;
            }
            installment_ids.push(ids);
        }
        for (number, payment) in demo.payments.iter().enumerate() {
            let allocations: Vec<Allocation> = payment
                .allocations
                .iter()
                .map(|((sale, number), allocation)| Allocation {
                    installment_id: installment_ids[*sale][*number as usize - 1],
                    ..*allocation
                })
                .collect();
            payments::insert(
                &tx,
                &NewPayment {
                    customer_id,
                    sale_id: None,
                    paid_on: payment.date,
                    amount: payment.amount,
                    method: payment.method,
                    actor: DEMO_CLERKS[(customer_id as usize + number) % DEMO_CLERKS.len()],
                    created_at: &created_at,
                },
                &allocations,
            )?;
            summary.payments += 1;
        }
    }
    summary.boletos =
        issue_demo_boletos(&tx, &plan.bank_account, options.today, actor, &created_at)?;
    audit::record(
        &tx,
        actor.name(),
        "demo.create",
        "database",
        None,
        &serde_json::json!({
            "seed": options.seed,
            "today": options.today,
            "customers": summary.customers,
            "installments": summary.installments,
        }),
    )?;
    tx.commit()?;
    Ok(summary)
}
