//! The figures of each printed document, read from the database and the charges engine,
//! handed to `docs` to draw.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::boleto::account::BankAccount;
use crate::boleto::barcode::Barcode;
use crate::boleto::pix::{StaticPix, static_payload};
use crate::docs::agreement::{self, AgreementDoc, OriginalDebt};
use crate::docs::carne::{self, Carne, CarneSlip};
use crate::docs::model::{BoletoSlip, Party, PixCode, StoreHeader, UpdatedAmount, date};
use crate::docs::receipt::{self, NextDue, PaymentReceipt, ReceiptLine};
use crate::docs::second_copy::{self, SecondCopy};
use crate::domain::charges::charges_at;
use crate::domain::customer::format_phone;
use crate::domain::installment::{InstallmentStatus, PaymentMethod};
use crate::domain::money::Money;
use crate::domain::negotiation::Proposal;
use crate::domain::sale::PlannedInstallment;
use crate::domain::settings::Settings;
use crate::error::{Error, Result};
use crate::services::{Actor, boletos, day_end};
use crate::store::boletos::{self as stored_boletos, BoletoRecord};
use crate::store::customers::CustomerRecord;
use crate::store::ledger::{self, InstallmentRow};
use crate::store::sales::{self, SaleInfo};
use crate::store::{Database, agreements, customers, payments, settings as stored_settings};

/// Every document names the store (CDC art. 42-A): none is printed before its data is in.
fn require_store(settings: &Settings) -> Result<()> {
    if settings.store.legal_name.is_empty() || settings.store.cnpj.is_none() {
        return Err(Error::StoreNotSetUp);
    }
    Ok(())
}

pub fn store_header(settings: &Settings) -> StoreHeader {
    let store = &settings.store;
    StoreHeader {
        display_name: store.display_name().to_string(),
        party: payee(settings),
        phone: if store.phone.is_empty() {
            String::new()
        } else {
            format_phone(&store.phone)
        },
        email: store.email.clone(),
    }
}

/// The store as the payee (beneficiário) of its documents.
pub fn payee(settings: &Settings) -> Party {
    let store = &settings.store;
    let cnpj = store
        .cnpj
        .as_ref()
        .map(|c| format!("CNPJ {}", c.formatted()))
        .unwrap_or_default();
    Party::new(&store.legal_name, cnpj, &store.address)
}

pub fn payer(customer: &CustomerRecord) -> Party {
    let id = &customer.customer.tax_id;
    let label = if id.as_str().len() == 11 {
        "CPF"
    } else {
        "CNPJ"
    };
    Party::new(
        &customer.customer.name,
        format!("{label} {}", id.formatted()),
        &customer.customer.address,
    )
}

/// Fine and interest written as amounts and dates, as the banks ask (spec §5.5), from
/// the store's policy — the same figures the remittance file registers.
pub(crate) fn instructions(
    settings: &Settings,
    amount: Money,
    due: NaiveDate,
    reference: &str,
) -> Vec<String> {
    let policy = &settings.charges;
    let mut lines = Vec::new();
    let fine = amount.mul_div_round(i128::from(policy.fine.value()), 10_000);
    if fine.is_positive() {
        lines.push(format!(
            "Após {} cobrar multa de {}.",
            date(due),
            fine.format_brl()
        ));
    }
    let daily = amount.mul_div_round(i128::from(policy.monthly_interest.value()), 30 * 10_000);
    if daily.is_positive() {
        lines.push(format!(
            "Após {} cobrar juros de mora de {} por dia de atraso.",
            date(due),
            daily.format_brl()
        ));
    }
    lines.push(
        "Vencimento em sábado, domingo ou feriado: pagável sem acréscimo no primeiro dia útil seguinte."
            .to_string(),
    );
    lines.push(reference.to_string());
    lines
}

pub(crate) fn pix_code(
    settings: &Settings,
    installment_id: i64,
    amount: Money,
) -> Result<Option<PixCode>> {
    let Some(key) = &settings.store.pix_key else {
        return Ok(None);
    };
    let store = &settings.store;
    let txid = format!("REGUAP{installment_id}");
    let payload = static_payload(&StaticPix {
        key: key.as_str(),
        amount: Some(amount),
        merchant_name: store.display_name(),
        merchant_city: &store.address.city,
        txid: &txid,
    })?;
    Ok(Some(PixCode {
        payload,
        amount,
        key: key.as_str().to_string(),
    }))
}

/// `Venda 12 de 03/05/2026 – Sofá – parcela 3 de 10`.
pub(crate) fn installment_label(sale: &SaleInfo, number: u32) -> String {
    format!(
        "Venda {} de {} – {} – parcela {} de {}",
        sale.id,
        date(sale.sale_date),
        sale.description,
        number,
        sale.installment_count
    )
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn boleto_slip(
    boleto: &BoletoRecord,
    account: &BankAccount,
    settings: &Settings,
    customer: &CustomerRecord,
    sale: &SaleInfo,
    number: u32,
) -> Result<BoletoSlip> {
    let barcode = Barcode::parse(&boleto.barcode)?;
    Ok(BoletoSlip {
        bank: account.bank,
        digitable_line: barcode.digitable_line().formatted(),
        barcode: boleto.barcode.clone(),
        payee: payee(settings),
        agency_code: account.printed_agency_code(),
        payer: payer(customer),
        due_date: boleto.due_date,
        amount: boleto.amount,
        our_number: boleto.our_number_printed.clone(),
        document_number: format!("{}-{}/{}", sale.id, number, sale.installment_count),
        document_date: boleto.issued_on,
        processing_date: boleto.issued_on,
        wallet: account.wallet.clone(),
        instructions: instructions(
            settings,
            boleto.amount,
            boleto.due_date,
            &installment_label(sale, number),
        ),
    })
}

/// The installment, its sale and customer, or why not.
pub(crate) struct InstallmentContext {
    pub row: InstallmentRow,
    pub sale: SaleInfo,
    pub customer: CustomerRecord,
}

pub(crate) fn installment_context(
    conn: &Connection,
    installment_id: i64,
    today: NaiveDate,
) -> Result<InstallmentContext> {
    let row = ledger::installment(conn, installment_id, today)?
        .ok_or(Error::InstallmentNotFound(installment_id))?;
    let sale = sales::get(conn, row.sale_id)?.ok_or(Error::SaleNotFound(row.sale_id))?;
    let customer = customers::get(conn, row.customer_id)?
        .ok_or_else(|| Error::CustomerNotFound(row.customer_id.to_string()))?;
    Ok(InstallmentContext {
        row,
        sale,
        customer,
    })
}

pub(crate) fn boleto_account(conn: &Connection, boleto: &BoletoRecord) -> Result<BankAccount> {
    stored_boletos::account(conn, boleto.bank_account_id)?.ok_or(Error::NoBankAccount)
}

/// The figures of a second copy as of `today`.
pub fn second_copy_of(db: &Database, installment_id: i64, today: NaiveDate) -> Result<SecondCopy> {
    let conn = db.conn();
    let settings = stored_settings::load(conn)?;
    require_store(&settings)?;
    let context = installment_context(conn, installment_id, today)?;
    let charges = charges_at(
        &context.row.ledger,
        &settings.charges,
        &settings.calendar(),
        today,
    );
    if !charges.total.is_positive() {
        return Err(Error::InstallmentClosed(installment_id));
    }
    let boleto = stored_boletos::current_for_installment(conn, installment_id)?;
    let slip = match &boleto {
        Some(boleto) => Some(boleto_slip(
            boleto,
            &boleto_account(conn, boleto)?,
            &settings,
            &context.customer,
            &context.sale,
            context.row.number,
        )?),
        None => None,
    };
    let pix = pix_code(&settings, installment_id, charges.total)?;
    if slip.is_none() && pix.is_none() {
        return Err(Error::NoBankAccountNorPixKey);
    }
    Ok(SecondCopy {
        store: store_header(&settings),
        customer: payer(&context.customer),
        installment: installment_label(&context.sale, context.row.number),
        due_date: context.row.ledger.due_date,
        updated: UpdatedAmount {
            as_of: today,
            principal: charges.principal,
            fine: charges.fine,
            interest: charges.interest,
            discount: charges.discount,
            total: charges.total,
            days_overdue: charges.days_overdue,
        },
        boleto: slip,
        pix,
    })
}

/// The second copy's PDF.
pub fn second_copy(db: &Database, installment_id: i64, today: NaiveDate) -> Result<Vec<u8>> {
    second_copy::render(&second_copy_of(db, installment_id, today)?)
}

/// The carnê of a sale: a slip for every installment still open, with its boleto (issued
/// now when the store has a bank account and the installment has none) and/or a Pix code.
pub fn carne_of(
    db: &mut Database,
    actor: &Actor,
    sale_id: i64,
    today: NaiveDate,
) -> Result<(Carne, usize)> {
    let settings = stored_settings::load(db.conn())?;
    require_store(&settings)?;
    let issued = boletos::issue_for_sale(db, actor, sale_id, today)?;
    let conn = db.conn();
    let sale = sales::get(conn, sale_id)?.ok_or(Error::SaleNotFound(sale_id))?;
    let customer = customers::get(conn, sale.customer_id)?
        .ok_or_else(|| Error::CustomerNotFound(sale.customer_id.to_string()))?;
    let current = stored_boletos::current_for_sale(conn, sale_id)?;
    let account = stored_boletos::active_account(conn)?;
    let mut slips = Vec::new();
    for row in ledger::sale_installments(conn, sale_id, today)? {
        if !row.status.is_collectible() {
            continue;
        }
        let boleto = match current.get(&row.ledger.id) {
            Some(boleto) => {
                let account = match &account {
                    Some((id, account)) if *id == boleto.bank_account_id => account.clone(),
                    _ => boleto_account(conn, boleto)?,
                };
                Some(boleto_slip(
                    boleto, &account, &settings, &customer, &sale, row.number,
                )?)
            }
            None => None,
        };
        let amount = match &boleto {
            Some(slip) => slip.amount,
            None => row.ledger.outstanding_principal(today),
        };
        let pix = pix_code(&settings, row.ledger.id, amount)?;
        if boleto.is_none() && pix.is_none() {
            return Err(Error::NoBankAccountNorPixKey);
        }
        slips.push(CarneSlip {
            number: row.number,
            count: sale.installment_count,
            due_date: boleto.as_ref().map_or(row.ledger.due_date, |b| b.due_date),
            amount,
            boleto,
            pix,
        });
    }
    if slips.is_empty() {
        return Err(Error::NothingOpenInSale(sale_id));
    }
    Ok((
        Carne {
            store: store_header(&settings),
            customer: payer(&customer),
            title: format!(
                "Venda {} de {} – {}",
                sale.id,
                date(sale.sale_date),
                sale.description
            ),
            slips,
        },
        issued,
    ))
}

/// The carnê's PDF and how many boletos were issued for it.
pub fn carne(
    db: &mut Database,
    actor: &Actor,
    sale_id: i64,
    today: NaiveDate,
) -> Result<(Vec<u8>, usize)> {
    let (carne, issued) = carne_of(db, actor, sale_id, today)?;
    Ok((carne::render(std::slice::from_ref(&carne))?, issued))
}

/// The carnês of several sales in one PDF, telling `progress` after each sale; sales
/// with nothing left open are skipped.
pub fn carnes(
    db: &mut Database,
    actor: &Actor,
    sale_ids: &[i64],
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<u8>> {
    let mut carnes = Vec::with_capacity(sale_ids.len());
    for (done, sale_id) in sale_ids.iter().enumerate() {
        match carne_of(db, actor, *sale_id, today) {
            Ok((carne, _)) => carnes.push(carne),
            Err(Error::NothingOpenInSale(_)) => {}
            Err(error) => return Err(error),
        }
        progress(done + 1, sale_ids.len());
    }
    if carnes.is_empty() {
        return Err(Error::NothingToPrint);
    }
    carne::render(&carnes)
}

/// The credit sales made on `date`, for printing their carnês together.
pub fn sales_on(db: &Database, date: NaiveDate) -> Result<Vec<i64>> {
    sales::made_on(db.conn(), date)
}

/// Receipts are the customer's, in Portuguese whatever the app's language.
fn method_in_portuguese(method: PaymentMethod) -> &'static str {
    match method {
        PaymentMethod::Cash => "dinheiro",
        PaymentMethod::Pix => "Pix",
        PaymentMethod::Card => "cartão",
        PaymentMethod::Boleto => "boleto",
        PaymentMethod::Transfer => "transferência",
    }
}

/// The receipt of a payment: how it settled each installment and what remained that day.
pub fn receipt_of(db: &Database, payment_id: i64) -> Result<PaymentReceipt> {
    let conn = db.conn();
    let payment = payments::get(conn, payment_id)?.ok_or(Error::PaymentNotFound(payment_id))?;
    let settings = stored_settings::load(conn)?;
    require_store(&settings)?;
    let calendar = settings.calendar();
    let customer = customers::get(conn, payment.customer_id)?
        .ok_or_else(|| Error::CustomerNotFound(payment.customer_id.to_string()))?;
    let rows = ledger::customer_installments(conn, payment.customer_id, payment.paid_on)?;
    let mut sales_seen: HashMap<i64, SaleInfo> = HashMap::new();
    let mut label = |sale_id: i64, number: u32| -> Result<String> {
        let sale = match sales_seen.entry(sale_id) {
            std::collections::hash_map::Entry::Occupied(found) => found.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(sales::get(conn, sale_id)?.ok_or(Error::SaleNotFound(sale_id))?)
            }
        };
        Ok(format!(
            "Venda {} – {} – {}/{}",
            sale.id, sale.description, number, sale.installment_count
        ))
    };
    let mut lines = Vec::new();
    for allocation in payments::allocations(conn, payment_id)? {
        let Some(row) = rows
            .iter()
            .find(|r| r.ledger.id == allocation.installment_id)
        else {
            continue;
        };
        lines.push(ReceiptLine {
            installment: label(row.sale_id, row.number)?,
            due_date: row.ledger.due_date,
            principal: allocation.principal,
            fine: allocation.fine,
            interest: allocation.interest,
            discount: allocation.discount,
        });
    }
    // Owed at the end of the payment day: installments not renegotiated or written off,
    // with the payments made up to that day.
    let owing: Vec<(&InstallmentRow, Money)> = rows
        .iter()
        .filter(|row| {
            !matches!(
                row.status,
                InstallmentStatus::Renegotiated | InstallmentStatus::WrittenOff
            )
        })
        .map(|row| {
            let total =
                charges_at(&row.ledger, &settings.charges, &calendar, payment.paid_on).total;
            (row, total)
        })
        .filter(|(_, total)| total.is_positive())
        .collect();
    let remaining = owing.iter().map(|(_, total)| *total).sum();
    let next = match owing.first() {
        Some((row, total)) => Some(NextDue {
            installment: label(row.sale_id, row.number)?,
            due_date: row.ledger.due_date,
            amount: *total,
            pix: pix_code(&settings, row.ledger.id, *total)?,
        }),
        None => None,
    };
    let purpose = match payment.sale_id {
        Some(sale_id) => {
            let sale = sales::get(conn, sale_id)?.ok_or(Error::SaleNotFound(sale_id))?;
            format!("entrada da venda {} ({})", sale.id, sale.description)
        }
        None if lines.len() == 1 => "pagamento da parcela abaixo".to_string(),
        None => "pagamento das parcelas abaixo".to_string(),
    };
    Ok(PaymentReceipt {
        store: store_header(&settings),
        customer: payer(&customer),
        payment_id,
        paid_on: payment.paid_on,
        amount: payment.amount,
        method: method_in_portuguese(payment.method).to_string(),
        // Audit names carry where the act came from (`app:ana`); the receipt names the person.
        clerk: payment
            .actor
            .split_once(':')
            .map_or(payment.actor.clone(), |(_, name)| name.to_string()),
        lines,
        purpose,
        remaining,
        next,
    })
}

pub fn receipt(db: &Database, payment_id: i64) -> Result<Vec<u8>> {
    receipt::render(&receipt_of(db, payment_id)?)
}

/// The day-end report's PDF.
pub fn day_end(db: &Database, date: NaiveDate) -> Result<Vec<u8>> {
    let report = day_end::report(db, date)?;
    let settings = stored_settings::load(db.conn())?;
    day_end::to_pdf(&report, settings.store.display_name())
}

/// The agreement's termo as recorded: the debts it replaced, its figures and the new
/// installments, without the down payment row, numbered from 1 as the termo shows them.
pub fn agreement_of(db: &Database, agreement_id: i64) -> Result<AgreementDoc> {
    let conn = db.conn();
    let record =
        agreements::get(conn, agreement_id)?.ok_or(Error::AgreementNotFound(agreement_id))?;
    let settings = stored_settings::load(conn)?;
    require_store(&settings)?;
    let customer = customers::get(conn, record.customer_id)?
        .ok_or_else(|| Error::CustomerNotFound(record.customer_id.to_string()))?;
    let debts = agreements::debts(conn, agreement_id)?
        .into_iter()
        .map(|debt| OriginalDebt {
            installment: format!(
                "Venda {} – {} – parcela {} de {}",
                debt.sale_id, debt.description, debt.number, debt.installment_count
            ),
            due_date: debt.due_date,
            original: debt.amount,
        })
        .collect();
    let rows = match record.sale_id {
        Some(sale_id) => ledger::sale_installments(conn, sale_id, record.made_on)?,
        None => Vec::new(),
    };
    let skip = usize::from(record.down_payment.is_positive());
    let installments = rows
        .iter()
        .skip(skip)
        .enumerate()
        .map(|(index, row)| PlannedInstallment {
            number: index as u32 + 1,
            due_date: row.ledger.due_date,
            amount: row.ledger.amount,
        })
        .collect();
    let address = &settings.store.address;
    Ok(AgreementDoc {
        number: record.id,
        store: store_header(&settings),
        customer: payer(&customer),
        debts,
        proposal: Proposal {
            kind: record.kind,
            debt: record.debt,
            discount: record.discount,
            new_total: record.new_total,
            down_payment: record.down_payment,
            installments,
            monthly_rate: record.monthly_rate,
            total_with_financing: record.total_with_financing,
            cet_annual: record.cet_annual,
            valid_until: record.valid_until,
        },
        down_payment_paid: record.down_payment_id.is_some(),
        place: format!("{}/{}", address.city, address.state),
        date: record.made_on,
    })
}

/// The termo de acordo's PDF, both copies.
pub fn agreement(db: &Database, agreement_id: i64) -> Result<Vec<u8>> {
    agreement::render(&agreement_of(db, agreement_id)?)
}
