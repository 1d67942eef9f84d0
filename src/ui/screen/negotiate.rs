//! The negotiation wizard: (1) the overdue installments, (2) the options inside the
//! owner's limits or a plan the clerk edits, checked live, (3) the summary, with the
//! owner's approval when the plan goes beyond a limit, (4) the agreement recorded and
//! its documents printed.

use chrono::Utc;
use iced::widget::{column, pick_list, row, text};
use iced::{Alignment, Element, Length};

use super::{Outcome, Route};
use crate::domain::installment::PaymentMethod;
use crate::domain::money::Money;
use crate::domain::negotiation::{PlanTerms, Proposal, ProposalKind};
use crate::domain::rate::BasisPoints;
use crate::domain::users::Role;
use crate::error::Result;
use crate::services;
use crate::services::agreements::{AgreementMade, AgreementRequest, Approval};
use crate::services::negotiation::{CheckedPlan, Negotiation};
use crate::store::users::UserRecord;
use crate::ui::context::{date_label, parse_date};
use crate::ui::widget;
use crate::ui::{Context, theme};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Debts,
    Plan,
    Summary,
    Done,
}

/// Which plan is on the table: one of the options offered, or the clerk's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Option(usize),
    Custom,
}

/// The custom plan as typed.
#[derive(Clone, Debug, Default)]
struct CustomPlan {
    discount: String,
    down_payment: String,
    installments: String,
    first_due: String,
    monthly_rate: String,
}

pub struct State {
    customer_id: i64,
    step: Step,
    negotiation: Negotiation,
    selected: Vec<i64>,
    choice: Choice,
    custom: CustomPlan,
    /// The plan on the table, built and checked, or why it cannot be built.
    plan: std::result::Result<CheckedPlan, String>,
    paid_now: bool,
    method: PaymentMethod,
    owners: Vec<UserRecord>,
    approver: Option<i64>,
    pin: String,
    reason: String,
    error: Option<String>,
    made: Option<AgreementMade>,
    /// What the printing after the agreement produced: a file saved, or why not.
    printed: Vec<std::result::Result<String, String>>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Toggle(i64, bool),
    Next,
    Back,
    Choose(usize),
    Customize,
    Discount(String),
    DownPayment(String),
    Installments(String),
    FirstDue(String),
    MonthlyRate(String),
    PaidNow(bool),
    Method(PaymentMethod),
    Approver(OwnerChoice),
    Pin(String),
    Reason(String),
    Confirm,
    PrintAgreement,
    PrintCarne,
    PrintReceipt,
    BackToCustomer,
}

/// An owner in the approval pick list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerChoice {
    pub id: i64,
    pub name: String,
}

impl std::fmt::Display for OwnerChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

fn terms_of(proposal: &Proposal, today: chrono::NaiveDate) -> PlanTerms {
    PlanTerms {
        discount: proposal.discount,
        down_payment: proposal.down_payment,
        installments: proposal.installments.len() as u32,
        first_due: proposal.installments.first().map_or_else(
            || today + chrono::Months::new(1),
            |installment| installment.due_date,
        ),
        monthly_rate: proposal.monthly_rate,
    }
}

fn percent(rate: BasisPoints) -> String {
    format!("{},{:02}", rate.value() / 100, rate.value() % 100)
}

impl State {
    pub fn new(context: &Context, customer_id: i64) -> Result<State> {
        let negotiation = services::negotiation::propose(context.db(), customer_id, context.today)?;
        let owners: Vec<UserRecord> = services::users::list(context.db())?
            .into_iter()
            .filter(|user| user.role == Role::Owner)
            .collect();
        let mut state = State {
            customer_id,
            step: Step::Debts,
            selected: negotiation.installment_ids(),
            negotiation,
            choice: Choice::Option(0),
            custom: CustomPlan::default(),
            plan: Err(String::new()),
            paid_now: true,
            method: PaymentMethod::Cash,
            approver: (owners.len() == 1).then(|| owners[0].id),
            owners,
            pin: String::new(),
            reason: String::new(),
            error: None,
            made: None,
            printed: Vec::new(),
        };
        state.choose(Choice::Option(0), context);
        Ok(state)
    }

    pub fn customer_id(&self) -> i64 {
        self.customer_id
    }

    pub fn step(&self) -> Step {
        self.step
    }

    pub fn made(&self) -> Option<AgreementMade> {
        self.made
    }

    /// Puts a plan on the table; the custom form starts from the plan shown before.
    fn choose(&mut self, choice: Choice, context: &Context) {
        if choice == Choice::Custom && self.choice != Choice::Custom {
            let base = match &self.plan {
                Ok(plan) => terms_of(&plan.proposal, context.today),
                Err(_) => PlanTerms {
                    discount: Money::ZERO,
                    down_payment: Money::ZERO,
                    installments: 1,
                    first_due: context.today + chrono::Months::new(1),
                    monthly_rate: self.negotiation.policy.monthly_interest,
                },
            };
            self.custom = CustomPlan {
                discount: base.discount.format_plain(),
                down_payment: base.down_payment.format_plain(),
                installments: base.installments.max(1).to_string(),
                first_due: date_label(base.first_due),
                monthly_rate: percent(base.monthly_rate),
            };
        }
        self.choice = choice;
        self.check(context);
    }

    /// Builds and checks the plan on the table against the owner's limits.
    fn check(&mut self, context: &Context) {
        self.error = None;
        let today = context.today;
        self.plan = match self.choice {
            Choice::Option(index) => match self.negotiation.options.get(index) {
                Some(option) => self
                    .negotiation
                    .check(option.kind, &terms_of(option, today))
                    .map_err(|e| e.to_string()),
                None => Err(crate::t!("negotiate-owner-only")),
            },
            Choice::Custom => self.custom_terms().and_then(|terms| {
                self.negotiation
                    .check(ProposalKind::Custom, &terms)
                    .map_err(|e| e.to_string())
            }),
        };
    }

    fn custom_terms(&self) -> std::result::Result<PlanTerms, String> {
        let money = |label: &str, text: &str| {
            if text.trim().is_empty() {
                return Ok(Money::ZERO);
            }
            Money::parse_brl(text).map_err(|e| format!("{label}: {e}"))
        };
        let installments = self
            .custom
            .installments
            .trim()
            .parse::<u32>()
            .map_err(|_| crate::t!("wizard-bad-count", text = self.custom.installments.clone()))?;
        let first_due = parse_date(&self.custom.first_due)
            .ok_or_else(|| crate::t!("ui-bad-date", text = self.custom.first_due.clone()))?;
        let monthly_rate = if self.custom.monthly_rate.trim().is_empty() {
            BasisPoints(0)
        } else {
            BasisPoints::parse_percent(&self.custom.monthly_rate).map_err(|e| e.to_string())?
        };
        Ok(PlanTerms {
            discount: money(&crate::t!("wizard-discount-label"), &self.custom.discount)?,
            down_payment: money(
                &crate::t!("wizard-down-payment-label"),
                &self.custom.down_payment,
            )?,
            installments,
            first_due,
            monthly_rate,
        })
    }

    fn reselect(&mut self, context: &Context) {
        match services::negotiation::propose_for(
            context.db(),
            self.customer_id,
            context.today,
            Some(&self.selected),
        ) {
            Ok(negotiation) => {
                self.negotiation = negotiation;
                let choice = match self.choice {
                    Choice::Custom => Choice::Custom,
                    Choice::Option(_) => Choice::Option(0),
                };
                self.choice = choice;
                self.check(context);
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    fn needs_owner(&self) -> bool {
        self.plan
            .as_ref()
            .is_ok_and(|plan| !plan.breaches.is_empty())
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Toggle(id, on) => {
                self.selected.retain(|chosen| *chosen != id);
                if on {
                    self.selected.push(id);
                }
                self.reselect(context);
            }
            Message::Next => {
                self.error = None;
                self.step = match self.step {
                    Step::Debts if !self.selected.is_empty() => Step::Plan,
                    Step::Plan if self.plan.is_ok() => Step::Summary,
                    other => other,
                };
            }
            Message::Back => {
                self.error = None;
                self.step = match self.step {
                    Step::Plan => Step::Debts,
                    Step::Summary => Step::Plan,
                    other => other,
                };
            }
            Message::Choose(index) => self.choose(Choice::Option(index), context),
            Message::Customize => self.choose(Choice::Custom, context),
            Message::Discount(value) => {
                self.custom.discount = value;
                self.check(context);
            }
            Message::DownPayment(value) => {
                self.custom.down_payment = value;
                self.check(context);
            }
            Message::Installments(value) => {
                self.custom.installments = value;
                self.check(context);
            }
            Message::FirstDue(value) => {
                self.custom.first_due = value;
                self.check(context);
            }
            Message::MonthlyRate(value) => {
                self.custom.monthly_rate = value;
                self.check(context);
            }
            Message::PaidNow(on) => self.paid_now = on,
            Message::Method(method) => self.method = method,
            Message::Approver(owner) => self.approver = Some(owner.id),
            Message::Pin(pin) => {
                self.pin = crate::domain::users::pin_digits(&pin);
            }
            Message::Reason(reason) => self.reason = reason,
            Message::Confirm => return self.confirm(context),
            Message::PrintAgreement => {
                if let Some(made) = self.made {
                    let printed = self.print_agreement(context, made);
                    self.printed.push(printed);
                }
            }
            Message::PrintCarne => {
                if let Some(made) = self.made {
                    let printed = self.print_carne(context, made);
                    self.printed.push(printed);
                }
            }
            Message::PrintReceipt => {
                if let Some(made) = self.made {
                    let printed = self.print_receipt(context, made);
                    self.printed.extend(printed);
                }
            }
            Message::BackToCustomer => return Outcome::Go(Route::Customer(self.customer_id)),
        }
        Outcome::None
    }

    fn confirm(&mut self, context: &mut Context) -> Outcome<Message> {
        let Ok(plan) = &self.plan else {
            return Outcome::None;
        };
        let approval = self.needs_owner().then(|| Approval {
            owner_id: self
                .approver
                .or(context.actor.user_id())
                .unwrap_or_default(),
            pin: self.pin.clone(),
            reason: self.reason.clone(),
        });
        let request = AgreementRequest {
            customer_id: self.customer_id,
            installment_ids: self.negotiation.installment_ids(),
            kind: plan.proposal.kind,
            terms: terms_of(&plan.proposal, context.today),
            paid_now: self.paid_now.then_some(self.method),
            approval,
        };
        let actor = context.actor.clone();
        let today = context.today;
        match services::agreements::make(context.db_mut(), &actor, &request, today, Utc::now()) {
            Ok(made) => {
                self.pin.clear();
                self.made = Some(made);
                self.step = Step::Done;
                // The termo, the carnê and the down payment's receipt, at once.
                let mut printed = vec![self.print_agreement(context, made)];
                if made.to_pay > 0 {
                    printed.push(self.print_carne(context, made));
                }
                printed.extend(self.print_receipt(context, made));
                self.printed = printed;
                Outcome::Notice(crate::t!(
                    "wizard-made",
                    number = made.agreement_id.to_string()
                ))
            }
            Err(error) => {
                self.pin.clear();
                self.error = Some(error.to_string());
                Outcome::None
            }
        }
    }

    fn save(
        context: &Context,
        file_name: &str,
        bytes: Result<Vec<u8>>,
    ) -> std::result::Result<String, String> {
        bytes
            .and_then(|bytes| {
                crate::ui::print::save_and_open(
                    context.path(),
                    file_name,
                    &bytes,
                    context.open_documents,
                )
            })
            .map(|path| crate::t!("print-saved", path = path.display().to_string()))
            .map_err(|error| error.to_string())
    }

    fn print_agreement(
        &self,
        context: &Context,
        made: AgreementMade,
    ) -> std::result::Result<String, String> {
        Self::save(
            context,
            &format!("acordo-{}.pdf", made.agreement_id),
            services::documents::agreement(context.db(), made.agreement_id),
        )
    }

    fn print_carne(
        &self,
        context: &mut Context,
        made: AgreementMade,
    ) -> std::result::Result<String, String> {
        let actor = context.actor.clone();
        let today = context.today;
        let bytes = services::documents::carne(context.db_mut(), &actor, made.sale_id, today)
            .map(|(bytes, _)| bytes);
        Self::save(
            context,
            &format!("carne-acordo-{}.pdf", made.agreement_id),
            bytes,
        )
    }

    fn print_receipt(
        &self,
        context: &Context,
        made: AgreementMade,
    ) -> Option<std::result::Result<String, String>> {
        let payment = made.payment_id?;
        Some(Self::save(
            context,
            &format!("recibo-{payment}.pdf"),
            services::documents::receipt(context.db(), payment),
        ))
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let steps = [
            (Step::Debts, crate::t!("wizard-step-debts")),
            (Step::Plan, crate::t!("wizard-step-plan")),
            (Step::Summary, crate::t!("wizard-step-summary")),
            (Step::Done, crate::t!("wizard-step-done")),
        ];
        let mut trail = row![].spacing(16);
        for (index, (step, label)) in steps.into_iter().enumerate() {
            let label = text(format!("{}. {label}", index + 1));
            trail = trail.push(if step == self.step {
                label.font(theme::BOLD)
            } else {
                label.color(theme::MUTED)
            });
        }
        let mut page = column![
            widget::title(crate::t!(
                "wizard-title",
                name = context.name(&self.negotiation.customer_name)
            )),
            trail,
        ]
        .spacing(14);
        if self.negotiation.broke_an_agreement {
            page = page.push(widget::error_text(crate::t!("wizard-broke-before")));
        }
        page = page.push(match self.step {
            Step::Debts => self.debts_view(context),
            Step::Plan => self.plan_view(context),
            Step::Summary => self.summary_view(context),
            Step::Done => self.done_view(),
        });
        if let Some(error) = &self.error {
            page = page.push(widget::error_text(error.clone()));
        }
        widget::page_scroll(page)
    }

    fn debts_view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let mut table = column![widget::header_cells(vec![
            (String::new(), 1, false),
            (crate::t!("wizard-installment"), 6, false),
            (crate::t!("wizard-due"), 3, false),
            (crate::t!("wizard-days-late"), 2, true),
            (crate::t!("wizard-principal"), 3, true),
            (crate::t!("wizard-fine"), 3, true),
            (crate::t!("wizard-interest"), 3, true),
            (crate::t!("wizard-total"), 3, true),
        ])]
        .spacing(6);
        for line in &self.negotiation.overdue {
            let chosen = self.selected.contains(&line.id);
            let id = line.id;
            let check = iced::widget::checkbox(chosen)
                .on_toggle(move |on| Message::Toggle(id, on))
                .width(Length::FillPortion(1));
            table = table.push(
                row![
                    check,
                    widget::cells_row(vec![
                        (format!("{} – {}", line.description, line.number), 6, false),
                        (date_label(line.due_date), 3, false),
                        (line.charges.days_overdue.to_string(), 2, true),
                        (context.money(line.charges.principal), 3, true),
                        (context.money(line.charges.fine), 3, true),
                        (context.money(line.charges.interest), 3, true),
                        (context.money(line.charges.total), 3, true),
                    ])
                    .width(Length::FillPortion(23)),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        let debt = &self.negotiation.debt;
        column![
            widget::card(table),
            row![
                widget::stat(crate::t!("wizard-principal"), context.money(debt.principal)),
                widget::stat(crate::t!("wizard-fine"), context.money(debt.fine)),
                widget::stat(crate::t!("wizard-interest"), context.money(debt.interest)),
                widget::stat(crate::t!("wizard-debt"), context.money(debt.total())),
            ]
            .spacing(30),
            row![
                widget::secondary_button(crate::t!("wizard-cancel"), Some(Message::BackToCustomer)),
                widget::primary_button(
                    crate::t!("wizard-next"),
                    (!self.selected.is_empty()).then_some(Message::Next)
                ),
            ]
            .spacing(10),
        ]
        .spacing(14)
        .into()
    }

    fn option_line(&self, context: &Context, option: &Proposal) -> String {
        let count = option.installments.len();
        let head = match (count, option.down_payment.is_positive()) {
            (0, _) => crate::t!(
                "wizard-option-cash",
                total = context.money(option.new_total)
            ),
            (_, true) => crate::t!(
                "wizard-option-down",
                down = context.money(option.down_payment),
                count = count.to_string(),
                amount = context.money(option.installments[0].amount)
            ),
            (_, false) => crate::t!(
                "wizard-option-no-down",
                count = count.to_string(),
                amount = context.money(option.installments[0].amount)
            ),
        };
        format!(
            "{head} — {}",
            crate::t!(
                "wizard-option-discount",
                discount = context.money(option.discount)
            )
        )
    }

    fn plan_view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let mut options = column![widget::heading(crate::t!("wizard-options"))].spacing(8);
        if self.negotiation.options.is_empty() {
            options = options.push(widget::muted(crate::t!("negotiate-owner-only")));
        }
        for (index, option) in self.negotiation.options.iter().enumerate() {
            let chosen = self.choice == Choice::Option(index);
            options = options.push(
                iced::widget::button(text(self.option_line(context, option)))
                    .width(Length::Fill)
                    .padding([8, 12])
                    .style(if chosen {
                        iced::widget::button::primary
                    } else {
                        iced::widget::button::secondary
                    })
                    .on_press(Message::Choose(index)),
            );
        }
        let custom_chosen = self.choice == Choice::Custom;
        options = options.push(
            iced::widget::button(text(crate::t!("wizard-custom")))
                .width(Length::Fill)
                .padding([8, 12])
                .style(if custom_chosen {
                    iced::widget::button::primary
                } else {
                    iced::widget::button::secondary
                })
                .on_press(Message::Customize),
        );
        let mut page = column![widget::card(options)].spacing(14);
        if custom_chosen {
            page = page.push(widget::card(
                row![
                    widget::field(
                        crate::t!("wizard-discount"),
                        &self.custom.discount,
                        None,
                        Message::Discount
                    ),
                    widget::field(
                        crate::t!("wizard-down-payment"),
                        &self.custom.down_payment,
                        None,
                        Message::DownPayment
                    ),
                    widget::field(
                        crate::t!("wizard-count"),
                        &self.custom.installments,
                        None,
                        Message::Installments
                    ),
                    widget::field(
                        crate::t!("wizard-first-due"),
                        &self.custom.first_due,
                        None,
                        Message::FirstDue
                    ),
                    widget::field(
                        crate::t!("wizard-rate"),
                        &self.custom.monthly_rate,
                        None,
                        Message::MonthlyRate
                    ),
                ]
                .spacing(12),
            ));
        }
        page = page.push(self.check_view(context));
        page.push(
            row![
                widget::secondary_button(crate::t!("wizard-back"), Some(Message::Back)),
                widget::primary_button(
                    crate::t!("wizard-next"),
                    self.plan.is_ok().then_some(Message::Next)
                ),
            ]
            .spacing(10),
        )
        .into()
    }

    /// The live verdict on the plan: inside the limits, which limits it passes, or why
    /// it cannot be built at all.
    fn check_view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        match &self.plan {
            Err(reason) if reason.is_empty() => widget::spacer(),
            Err(reason) => widget::error_text(reason.clone()),
            Ok(plan) if plan.breaches.is_empty() => {
                let mut lines = column![text(crate::t!("wizard-inside-limits"))].spacing(4);
                if let Some(limits) = &self.negotiation.limits {
                    lines = lines.push(widget::muted(crate::t!(
                        "wizard-limits",
                        discount = context.money(limits.max_discount(&self.negotiation.debt)),
                        count = limits.max_installments.to_string()
                    )));
                }
                lines.into()
            }
            Ok(plan) => {
                let mut lines = column![widget::bold(crate::t!("wizard-needs-owner"))].spacing(4);
                for breach in &plan.breaches {
                    lines = lines.push(widget::error_text(format!("• {breach}")));
                }
                lines.into()
            }
        }
    }

    fn summary_view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let Ok(plan) = &self.plan else {
            return widget::spacer();
        };
        let proposal = &plan.proposal;
        let debt = &proposal.debt;
        let money = |amount: Money| context.money(amount);
        let figure = |label: String, value: String| -> Element<'a, Message> {
            row![text(label).width(Length::Fill), text(value)]
                .spacing(10)
                .into()
        };
        let mut originals = column![widget::heading(crate::t!("wizard-originals"))].spacing(4);
        for line in &self.negotiation.installments {
            originals = originals.push(widget::cells(vec![
                (format!("{} – {}", line.description, line.number), 6, false),
                (date_label(line.due_date), 3, false),
                (money(line.amount), 3, true),
            ]));
        }
        let figures = column![
            figure(crate::t!("wizard-principal"), money(debt.principal)),
            figure(crate::t!("wizard-fine"), money(debt.fine)),
            figure(crate::t!("wizard-interest"), money(debt.interest)),
            figure(crate::t!("wizard-debt"), money(debt.total())),
            figure(
                crate::t!("wizard-discount-label"),
                format!("− {}", money(proposal.discount))
            ),
            figure(crate::t!("wizard-new-total"), money(proposal.new_total)),
            figure(
                crate::t!("wizard-down-payment-label"),
                money(proposal.down_payment)
            ),
            figure(
                crate::t!("wizard-rate-label"),
                format!("{} / {}", proposal.monthly_rate, crate::t!("wizard-month"))
            ),
            figure(
                crate::t!("wizard-cet"),
                format!("{} / {}", proposal.cet_annual, crate::t!("wizard-year"))
            ),
            figure(
                crate::t!("wizard-without-financing"),
                money(proposal.new_total)
            ),
            figure(
                crate::t!("wizard-with-financing"),
                money(proposal.total_with_financing)
            ),
            figure(
                crate::t!("wizard-valid-until"),
                date_label(proposal.valid_until)
            ),
        ]
        .spacing(4);
        let mut schedule = column![widget::heading(crate::t!("wizard-schedule"))].spacing(4);
        if proposal.down_payment.is_positive() {
            let due = if self.paid_now {
                context.today
            } else {
                proposal.valid_until
            };
            schedule = schedule.push(widget::cells(vec![
                (crate::t!("wizard-down-payment-label"), 4, false),
                (date_label(due), 3, false),
                (money(proposal.down_payment), 3, true),
            ]));
        }
        for installment in &proposal.installments {
            schedule = schedule.push(widget::cells(vec![
                (
                    crate::t!(
                        "wizard-installment-of",
                        number = installment.number.to_string(),
                        count = proposal.installments.len().to_string()
                    ),
                    4,
                    false,
                ),
                (date_label(installment.due_date), 3, false),
                (money(installment.amount), 3, true),
            ]));
        }
        // What the clerk acts on stays in view on the left; the lists, however long, on
        // the right.
        let mut page = column![widget::card(figures)].spacing(14);
        if proposal.down_payment.is_positive() {
            page = page.push(
                row![
                    widget::check(
                        crate::t!("wizard-paid-now"),
                        self.paid_now,
                        Message::PaidNow
                    ),
                    pick_list(
                        PaymentMethod::ALL.to_vec(),
                        Some(self.method),
                        Message::Method
                    )
                    .padding(6),
                ]
                .spacing(16)
                .align_y(Alignment::Center),
            );
        }
        if self.needs_owner() {
            page = page.push(self.approval_view(context, plan));
        }
        let page = page.push(
            row![
                widget::secondary_button(crate::t!("wizard-back"), Some(Message::Back)),
                widget::primary_button(crate::t!("wizard-confirm"), Some(Message::Confirm)),
            ]
            .spacing(10),
        );
        row![
            page.width(Length::FillPortion(1)),
            column![widget::card(schedule), widget::card(originals)]
                .spacing(14)
                .width(Length::FillPortion(1)),
        ]
        .spacing(14)
        .into()
    }

    fn approval_view<'a>(
        &'a self,
        context: &'a Context,
        plan: &'a CheckedPlan,
    ) -> Element<'a, Message> {
        let mut card = column![widget::heading(crate::t!("wizard-approval"))].spacing(8);
        for breach in &plan.breaches {
            card = card.push(widget::error_text(format!("• {breach}")));
        }
        let mut fields = row![].spacing(12).align_y(Alignment::End);
        if context.actor.is_owner() {
            card = card.push(widget::muted(crate::t!(
                "wizard-owner-approves",
                name = context.actor.name().to_string()
            )));
        } else {
            let choices: Vec<OwnerChoice> = self
                .owners
                .iter()
                .map(|owner| OwnerChoice {
                    id: owner.id,
                    name: owner.name.clone(),
                })
                .collect();
            let chosen = choices
                .iter()
                .find(|choice| Some(choice.id) == self.approver)
                .cloned();
            fields = fields.push(
                column![
                    text(crate::t!("wizard-owner")).size(theme::SMALL),
                    pick_list(choices, chosen, Message::Approver).padding(6),
                ]
                .spacing(3),
            );
            fields = fields.push(
                widget::secret_field(crate::t!("wizard-owner-pin"), &self.pin, None, Message::Pin)
                    .width(180),
            );
        }
        card = card.push(fields);
        widget::card(card.push(widget::field(
            crate::t!("wizard-reason"),
            &self.reason,
            None,
            Message::Reason,
        )))
    }

    fn done_view(&self) -> Element<'_, Message> {
        let Some(made) = self.made else {
            return widget::spacer();
        };
        let mut page = column![widget::heading(crate::t!(
            "wizard-made",
            number = made.agreement_id.to_string()
        ))]
        .spacing(8);
        for printed in &self.printed {
            page = page.push(match printed {
                Ok(saved) => widget::muted(saved.clone()),
                Err(error) => widget::error_text(error.clone()),
            });
        }
        let mut buttons = row![widget::secondary_button(
            crate::t!("wizard-print-agreement"),
            Some(Message::PrintAgreement)
        )]
        .spacing(10);
        if made.to_pay > 0 {
            buttons = buttons.push(widget::secondary_button(
                crate::t!("wizard-print-carne"),
                Some(Message::PrintCarne),
            ));
        }
        if made.payment_id.is_some() {
            buttons = buttons.push(widget::secondary_button(
                crate::t!("wizard-print-receipt"),
                Some(Message::PrintReceipt),
            ));
        }
        buttons = buttons.push(widget::primary_button(
            crate::t!("wizard-to-customer"),
            Some(Message::BackToCustomer),
        ));
        widget::card(page.push(buttons))
    }
}
