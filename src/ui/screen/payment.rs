//! Receiving a payment: the amount defaults to today's total due, and where it goes
//! is shown, installment by installment, before the clerk confirms.

use iced::widget::{column, pick_list, row, text};
use iced::{Alignment, Element, Task};

use super::{Outcome, Route};
use crate::domain::imputation::Allocation;
use crate::domain::installment::PaymentMethod;
use crate::domain::money::Money;
use crate::error::Result;
use crate::services;
use crate::services::payments::PaymentPreview;
use crate::ui::context::date_label;
use crate::ui::widget::{self, field};
use crate::ui::{Context, theme};

pub struct State {
    customer_id: i64,
    customer_name: String,
    owed: Money,
    /// Each open installment's purchase and due date, to name it in the allocation.
    installments: std::collections::HashMap<i64, (String, chrono::NaiveDate)>,
    amount: String,
    method: PaymentMethod,
    preview: std::result::Result<(Money, PaymentPreview), String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Amount(String),
    Method(PaymentMethod),
    Confirm,
    Cancel,
}

pub fn start() -> Task<Message> {
    widget::focus_field(&crate::t!("payment-amount"))
}

impl State {
    pub fn new(context: &Context, customer_id: i64) -> Result<State> {
        let statement = services::customers::statement(context.db(), customer_id, context.today)?;
        let owed = statement.totals.total;
        let mut state = State {
            customer_id,
            customer_name: statement.customer.customer.name,
            owed,
            installments: statement
                .open_installments
                .iter()
                .map(|line| {
                    (
                        line.id,
                        (
                            format!("{} {}", line.description, line.number),
                            line.due_date,
                        ),
                    )
                })
                .collect(),
            amount: owed.format_plain(),
            method: PaymentMethod::Cash,
            preview: Err(String::new()),
        };
        state.recompute(context);
        Ok(state)
    }

    pub fn customer_id(&self) -> i64 {
        self.customer_id
    }

    pub fn allocations(&self) -> Option<&[Allocation]> {
        self.preview
            .as_ref()
            .ok()
            .map(|(_, preview)| preview.allocations.as_slice())
    }

    fn recompute(&mut self, context: &Context) {
        self.preview = Money::parse_brl(&self.amount)
            .map_err(|error| error.to_string())
            .and_then(|amount| {
                services::payments::preview(
                    context.db(),
                    self.customer_id,
                    amount,
                    context.today,
                    context.today,
                )
                .map(|preview| (amount, preview))
                .map_err(|error| error.to_string())
            });
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Amount(value) => self.amount = value,
            Message::Method(method) => self.method = method,
            Message::Cancel => return Outcome::Go(Route::Customer(self.customer_id)),
            Message::Confirm => {
                let Ok((amount, _)) = &self.preview else {
                    return Outcome::None;
                };
                let amount = *amount;
                let actor = context.actor.clone();
                let today = context.today;
                return match services::payments::receive(
                    context.db_mut(),
                    &actor,
                    self.customer_id,
                    amount,
                    self.method,
                    today,
                    today,
                ) {
                    Ok(receipt) => Outcome::GoWithNotice(
                        Route::Customer(self.customer_id),
                        crate::t!(
                            "payment-recorded",
                            amount = amount.format_brl(),
                            id = receipt.payment_id.to_string()
                        ),
                    ),
                    Err(error) => Outcome::Error(error.to_string()),
                };
            }
        }
        self.recompute(context);
        Outcome::None
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let form = row![
            field(
                crate::t!("payment-amount"),
                &self.amount,
                None,
                Message::Amount
            )
            .width(220),
            column![
                text(crate::t!("payment-method")).size(theme::SMALL),
                pick_list(
                    PaymentMethod::ALL.to_vec(),
                    Some(self.method),
                    Message::Method
                )
                .padding(6),
            ]
            .spacing(3),
            widget::stat(crate::t!("payment-owed-today"), context.money(self.owed)),
        ]
        .spacing(20)
        .align_y(Alignment::End);

        let mut allocation =
            column![widget::heading(crate::t!("payment-allocation-title"))].spacing(4);
        match &self.preview {
            Err(message) => {
                if !message.is_empty() {
                    allocation = allocation.push(widget::error_text(message.clone()));
                }
            }
            Ok((_, preview)) => {
                let allocations = &preview.allocations;
                allocation = allocation.push(widget::header_cells(vec![
                    (crate::t!("statement-installment"), 4, false),
                    (crate::t!("statement-due"), 2, false),
                    (crate::t!("board-interest"), 2, true),
                    (crate::t!("board-fine"), 2, true),
                    (crate::t!("board-principal"), 2, true),
                    (crate::t!("pay-discount"), 2, true),
                    (crate::t!("pay-status"), 2, false),
                ]));
                for a in allocations {
                    let (name, due) = self
                        .installments
                        .get(&a.installment_id)
                        .map(|(name, due)| (name.clone(), date_label(*due)))
                        .unwrap_or_else(|| (format!("#{}", a.installment_id), String::new()));
                    allocation = allocation.push(widget::cells(vec![
                        (name, 4, false),
                        (due, 2, false),
                        (context.money(a.interest), 2, true),
                        (context.money(a.fine), 2, true),
                        (context.money(a.principal), 2, true),
                        (context.money(a.discount), 2, true),
                        (a.status_after.label(), 2, false),
                    ]));
                }
                allocation = allocation.push(iced::widget::rule::horizontal(1));
                allocation = allocation.push(text(crate::t!(
                    "payment-balance-after",
                    balance = context.money(preview.balance_after)
                )));
            }
        }
        let page = column![
            row![
                widget::title(crate::t!("payment-title")),
                text(context.name(&self.customer_name)).color(theme::MUTED)
            ]
            .spacing(14)
            .align_y(Alignment::Center),
            widget::card(form),
            widget::card(allocation),
            row![
                widget::primary_button(
                    crate::t!("payment-confirm"),
                    self.preview.is_ok().then_some(Message::Confirm)
                ),
                widget::secondary_button(crate::t!("action-cancel"), Some(Message::Cancel)),
            ]
            .spacing(10),
        ]
        .spacing(14);
        widget::page_scroll(page)
    }
}
