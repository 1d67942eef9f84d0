//! A customer: what they owe today itemized, their payments, promises, contacts
//! and notes, and the actions of the counter.

use iced::widget::{column, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::{Outcome, Route};
use crate::domain::customer::format_phone;
use crate::domain::money::Money;
use crate::domain::negotiation::AgreementState;
use crate::error::Result;
use crate::services;
use crate::services::contacts::{ContactChannel, ContactView};
use crate::services::customers::Statement;
use crate::services::promises::PromiseView;
use crate::store::agreements::AgreementRecord;
use crate::ui::Context;
use crate::ui::context::{date_label, parse_date};
use crate::ui::theme;
use crate::ui::widget;

pub struct State {
    id: i64,
    statement: Statement,
    promises: Vec<PromiseView>,
    contacts: Vec<ContactView>,
    promise_date: String,
    promise_amount: String,
    promise_note: String,
    promise_error: Option<String>,
    contact_channel: ContactChannel,
    contact_note: String,
    contact_error: Option<String>,
    agreements: Vec<(AgreementRecord, AgreementState)>,
    /// The installment getting a new due date, and the date typed.
    new_due: Option<(i64, String)>,
    new_due_error: Option<String>,
}

#[derive(Clone, Debug)]
pub enum Message {
    ReceivePayment,
    Negotiate,
    PrintAgreement(i64),
    NewSale,
    Edit,
    PromiseDate(String),
    PromiseAmount(String),
    PromiseNote(String),
    RecordPromise,
    ContactChannel(ContactChannel),
    ContactNote(String),
    RecordContact,
    SecondCopy(i64),
    Carne(i64),
    Receipt(i64),
    NewDueFor(i64),
    NewDueDate(String),
    NewDueConfirm,
    NewDueCancel,
}

/// Room for the "2ª via" and "Nova data" buttons at the end of each installment.
const ROW_ACTIONS_WIDTH: f32 = 150.0;

/// Saves the document and opens it; says where it went, or why it could not be made.
fn print(context: &Context, file_name: &str, bytes: Result<Vec<u8>>) -> Outcome<Message> {
    match bytes.and_then(|bytes| {
        crate::ui::print::save_and_open(context.path(), file_name, &bytes, context.open_documents)
    }) {
        Ok(path) => Outcome::Notice(crate::t!("print-saved", path = path.display().to_string())),
        Err(error) => Outcome::Error(error.to_string()),
    }
}

impl State {
    pub fn load(context: &Context, id: i64) -> Result<State> {
        let db = context.db();
        Ok(State {
            id,
            statement: services::customers::statement(db, id, context.today)?,
            promises: services::promises::for_customer(db, id, context.today)?,
            contacts: services::contacts::for_customer(db, id)?,
            agreements: services::agreements::for_customer(db, id, context.today)?,
            promise_date: date_label(services::promises::default_due_on(context.today)),
            promise_amount: String::new(),
            promise_note: String::new(),
            promise_error: None,
            contact_channel: ContactChannel::Phone,
            contact_note: String::new(),
            contact_error: None,
            new_due: None,
            new_due_error: None,
        })
    }

    pub fn statement(&self) -> &Statement {
        &self.statement
    }

    fn reload(&mut self, context: &Context) -> Result<()> {
        let fresh = State::load(context, self.id)?;
        self.statement = fresh.statement;
        self.promises = fresh.promises;
        self.contacts = fresh.contacts;
        self.agreements = fresh.agreements;
        Ok(())
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::ReceivePayment => Outcome::Go(Route::Payment(self.id)),
            Message::Negotiate => Outcome::Go(Route::Negotiate(self.id)),
            Message::PrintAgreement(id) => print(
                context,
                &format!("acordo-{id}.pdf"),
                services::documents::agreement(context.db(), id),
            ),
            Message::NewSale => Outcome::Go(Route::NewSale(self.id)),
            Message::Edit => Outcome::Go(Route::EditCustomer(self.id)),
            Message::PromiseDate(value) => {
                self.promise_date = value;
                Outcome::None
            }
            Message::PromiseAmount(value) => {
                self.promise_amount = value;
                Outcome::None
            }
            Message::PromiseNote(value) => {
                self.promise_note = value;
                Outcome::None
            }
            Message::ContactChannel(channel) => {
                self.contact_channel = channel;
                Outcome::None
            }
            Message::ContactNote(value) => {
                self.contact_note = value;
                Outcome::None
            }
            Message::RecordPromise => self.record_promise(context),
            Message::RecordContact => self.record_contact(context),
            Message::SecondCopy(id) => {
                let today = context.today;
                print(
                    context,
                    &format!("segunda-via-parcela-{id}.pdf"),
                    services::documents::second_copy(context.db(), id, today),
                )
            }
            Message::Receipt(id) => print(
                context,
                &format!("recibo-{id}.pdf"),
                services::documents::receipt(context.db(), id),
            ),
            Message::Carne(sale_id) => {
                let actor = context.actor.clone();
                let today = context.today;
                let result = services::documents::carne(context.db_mut(), &actor, sale_id, today)
                    .map(|(bytes, _)| bytes);
                let outcome = print(context, &format!("carne-venda-{sale_id}.pdf"), result);
                let _ = self.reload(context);
                outcome
            }
            Message::NewDueFor(id) => {
                let suggested = context.today + chrono::Duration::days(7);
                self.new_due = Some((id, date_label(suggested)));
                self.new_due_error = None;
                Outcome::None
            }
            Message::NewDueDate(text) => {
                if let Some((_, date)) = &mut self.new_due {
                    *date = text;
                }
                Outcome::None
            }
            Message::NewDueCancel => {
                self.new_due = None;
                self.new_due_error = None;
                Outcome::None
            }
            Message::NewDueConfirm => self.new_due_date(context),
        }
    }

    /// Issues a boleto with the new due date, then prints its second copy.
    fn new_due_date(&mut self, context: &mut Context) -> Outcome<Message> {
        let Some((id, text)) = self.new_due.clone() else {
            return Outcome::None;
        };
        let Some(due) = parse_date(&text) else {
            self.new_due_error = Some(crate::t!("ui-bad-date", text = text));
            return Outcome::None;
        };
        let actor = context.actor.clone();
        let today = context.today;
        if let Err(error) =
            services::boletos::new_due_date(context.db_mut(), &actor, id, due, today)
        {
            self.new_due_error = Some(error.to_string());
            return Outcome::None;
        }
        self.new_due = None;
        self.new_due_error = None;
        print(
            context,
            &format!("segunda-via-parcela-{id}.pdf"),
            services::documents::second_copy(context.db(), id, today),
        )
    }

    fn record_promise(&mut self, context: &mut Context) -> Outcome<Message> {
        let Some(due_on) = parse_date(&self.promise_date) else {
            self.promise_error = Some(crate::t!("ui-bad-date", text = self.promise_date.clone()));
            return Outcome::None;
        };
        let amount = match Money::parse_brl(&self.promise_amount) {
            Ok(amount) => amount,
            Err(error) => {
                self.promise_error = Some(error.to_string());
                return Outcome::None;
            }
        };
        let actor = context.actor.clone();
        let today = context.today;
        match services::promises::record(
            context.db_mut(),
            &actor,
            self.id,
            due_on,
            amount,
            &self.promise_note,
            today,
        ) {
            Ok(_) => {
                self.promise_error = None;
                self.promise_amount.clear();
                self.promise_note.clear();
                if let Err(error) = self.reload(context) {
                    return Outcome::Error(error.to_string());
                }
                Outcome::Notice(crate::t!("promise-recorded"))
            }
            Err(error) => {
                self.promise_error = Some(error.to_string());
                Outcome::None
            }
        }
    }

    fn record_contact(&mut self, context: &mut Context) -> Outcome<Message> {
        let actor = context.actor.clone();
        match services::contacts::record(
            context.db_mut(),
            &actor,
            self.id,
            self.contact_channel,
            &self.contact_note,
        ) {
            Ok(_) => {
                self.contact_error = None;
                self.contact_note.clear();
                if let Err(error) = self.reload(context) {
                    return Outcome::Error(error.to_string());
                }
                Outcome::Notice(crate::t!("contact-recorded"))
            }
            Err(error) => {
                self.contact_error = Some(error.to_string());
                Outcome::None
            }
        }
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let statement = &self.statement;
        let customer = &statement.customer.customer;
        let tax_id = if context.privacy {
            "•••".to_string()
        } else {
            format!("{} {}", customer.tax_id.kind(), customer.tax_id.formatted())
        };
        let mut header = row![
            widget::title(context.name(&customer.name)),
            text(tax_id).color(theme::MUTED),
        ]
        .spacing(14)
        .align_y(Alignment::Center);
        if let Some((label, color)) = &statement.band {
            header = header.push(widget::band_chip(label, color));
        }
        let actions = row![
            widget::primary_button(
                crate::t!("customer-receive-payment"),
                statement
                    .totals
                    .total
                    .is_positive()
                    .then_some(Message::ReceivePayment),
            ),
            widget::secondary_button(
                crate::t!("customer-negotiate"),
                statement
                    .open_installments
                    .iter()
                    .any(|line| line.charges.days_overdue > 0)
                    .then_some(Message::Negotiate),
            ),
            widget::secondary_button(crate::t!("customer-new-sale"), Some(Message::NewSale)),
            widget::secondary_button(crate::t!("action-edit"), Some(Message::Edit)),
        ]
        .spacing(10);

        let mut facts = column![].spacing(4);
        if !context.privacy {
            let phones: Vec<String> = customer.phones.iter().map(|p| format_phone(p)).collect();
            facts = facts.push(text(format!(
                "{}: {}   {}: {}",
                crate::t!("customer-phone"),
                if phones.is_empty() {
                    "—".to_string()
                } else {
                    phones.join(", ")
                },
                crate::t!("customer-email"),
                customer.email.as_deref().unwrap_or("—")
            )));
            facts = facts.push(text(customer.address.one_line()));
        }
        let stops = &customer.stops;
        for (on, id) in [
            (stops.disputed, "statement-disputed"),
            (stops.over_indebted, "statement-over-indebted"),
            (stops.do_not_contact, "statement-do-not-contact"),
        ] {
            if on {
                facts = facts
                    .push(text(format!("⚠ {}", crate::i18n::LOADER.get(id))).color(theme::ERROR));
            }
        }
        if !customer.notes.is_empty() {
            facts = facts.push(text(format!(
                "{}: {}",
                crate::t!("customer-notes"),
                customer.notes
            )));
        }

        let mut page = column![
            header,
            facts,
            actions,
            widget::card(self.installments(context)),
        ]
        .spacing(14);
        if !self.agreements.is_empty() {
            page = page.push(widget::card(self.agreements_view(context)));
        }
        let page = page.push(
            column![
                row![
                    widget::card(self.payments(context)),
                    widget::card(self.promises_view(context)),
                ]
                .spacing(12),
                widget::card(self.contacts_view(context)),
            ]
            .spacing(14),
        );
        widget::page_scroll(page)
    }

    fn agreements_view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let mut list = column![widget::heading(crate::t!("customer-agreements"))].spacing(6);
        for (agreement, state) in &self.agreements {
            let line = text(crate::t!(
                "customer-agreement-line",
                number = agreement.id.to_string(),
                date = date_label(agreement.made_on),
                total = context.money(agreement.total_with_financing),
                state = state.label()
            ));
            let line = if *state == AgreementState::Broken {
                line.color(theme::ERROR)
            } else {
                line
            };
            list = list.push(
                row![
                    line.width(Length::Fill),
                    widget::small_button(
                        crate::t!("customer-agreement-print"),
                        Some(Message::PrintAgreement(agreement.id))
                    ),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        list.into()
    }

    fn installments<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let statement = &self.statement;
        let mut table = column![widget::heading(crate::t!(
            "statement-open-title",
            date = date_label(statement.today)
        ))]
        .spacing(6);
        if statement.open_installments.is_empty() {
            return table.push(text(crate::t!("statement-nothing-open"))).into();
        }
        table = table.push(
            widget::header_cells(vec![
                (crate::t!("statement-sale"), 4, false),
                (crate::t!("statement-due"), 2, false),
                (crate::t!("statement-days"), 1, true),
                (crate::t!("board-principal"), 2, true),
                (crate::t!("board-fine"), 2, true),
                (crate::t!("board-interest"), 2, true),
                (crate::t!("board-total"), 2, true),
                (crate::t!("board-band"), 3, false),
            ])
            .push(iced::widget::Space::new().width(ROW_ACTIONS_WIDTH)),
        );
        for line in &statement.open_installments {
            let charges = &line.charges;
            let band: Element<'a, Message> = match line.band.as_deref() {
                Some(label) => {
                    let color = context
                        .settings
                        .bands
                        .slots()
                        .find(|slot| context.settings.bands.label(*slot) == label)
                        .map(|slot| context.settings.bands.color(slot).to_string())
                        .unwrap_or_else(|| "#9E9E9E".to_string());
                    widget::band_chip(label, &color)
                }
                None => text(crate::t!("band-not-yet")).size(theme::SMALL).into(),
            };
            table = table.push(
                widget::cells_row(vec![
                    (format!("{} {}", line.description, line.number), 4, false),
                    (date_label(line.due_date), 2, false),
                    (charges.days_overdue.max(0).to_string(), 1, true),
                    (context.money(charges.principal), 2, true),
                    (context.money(charges.fine), 2, true),
                    (context.money(charges.interest), 2, true),
                    (context.money(charges.total), 2, true),
                ])
                .push(iced::widget::container(band).width(Length::FillPortion(3)))
                .push(
                    row![
                        widget::small_button(
                            crate::t!("print-second-copy"),
                            Some(Message::SecondCopy(line.id))
                        ),
                        widget::small_button(
                            crate::t!("print-new-due-date"),
                            Some(Message::NewDueFor(line.id))
                        ),
                    ]
                    .spacing(4)
                    .width(ROW_ACTIONS_WIDTH),
                ),
            );
            if let Some((id, date)) = &self.new_due
                && *id == line.id
            {
                let mut form = row![
                    text(crate::t!(
                        "print-new-due-label",
                        number = line.number.to_string()
                    )),
                    text_input("DD/MM/AAAA", date)
                        .id(widget::field_id(&crate::t!("print-new-due-date")))
                        .on_input(Message::NewDueDate)
                        .on_submit(Message::NewDueConfirm)
                        .padding(6)
                        .width(130),
                    widget::primary_button(
                        crate::t!("print-new-due-confirm"),
                        Some(Message::NewDueConfirm)
                    ),
                    widget::secondary_button(
                        crate::t!("action-cancel"),
                        Some(Message::NewDueCancel)
                    ),
                ]
                .spacing(8)
                .align_y(Alignment::Center);
                if let Some(error) = &self.new_due_error {
                    form = form.push(widget::error_text(error.clone()));
                }
                table = table.push(form);
            }
        }
        let mut sales: Vec<(i64, &str)> = Vec::new();
        for line in &statement.open_installments {
            if !sales.iter().any(|(id, _)| *id == line.sale_id) {
                sales.push((line.sale_id, line.description.as_str()));
            }
        }
        let mut carnes = row![text(crate::t!("print-carne-label"))]
            .spacing(6)
            .align_y(Alignment::Center);
        for (sale_id, description) in sales {
            carnes = carnes.push(widget::small_button(
                format!("{description} (#{sale_id})"),
                Some(Message::Carne(sale_id)),
            ));
        }
        table = table.push(carnes);
        let totals = &statement.totals;
        table = table.push(iced::widget::rule::horizontal(1));
        table = table.push(
            row![
                widget::stat(
                    crate::t!("board-principal"),
                    context.money(totals.principal)
                ),
                widget::stat(crate::t!("board-fine"), context.money(totals.fine)),
                widget::stat(crate::t!("board-interest"), context.money(totals.interest)),
                widget::stat(crate::t!("customer-total-due"), context.money(totals.total)),
            ]
            .spacing(40),
        );
        table.into()
    }

    fn payments<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let mut list = column![widget::heading(crate::t!("customer-payments"))].spacing(4);
        if self.statement.payments.is_empty() {
            list = list.push(widget::muted(crate::t!("customer-no-payments")));
        }
        for payment in self.statement.payments.iter().take(12) {
            let kind = if payment.down_payment_of_sale.is_some() {
                format!(
                    "{} ({})",
                    payment.method.label(),
                    crate::t!("payment-down-payment")
                )
            } else {
                payment.method.label()
            };
            list = list.push(
                widget::cells_row(vec![
                    (date_label(payment.paid_on), 2, false),
                    (context.money(payment.amount), 2, true),
                    (kind, 3, false),
                ])
                .push(widget::small_button(
                    crate::t!("print-receipt"),
                    Some(Message::Receipt(payment.id)),
                ))
                .align_y(Alignment::Center),
            );
        }
        list.width(Length::Fill).into()
    }

    fn promises_view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let mut list = column![widget::heading(crate::t!("customer-promises"))].spacing(6);
        for promise in &self.promises {
            list = list.push(widget::cells(vec![
                (date_label(promise.due_on), 2, false),
                (context.money(promise.amount), 2, true),
                (promise.status.label(), 2, false),
                (promise.note.clone(), 3, false),
            ]));
        }
        if !self.statement.totals.total.is_positive() {
            if self.promises.is_empty() {
                list = list.push(widget::muted(crate::t!("statement-nothing-open")));
            }
            return list.width(Length::Fill).into();
        }
        let form = row![
            widget::field(
                crate::t!("promise-date"),
                &self.promise_date,
                None,
                Message::PromiseDate
            )
            .width(130),
            widget::field(
                crate::t!("promise-amount"),
                &self.promise_amount,
                None,
                Message::PromiseAmount
            )
            .width(130),
            widget::field(
                crate::t!("promise-note"),
                &self.promise_note,
                None,
                Message::PromiseNote
            ),
        ]
        .spacing(8);
        list = list.push(form);
        if let Some(error) = &self.promise_error {
            list = list.push(widget::error_text(error.clone()));
        }
        list = list.push(widget::secondary_button(
            crate::t!("promise-record"),
            Some(Message::RecordPromise),
        ));
        list.width(Length::Fill).into()
    }

    fn contacts_view<'a>(&'a self, _context: &'a Context) -> Element<'a, Message> {
        let mut list = column![widget::heading(crate::t!("customer-contacts"))].spacing(6);
        if self.contacts.is_empty() {
            list = list.push(widget::muted(crate::t!("customer-no-contacts")));
        }
        for contact in self.contacts.iter().take(20) {
            list = list.push(widget::cells(vec![
                (contact.at.clone(), 3, false),
                (contact.channel.label(), 2, false),
                (contact.note.clone(), 6, false),
                (contact.actor.clone(), 2, false),
            ]));
        }
        list = list.push(
            row![
                pick_list(
                    ContactChannel::ALL.to_vec(),
                    Some(self.contact_channel),
                    Message::ContactChannel
                ),
                text_input(&crate::t!("contact-note-placeholder"), &self.contact_note)
                    .on_input(Message::ContactNote)
                    .on_submit(Message::RecordContact)
                    .padding(6),
                widget::secondary_button(crate::t!("contact-record"), Some(Message::RecordContact)),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
        if let Some(error) = &self.contact_error {
            list = list.push(widget::error_text(error.clone()));
        }
        list.into()
    }
}
