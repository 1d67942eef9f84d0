//! What the commands print: aligned text for people, JSON for scripts.

use std::path::Path;

use serde_json::{Value, json};

use crate::domain::band::{Amounts, Board};
use crate::domain::charges::Charges;
use crate::domain::customer::format_phone;
use crate::domain::imputation::Allocation;
use crate::domain::negotiation::Proposal;
use crate::services::customers::Statement;
use crate::services::demo::DemoSummary;
use crate::services::negotiation::Negotiation;
use crate::services::payments::PaymentReceipt;
use crate::store::customers::CustomerSummary;
use crate::t;

/// Columns padded to their widest cell; `right` marks the right-aligned ones.
pub(super) fn table(header: &[String], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let pad = " ".repeat(widths[i].saturating_sub(cell.chars().count()));
                if right.get(i).copied().unwrap_or(false) {
                    format!("{pad}{cell}")
                } else {
                    format!("{cell}{pad}")
                }
            })
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut text = line(header);
    for row in rows {
        text.push_str(&line(row));
    }
    text
}

pub(super) fn pretty(value: Value) -> String {
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

fn date_br(date: chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

fn amounts_json(amounts: &Amounts) -> Value {
    json!({
        "customers": amounts.customers,
        "installments": amounts.installments,
        "principal_cents": amounts.principal.cents(),
        "fine_cents": amounts.fine.cents(),
        "interest_cents": amounts.interest.cents(),
        "total_cents": amounts.total.cents(),
    })
}

fn amounts_cells(label: String, amounts: &Amounts) -> Vec<String> {
    vec![
        label,
        amounts.customers.to_string(),
        amounts.installments.to_string(),
        amounts.principal.format_brl(),
        amounts.fine.format_brl(),
        amounts.interest.format_brl(),
        amounts.total.format_brl(),
    ]
}

pub fn board(board: &Board, json: bool) -> String {
    if json {
        let bands: Vec<Value> = board
            .rows
            .iter()
            .map(|row| {
                let mut value = json!({ "label": row.label, "color": row.color });
                if let (Value::Object(map), Value::Object(amounts)) =
                    (&mut value, amounts_json(&row.amounts))
                {
                    map.extend(amounts);
                }
                value
            })
            .collect();
        return pretty(json!({
            "today": board.today,
            "bands": bands,
            "totals": amounts_json(&board.totals),
        }));
    }
    let header = vec![
        t!("board-band"),
        t!("board-customers"),
        t!("board-installments"),
        t!("board-principal"),
        t!("board-fine"),
        t!("board-interest"),
        t!("board-total"),
    ];
    let mut rows: Vec<Vec<String>> = board
        .rows
        .iter()
        .map(|row| amounts_cells(row.label.clone(), &row.amounts))
        .collect();
    rows.push(amounts_cells(t!("board-grand-total"), &board.totals));
    format!(
        "{}\n\n{}",
        t!("board-title", date = date_br(board.today)),
        table(&header, &rows, &[false, true, true, true, true, true, true])
    )
}

fn charges_json(charges: &Charges) -> Value {
    json!({
        "principal_cents": charges.principal.cents(),
        "fine_cents": charges.fine.cents(),
        "interest_cents": charges.interest.cents(),
        "discount_cents": charges.discount.cents(),
        "total_cents": charges.total.cents(),
    })
}

fn merge(mut base: Value, extra: Value) -> Value {
    if let (Value::Object(map), Value::Object(more)) = (&mut base, extra) {
        map.extend(more);
    }
    base
}

pub fn statement(statement: &Statement, json: bool) -> String {
    let record = &statement.customer;
    let customer = &record.customer;
    if json {
        let installments: Vec<Value> = statement
            .open_installments
            .iter()
            .map(|line| {
                merge(
                    json!({
                        "id": line.id,
                        "sale_id": line.sale_id,
                        "number": line.number,
                        "description": line.description,
                        "due_date": line.due_date,
                        "days_overdue": line.charges.days_overdue.max(0),
                        "status": line.status,
                        "amount_cents": line.amount.cents(),
                        "band": line.band,
                    }),
                    charges_json(&line.charges),
                )
            })
            .collect();
        let payments: Vec<Value> = statement
            .payments
            .iter()
            .map(|p| {
                json!({
                    "id": p.id,
                    "paid_on": p.paid_on,
                    "amount_cents": p.amount.cents(),
                    "method": p.method,
                    "actor": p.actor,
                    "down_payment_of_sale": p.down_payment_of_sale,
                })
            })
            .collect();
        return pretty(json!({
            "today": statement.today,
            "customer": {
                "id": record.id,
                "name": customer.name,
                "tax_id": customer.tax_id.as_str(),
                "tax_id_formatted": customer.tax_id.formatted(),
                "phones": customer.phones,
                "email": customer.email,
                "address": customer.address,
                "notes": customer.notes,
                "consent": customer.consent,
                "stops": customer.stops,
            },
            "band": statement.band.as_ref().map(|(label, color)| json!({"label": label, "color": color})),
            "installments": installments,
            "totals": charges_json(&statement.totals),
            "payments": payments,
        }));
    }

    let mut text = format!(
        "#{} {} — {} {}\n",
        record.id,
        customer.name,
        customer.tax_id.kind(),
        customer.tax_id.formatted()
    );
    let phones: Vec<String> = customer.phones.iter().map(|p| format_phone(p)).collect();
    text.push_str(&format!(
        "{}: {}\n",
        t!("customer-phone"),
        if phones.is_empty() {
            "—".to_string()
        } else {
            phones.join(", ")
        }
    ));
    text.push_str(&format!(
        "{}: {}\n",
        t!("customer-email"),
        customer.email.as_deref().unwrap_or("—")
    ));
    text.push_str(&format!(
        "{}: {}\n",
        t!("customer-street"),
        customer.address.one_line()
    ));
    if let Some((label, _)) = &statement.band {
        text.push_str(&format!("{}: {}\n", t!("statement-band"), label));
    }
    let stops = &customer.stops;
    for (flag, id) in [
        (stops.disputed, "statement-disputed"),
        (stops.over_indebted, "statement-over-indebted"),
        (stops.do_not_contact, "statement-do-not-contact"),
    ] {
        if flag {
            text.push_str(&format!("⚠ {}\n", crate::i18n::LOADER.get(id)));
        }
    }
    text.push('\n');
    if statement.open_installments.is_empty() {
        text.push_str(&t!("statement-nothing-open"));
        text.push('\n');
    } else {
        text.push_str(&t!("statement-open-title", date = date_br(statement.today)));
        text.push_str("\n\n");
        let header = vec![
            t!("statement-installment"),
            t!("statement-sale"),
            t!("statement-due"),
            t!("statement-days"),
            t!("board-principal"),
            t!("board-fine"),
            t!("board-interest"),
            t!("board-total"),
            t!("board-band"),
        ];
        let rows: Vec<Vec<String>> = statement
            .open_installments
            .iter()
            .map(|line| {
                vec![
                    format!("#{}", line.id),
                    format!("{} {}", line.description, line.number),
                    date_br(line.due_date),
                    line.charges.days_overdue.max(0).to_string(),
                    line.charges.principal.format_brl(),
                    line.charges.fine.format_brl(),
                    line.charges.interest.format_brl(),
                    line.charges.total.format_brl(),
                    line.band.clone().unwrap_or_default(),
                ]
            })
            .collect();
        text.push_str(&table(
            &header,
            &rows,
            &[false, false, false, true, true, true, true, true, false],
        ));
        text.push('\n');
        text.push_str(&t!(
            "statement-total",
            principal = statement.totals.principal.format_brl(),
            fine = statement.totals.fine.format_brl(),
            interest = statement.totals.interest.format_brl(),
            total = statement.totals.total.format_brl()
        ));
        text.push('\n');
    }
    if !statement.payments.is_empty() {
        text.push('\n');
        text.push_str(&t!("statement-payments-title"));
        text.push('\n');
        for payment in statement.payments.iter().take(10) {
            text.push_str(&format!(
                "  {}  {:>14}  {}\n",
                date_br(payment.paid_on),
                payment.amount.format_brl(),
                payment.method.label()
            ));
        }
    }
    text
}

pub fn found(found: &[CustomerSummary], json: bool) -> String {
    if json {
        return pretty(json!({ "customers": found }));
    }
    if found.is_empty() {
        return t!("find-nothing") + "\n";
    }
    let header = vec![
        t!("find-id"),
        t!("customer-name"),
        t!("customer-tax-id"),
        t!("customer-city"),
    ];
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|c| {
            vec![
                format!("#{}", c.id),
                c.name.clone(),
                c.tax_id.clone(),
                format!("{}/{}", c.city, c.state),
            ]
        })
        .collect();
    table(&header, &rows, &[true, false, false, false])
}

fn allocation_json(allocation: &Allocation) -> Value {
    json!({
        "installment_id": allocation.installment_id,
        "interest_cents": allocation.interest.cents(),
        "fine_cents": allocation.fine.cents(),
        "principal_cents": allocation.principal.cents(),
        "discount_cents": allocation.discount.cents(),
        "status_after": allocation.status_after,
    })
}

pub fn receipt(receipt: &PaymentReceipt, name: &str, json: bool) -> String {
    if json {
        return pretty(json!({
            "payment_id": receipt.payment_id,
            "customer_id": receipt.customer_id,
            "customer_name": name,
            "paid_on": receipt.paid_on,
            "amount_cents": receipt.amount.cents(),
            "method": receipt.method,
            "allocations": receipt.allocations.iter().map(allocation_json).collect::<Vec<_>>(),
        }));
    }
    let mut text = t!(
        "pay-recorded",
        id = receipt.payment_id,
        amount = receipt.amount.format_brl(),
        name = name.to_string(),
        method = receipt.method.label(),
        date = date_br(receipt.paid_on)
    );
    text.push_str("\n\n");
    let header = vec![
        t!("statement-installment"),
        t!("board-interest"),
        t!("board-fine"),
        t!("board-principal"),
        t!("pay-discount"),
        t!("pay-status"),
    ];
    let rows: Vec<Vec<String>> = receipt
        .allocations
        .iter()
        .map(|a| {
            vec![
                format!("#{}", a.installment_id),
                a.interest.format_brl(),
                a.fine.format_brl(),
                a.principal.format_brl(),
                a.discount.format_brl(),
                a.status_after.label(),
            ]
        })
        .collect();
    text.push_str(&table(
        &header,
        &rows,
        &[false, true, true, true, true, false],
    ));
    text
}

pub fn demo(summary: &DemoSummary, path: &Path, json: bool) -> String {
    if json {
        return pretty(json!({
            "database": path.display().to_string(),
            "customers": summary.customers,
            "sales": summary.sales,
            "installments": summary.installments,
            "payments": summary.payments,
            "boletos": summary.boletos,
        }));
    }
    t!(
        "demo-created",
        customers = summary.customers,
        sales = summary.sales,
        installments = summary.installments,
        payments = summary.payments,
        boletos = summary.boletos,
        path = path.display().to_string()
    ) + "\n"
}

pub fn setting(key: &str, value: &str, json: bool) -> String {
    if json {
        return pretty(json!({ "key": key, "value": value }));
    }
    format!("{key} = {value}\n")
}

pub fn settings(entries: &[(String, String)], json: bool) -> String {
    if json {
        let map: serde_json::Map<String, Value> = entries
            .iter()
            .map(|(key, value)| (key.clone(), Value::String(value.clone())))
            .collect();
        return pretty(Value::Object(map));
    }
    entries
        .iter()
        .map(|(key, value)| format!("{key} = {value}\n"))
        .collect()
}

pub fn backed_up(target: &Path, json: bool) -> String {
    if json {
        return pretty(json!({ "backup": target.display().to_string() }));
    }
    t!("backup-done", path = target.display().to_string()) + "\n"
}

pub fn restored(source: &Path, kept: &Path, json: bool) -> String {
    if json {
        return pretty(json!({
            "restored_from": source.display().to_string(),
            "previous_kept_at": kept.display().to_string(),
        }));
    }
    t!(
        "restore-done",
        source = source.display().to_string(),
        kept = kept.display().to_string()
    ) + "\n"
}

fn proposal_json(proposal: &Proposal) -> Value {
    json!({
        "kind": proposal.kind,
        "debt_total_cents": proposal.debt.total().cents(),
        "debt": {
            "principal_cents": proposal.debt.principal.cents(),
            "fine_cents": proposal.debt.fine.cents(),
            "interest_cents": proposal.debt.interest.cents(),
        },
        "discount_cents": proposal.discount.cents(),
        "new_total_cents": proposal.new_total.cents(),
        "down_payment_cents": proposal.down_payment.cents(),
        "installments": proposal
            .installments
            .iter()
            .map(|i| json!({ "number": i.number, "due_date": i.due_date, "amount_cents": i.amount.cents() }))
            .collect::<Vec<_>>(),
        "total_cents": proposal.total_with_financing.cents(),
        "monthly_rate_bp": proposal.monthly_rate.value(),
        "cet_annual_bp": proposal.cet_annual.value(),
        "valid_until": proposal.valid_until,
    })
}

pub fn negotiation(negotiation: &Negotiation, json: bool) -> String {
    let debt = &negotiation.debt;
    if json {
        return pretty(json!({
            "today": negotiation.today,
            "customer": { "id": negotiation.customer_id, "name": negotiation.customer_name },
            "days_overdue": negotiation.days_overdue,
            "installment_ids": negotiation.installments.iter().map(|l| l.id).collect::<Vec<_>>(),
            "debt_total_cents": debt.total().cents(),
            "debt": {
                "principal_cents": debt.principal.cents(),
                "fine_cents": debt.fine.cents(),
                "interest_cents": debt.interest.cents(),
            },
            "options": negotiation.options.iter().map(proposal_json).collect::<Vec<_>>(),
        }));
    }
    let mut text = t!(
        "negotiate-header",
        name = negotiation.customer_name.clone(),
        count = negotiation.installments.len().to_string(),
        days = negotiation.days_overdue.to_string()
    ) + "\n";
    text += &t!(
        "negotiate-debt",
        principal = debt.principal.format_brl(),
        fine = debt.fine.format_brl(),
        interest = debt.interest.format_brl(),
        total = debt.total().format_brl()
    );
    text.push('\n');
    if negotiation.options.is_empty() {
        text += &t!("negotiate-owner-only");
        text.push('\n');
    }
    for (index, proposal) in negotiation.options.iter().enumerate() {
        text.push('\n');
        let title = match proposal.installments.len() {
            0 => t!("negotiate-cash", number = (index + 1).to_string()),
            n if proposal.down_payment == crate::domain::money::Money::ZERO => t!(
                "negotiate-installments-only",
                number = (index + 1).to_string(),
                count = n.to_string()
            ),
            n => t!(
                "negotiate-installments",
                number = (index + 1).to_string(),
                count = n.to_string()
            ),
        };
        text += &title;
        text.push('\n');
        text += &t!(
            "negotiate-figures",
            discount = proposal.discount.format_brl(),
            total = proposal.new_total.format_brl(),
            down = proposal.down_payment.format_brl(),
            financed = proposal.total_with_financing.format_brl(),
            rate = proposal.monthly_rate.to_string(),
            cet = proposal.cet_annual.to_string(),
            valid = proposal.valid_until.format("%d/%m/%Y").to_string()
        );
        text.push('\n');
        for installment in &proposal.installments {
            text += &format!(
                "  {:>2}  {}  {:>14}\n",
                installment.number,
                installment.due_date.format("%d/%m/%Y"),
                installment.amount.format_brl()
            );
        }
    }
    text
}
