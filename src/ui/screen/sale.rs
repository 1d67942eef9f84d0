//! A new credit sale: the split into installments is shown before confirming and
//! adds up to the cent.

use iced::widget::{column, pick_list, row, text};
use iced::{Alignment, Element, Task};

use super::{Outcome, Route};
use crate::domain::installment::PaymentMethod;
use crate::domain::money::Money;
use crate::domain::rate::BasisPoints;
use crate::domain::sale::{PlannedInstallment, SaleTerms, default_first_due, planned_total};
use crate::error::Result;
use crate::services;
use crate::ui::context::{date_label, parse_date};
use crate::ui::widget::{self, field};
use crate::ui::{Context, theme};

pub struct State {
    customer_id: i64,
    customer_name: String,
    description: String,
    total: String,
    down_payment: String,
    installments: String,
    first_due: String,
    method: PaymentMethod,
    preview: std::result::Result<(SaleTerms, Vec<PlannedInstallment>), String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Description(String),
    Total(String),
    DownPayment(String),
    Installments(String),
    FirstDue(String),
    Method(PaymentMethod),
    Confirm,
    Cancel,
}

pub fn start() -> Task<Message> {
    widget::focus_field(&crate::t!("sale-description"))
}

impl State {
    pub fn new(context: &Context, customer_id: i64) -> Result<State> {
        let record = services::customers::get(context.db(), customer_id)?;
        let mut state = State {
            customer_id,
            customer_name: record.customer.name,
            description: String::new(),
            total: String::new(),
            down_payment: String::new(),
            installments: "3".to_string(),
            first_due: date_label(default_first_due(context.today)),
            method: PaymentMethod::Cash,
            preview: Err(String::new()),
        };
        state.recompute(context);
        Ok(state)
    }

    pub fn customer_id(&self) -> i64 {
        self.customer_id
    }

    pub fn preview(&self) -> std::result::Result<&[PlannedInstallment], &str> {
        match &self.preview {
            Ok((_, plan)) => Ok(plan),
            Err(message) => Err(message),
        }
    }

    /// The terms as typed, checked by the domain; the message says what is wrong.
    fn recompute(&mut self, context: &Context) {
        self.preview = self.terms(context).and_then(|terms| {
            terms
                .plan()
                .map(|plan| (terms, plan))
                .map_err(|error| error.to_string())
        });
    }

    fn terms(&self, context: &Context) -> std::result::Result<SaleTerms, String> {
        if self.total.trim().is_empty() {
            return Err(crate::t!("sale-enter-total"));
        }
        let total = Money::parse_brl(&self.total).map_err(|e| e.to_string())?;
        let down_payment = if self.down_payment.trim().is_empty() {
            Money::ZERO
        } else {
            Money::parse_brl(&self.down_payment).map_err(|e| e.to_string())?
        };
        let installments: u32 = self
            .installments
            .trim()
            .parse()
            .map_err(|_| crate::t!("sale-bad-count", text = self.installments.clone()))?;
        let first_due = parse_date(&self.first_due)
            .ok_or_else(|| crate::t!("ui-bad-date", text = self.first_due.clone()))?;
        Ok(SaleTerms {
            sale_date: context.today,
            description: if self.description.trim().is_empty() {
                crate::t!("sale-default-description")
            } else {
                self.description.trim().to_string()
            },
            total,
            down_payment,
            installments,
            first_due,
            financing_rate: BasisPoints(0),
        })
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Description(value) => self.description = value,
            Message::Total(value) => self.total = value,
            Message::DownPayment(value) => self.down_payment = value,
            Message::Installments(value) => self.installments = value,
            Message::FirstDue(value) => self.first_due = value,
            Message::Method(method) => self.method = method,
            Message::Cancel => return Outcome::Go(Route::Customer(self.customer_id)),
            Message::Confirm => {
                let Ok((terms, _)) = &self.preview else {
                    return Outcome::None;
                };
                let actor = context.actor.clone();
                return match services::sales::create(
                    context.db_mut(),
                    &actor,
                    self.customer_id,
                    terms,
                    self.method,
                ) {
                    Ok(receipt) => Outcome::GoWithNotice(
                        Route::Customer(self.customer_id),
                        crate::t!(
                            "sale-recorded",
                            total = terms.total.format_brl(),
                            count = receipt.installments.len().to_string()
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
        let form = column![
            field(
                crate::t!("sale-description"),
                &self.description,
                None,
                Message::Description
            ),
            row![
                field(crate::t!("sale-total"), &self.total, None, Message::Total),
                field(
                    crate::t!("sale-down-payment"),
                    &self.down_payment,
                    None,
                    Message::DownPayment
                ),
                column![
                    text(crate::t!("sale-down-payment-method")).size(theme::SMALL),
                    pick_list(
                        PaymentMethod::ALL.to_vec(),
                        Some(self.method),
                        Message::Method
                    )
                    .padding(6),
                ]
                .spacing(3),
            ]
            .spacing(12),
            row![
                field(
                    crate::t!("sale-installments"),
                    &self.installments,
                    None,
                    Message::Installments
                )
                .width(160),
                field(
                    crate::t!("sale-first-due"),
                    &self.first_due,
                    None,
                    Message::FirstDue
                )
                .width(180),
            ]
            .spacing(12),
        ]
        .spacing(10);

        let mut preview = column![widget::heading(crate::t!("sale-split-title"))].spacing(4);
        match &self.preview {
            Err(message) if !message.is_empty() => {
                preview = preview.push(widget::error_text(message.clone()));
            }
            Err(_) => {}
            Ok((terms, plan)) => {
                preview = preview.push(widget::header_cells(vec![
                    (crate::t!("statement-installment"), 1, false),
                    (crate::t!("statement-due"), 2, false),
                    (crate::t!("sale-amount"), 2, true),
                ]));
                for planned in plan {
                    preview = preview.push(widget::cells(vec![
                        (format!("{}/{}", planned.number, plan.len()), 1, false),
                        (date_label(planned.due_date), 2, false),
                        (context.money(planned.amount), 2, true),
                    ]));
                }
                let sum = planned_total(plan);
                preview = preview.push(iced::widget::rule::horizontal(1));
                preview = preview.push(text(crate::t!(
                    "sale-split-check",
                    sum = context.money(sum),
                    down = context.money(terms.down_payment),
                    total = context.money(terms.total)
                )));
            }
        }
        let page = column![
            row![
                widget::title(crate::t!("sale-title")),
                text(context.name(&self.customer_name)).color(theme::MUTED)
            ]
            .spacing(14)
            .align_y(Alignment::Center),
            widget::card(form),
            widget::card(preview),
            row![
                widget::primary_button(
                    crate::t!("sale-confirm"),
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
