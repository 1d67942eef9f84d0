//! The text of a collection contact for one customer: the store's template filled in
//! with the installments itemized as of today (rule 8), the digitable lines and the Pix
//! copia e cola, and what to attach. The ruler queues it; Today shows it; the template
//! editor previews it.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::boleto::barcode::Barcode;
use crate::docs::model::date;
use crate::domain::charges::charges_at;
use crate::domain::customer::format_phone;
use crate::domain::money::Money;
use crate::domain::ruler::TemplateKind;
use crate::domain::settings::Settings;
use crate::domain::templates::Template;
use crate::error::{Error, Result};
use crate::services::documents::pix_code;
use crate::store::boletos as stored_boletos;
use crate::store::{Database, ledger, payments, settings as stored_settings};

/// A document attached to an e-mail, rendered when it is sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Attachment {
    SecondCopy { installment_id: i64 },
    Receipt { payment_id: i64 },
}

impl Attachment {
    pub fn file_name(&self) -> String {
        match self {
            Attachment::SecondCopy { installment_id } => {
                format!("segunda-via-{installment_id}.pdf")
            }
            Attachment::Receipt { payment_id } => format!("recibo-{payment_id}.pdf"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Composed {
    pub subject: String,
    pub body: String,
    pub attachments: Vec<Attachment>,
    /// What the customer owes today for the installments listed (or paid, for a thanks).
    pub total: Money,
}

/// What a contact is about: installments at a step, or a payment to thank.
#[derive(Clone, Copy, Debug)]
pub enum Subject<'a> {
    Installments(&'a [i64]),
    Payment(i64),
}

/// Fills `template` for the customer named `customer_name`.
pub fn compose(
    conn: &Connection,
    settings: &Settings,
    customer_name: &str,
    template: &Template,
    about: Subject<'_>,
    today: NaiveDate,
) -> Result<Composed> {
    let (lines, total, digitable, pix, attachments) = match about {
        Subject::Installments(ids) => installments(conn, settings, ids, today)?,
        Subject::Payment(id) => payment(conn, id)?,
    };
    let store = &settings.store;
    let first_name = customer_name
        .split_whitespace()
        .next()
        .unwrap_or(customer_name)
        .to_string();
    let value = |name: &str| match name {
        "primeiro_nome" => first_name.clone(),
        "loja" => store.legal_name.clone(),
        "cnpj" => store
            .cnpj
            .as_ref()
            .map(|cnpj| cnpj.formatted())
            .unwrap_or_default(),
        "endereco_loja" => store.address.one_line(),
        "telefone_loja" => {
            if store.phone.is_empty() {
                String::new()
            } else {
                format_phone(&store.phone)
            }
        }
        "parcelas" => lines.join("\n"),
        "total" => total.format_brl(),
        "linha_digitavel" => digitable.clone(),
        "pix_copia_e_cola" => pix.clone(),
        _ => String::new(),
    };
    let (subject, body) = template.fill(value);
    Ok(Composed {
        subject,
        body,
        attachments,
        total,
    })
}

type Parts = (Vec<String>, Money, String, String, Vec<Attachment>);

fn installments(
    conn: &Connection,
    settings: &Settings,
    ids: &[i64],
    today: NaiveDate,
) -> Result<Parts> {
    let calendar = settings.calendar();
    let mut lines = Vec::new();
    let mut total = Money::ZERO;
    let mut digitable = Vec::new();
    let mut attachments = Vec::new();
    for &id in ids {
        let Some(row) = ledger::installment(conn, id, today)? else {
            continue;
        };
        if !row.status.is_collectible() {
            continue;
        }
        let charges = charges_at(&row.ledger, &settings.charges, &calendar, today);
        if !charges.total.is_positive() {
            continue;
        }
        let mut line = crate::t!(
            "message-installment",
            description = row.description.clone(),
            sale = row.sale_id.to_string(),
            number = row.number.to_string(),
            due = date(row.ledger.due_date),
            principal = charges.principal.format_brl(),
            fine = charges.fine.format_brl(),
            interest = charges.interest.format_brl()
        );
        if charges.discount.is_positive() {
            line.push_str(&crate::t!(
                "message-installment-discount",
                discount = charges.discount.format_brl()
            ));
        }
        line.push_str(&crate::t!(
            "message-installment-total",
            total = charges.total.format_brl()
        ));
        lines.push(line);
        total += charges.total;
        if let Some(boleto) = stored_boletos::current_for_installment(conn, id)? {
            let barcode = Barcode::parse(&boleto.barcode)?;
            digitable.push(crate::t!(
                "message-digitable",
                number = row.number.to_string(),
                line = barcode.digitable_line().formatted()
            ));
        }
        attachments.push(Attachment::SecondCopy { installment_id: id });
    }
    if lines.is_empty() {
        return Err(Error::NothingToCollect);
    }
    let digitable = if digitable.is_empty() {
        crate::t!("message-no-boleto")
    } else {
        digitable.join("\n")
    };
    let pix = match pix_code(settings, ids[0], total)? {
        Some(code) => code.payload,
        None => crate::t!("message-no-pix"),
    };
    Ok((lines, total, digitable, pix, attachments))
}

fn payment(conn: &Connection, payment_id: i64) -> Result<Parts> {
    let payment = payments::get(conn, payment_id)?.ok_or(Error::PaymentNotFound(payment_id))?;
    let mut lines = Vec::new();
    for allocation in payments::allocations(conn, payment_id)? {
        let Some(row) = ledger::installment(conn, allocation.installment_id, payment.paid_on)?
        else {
            continue;
        };
        let paid =
            allocation.principal + allocation.fine + allocation.interest - allocation.discount;
        lines.push(crate::t!(
            "message-paid-installment",
            description = row.description.clone(),
            sale = row.sale_id.to_string(),
            number = row.number.to_string(),
            amount = paid.format_brl()
        ));
    }
    Ok((
        lines,
        payment.amount,
        String::new(),
        String::new(),
        vec![Attachment::Receipt { payment_id }],
    ))
}

/// A template as it would reach a real customer today: the open installments of
/// `customer_id` (or the last payment, for a thank-you).
pub fn preview(
    db: &Database,
    kind: TemplateKind,
    template: &Template,
    customer_id: i64,
    today: NaiveDate,
) -> Result<Composed> {
    let conn = db.conn();
    let settings = stored_settings::load(conn)?;
    let customer = crate::store::customers::get(conn, customer_id)?
        .ok_or_else(|| Error::CustomerNotFound(customer_id.to_string()))?;
    let name = &customer.customer.name;
    if kind == TemplateKind::ThankYou {
        let last = ledger::customer_payments(conn, customer_id)?
            .into_iter()
            .max_by_key(|p| (p.paid_on, p.id))
            .ok_or(Error::NothingToCollect)?;
        return compose(
            conn,
            &settings,
            name,
            template,
            Subject::Payment(last.id),
            today,
        );
    }
    let open: Vec<i64> = ledger::customer_installments(conn, customer_id, today)?
        .into_iter()
        .filter(|row| row.status.is_collectible())
        .map(|row| row.ledger.id)
        .collect();
    compose(
        conn,
        &settings,
        name,
        template,
        Subject::Installments(&open),
        today,
    )
}
