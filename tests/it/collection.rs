//! The collection ruler and the outbox on a real database and a real SMTP server on
//! loopback: one combined message per customer, nothing twice, the store as sender,
//! a stable Message-ID, itemized amounts, a readable PDF attached; a server down, a
//! wrong password, a customer who paid meanwhile, two senders at once.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use mail_parser::MimeHeaders;
use regua::domain::customer::{Channels, Consent};
use regua::domain::installment::PaymentMethod;
use regua::domain::money::Money;
use regua::domain::outbox::OutboxStatus;
use regua::domain::ruler::Channel;
use regua::domain::settings::SmtpSecurity;
use regua::error::Error;
use regua::services::tasks::Outcome;
use regua::services::{self, Actor};
use regua::store::Database;

use crate::pdf::pdf_text;
use crate::smtp_server::{self, SmtpServer};
use crate::support::*;

/// Monday 23 Nov 2026, 10:00: inside the contact window.
fn monday() -> NaiveDateTime {
    date(2026, 11, 23).and_hms_opt(10, 0, 0).unwrap()
}

fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

struct Shop {
    folder: Folder,
    db: Database,
    owner: Actor,
    customer: i64,
}

/// A store with a Pix key and a customer (e-mail and WhatsApp consented) with two
/// sales whose first installments are five days late on Monday.
fn shop() -> Shop {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let (owner, _) = owner_and_clerk(&mut db, &store_input());
    let owner = Actor::person(&owner);
    services::settings::set(&mut db, &owner, "store.pix_key", "pix@exemplo.com.br").unwrap();
    let customer = joana(&mut db, "Joana D’Arc Souza");
    Shop {
        folder,
        db,
        owner,
        customer,
    }
}

/// Joana (e-mail and WhatsApp consented) with two sales of three R$ 100,00
/// installments, the first due 18 Nov 2026.
pub fn joana(db: &mut Database, name: &str) -> i64 {
    let mut input = customer_input(name, "52998224725");
    input.email = "joana@cliente.com.br".into();
    input.consent = Consent {
        collection: Channels {
            email: true,
            whatsapp: true,
            sms: false,
        },
        ..Consent::default()
    };
    let customer = services::customers::create(db, &ana(), &input).unwrap();
    for _ in 0..2 {
        let terms = sale_terms(date(2026, 11, 18), 30_000, 3);
        services::sales::create(db, &ana(), customer, &terms, PaymentMethod::Cash).unwrap();
    }
    customer
}

fn point_at(shop: &mut Shop, server_port: u16, ca_file: &std::path::Path, password: &str) {
    let mut settings = services::settings::load(&shop.db).unwrap();
    settings.smtp.host = "localhost".into();
    settings.smtp.port = server_port;
    settings.smtp.security = SmtpSecurity::StartTls;
    settings.smtp.user = smtp_server::USER.into();
    settings.smtp.ca_file = ca_file.display().to_string();
    services::settings::replace(&mut shop.db, &shop.owner, &settings).unwrap();
    services::outbox::set_password(&mut shop.db, &shop.owner, password).unwrap();
}

#[test]
fn one_message_per_customer_and_a_second_run_queues_nothing() {
    let mut shop = shop();
    let dry = services::ruler::run(&mut shop.db, &shop.owner, monday(), true).unwrap();
    let run = services::ruler::run(&mut shop.db, &shop.owner, monday(), false).unwrap();
    // The dry run plans exactly what the run queues.
    assert_eq!(dry.planned, run.planned);
    assert_eq!(run.planned.len(), 1, "{:?}", run.planned);
    let contact = &run.planned[0];
    assert_eq!(contact.customer_id, shop.customer);
    assert_eq!(contact.step, Some(5));
    assert_eq!(contact.channel, Channel::Email);
    assert_eq!(
        contact.installment_ids.len(),
        2,
        "both sales in one message"
    );
    assert_eq!(run.queued, 1);
    let again = services::ruler::run(&mut shop.db, &shop.owner, monday(), false).unwrap();
    assert!(again.planned.is_empty());
    // An hour later the caps hold it: one contact a day.
    let later = monday() + Duration::hours(1);
    assert!(
        services::ruler::run(&mut shop.db, &shop.owner, later, false)
            .unwrap()
            .planned
            .is_empty()
    );
    // Sunday: outside the window.
    let sunday = date(2026, 11, 29).and_hms_opt(10, 0, 0).unwrap();
    let closed = services::ruler::run(&mut shop.db, &shop.owner, sunday, false).unwrap();
    assert!(!closed.window_open);
    assert!(closed.planned.is_empty());
    let outbox = services::outbox::list(&shop.db, None, 10).unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].status, OutboxStatus::Pending);
    // The subject never states the debt; the body itemizes it and names the store.
    let message = services::outbox::get(&shop.db, outbox[0].id).unwrap();
    assert!(!message.subject.to_lowercase().contains("r$"));
    assert!(message.body.contains("Olá") || message.body.contains("Prezado(a) Joana"));
    assert!(message.body.contains("multa R$ 2,00"), "{}", message.body);
    assert!(message.body.contains("CNPJ 34.665.388/0001-61"));
    assert!(
        message.body.contains("00020126"),
        "Pix copia e cola: {}",
        message.body
    );
}

#[test]
fn the_outbox_sends_through_a_real_smtp_server() {
    let mut shop = shop();
    let server = SmtpServer::start(shop.folder.dir.path());
    point_at(
        &mut shop,
        server.port,
        &server.ca_file.clone(),
        smtp_server::PASSWORD,
    );
    services::ruler::run(&mut shop.db, &shop.owner, monday(), false).unwrap();
    let report =
        services::outbox::send_due(&mut shop.db, "teste", utc(monday()), monday().date()).unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    let received = server.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].to, vec!["joana@cliente.com.br".to_string()]);
    assert!(received[0].from.contains("loja@exemplo.com.br"));
    let stored = &services::outbox::list(&shop.db, None, 10).unwrap()[0];
    assert_eq!(stored.status, OutboxStatus::Sent);
    let stored = services::outbox::get(&shop.db, stored.id).unwrap();
    let parsed = mail_parser::MessageParser::default()
        .parse(received[0].raw.as_bytes())
        .unwrap();
    let from = parsed.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("loja@exemplo.com.br"));
    assert_eq!(parsed.subject(), Some(stored.subject.as_str()));
    // "Prezado(a)…: informação sobre seu crediário": UTF-8, encoded for the header.
    assert!(!stored.subject.is_ascii());
    assert!(
        received[0].raw.contains("Subject: =?utf-8?"),
        "{}",
        received[0].raw
    );
    assert_eq!(
        format!("<{}>", parsed.message_id().unwrap()),
        stored.message_id
    );
    let body = parsed.body_text(0).unwrap();
    assert!(body.contains("valor R$ 100,00; multa R$ 2,00"), "{body}");
    let attachments: Vec<_> = parsed.attachments().collect();
    assert_eq!(attachments.len(), 2, "one second copy per installment");
    let pdf = shop.folder.path("anexo.pdf");
    std::fs::write(&pdf, attachments[0].contents()).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("Joana"), "{text}");
    // Sent once: the next round has nothing to send, and the contact is in the history.
    let again =
        services::outbox::send_due(&mut shop.db, "teste", utc(monday()), monday().date()).unwrap();
    assert_eq!(again.sent, 0);
    assert_eq!(server.received().len(), 1);
    let history = services::contacts::for_customer(&shop.db, shop.customer).unwrap();
    assert!(history.iter().any(|c| c.note.contains(&stored.subject)));
}

#[test]
fn with_the_server_down_messages_wait_and_go_when_it_is_back() {
    let mut shop = shop();
    let port = smtp_server::free_port();
    let ca = shop.folder.path(&format!("smtp-{port}.pem"));
    // The certificate is written when the server starts; until then any file will do.
    std::fs::write(
        &ca,
        rcgen::generate_simple_self_signed(vec!["localhost".into()])
            .unwrap()
            .cert
            .pem(),
    )
    .unwrap();
    point_at(&mut shop, port, &ca, smtp_server::PASSWORD);
    services::ruler::run(&mut shop.db, &shop.owner, monday(), false).unwrap();
    let down =
        services::outbox::send_due(&mut shop.db, "teste", utc(monday()), monday().date()).unwrap();
    assert_eq!(down.waiting, 1, "{down:?}");
    let waiting = &services::outbox::list(&shop.db, None, 10).unwrap()[0];
    assert_eq!(waiting.status, OutboxStatus::Retry);
    assert!(waiting.last_error.as_deref().unwrap().contains("conexão"));
    let message_id = services::outbox::get(&shop.db, waiting.id)
        .unwrap()
        .message_id;
    // Not before its time.
    let soon = services::outbox::send_due(
        &mut shop.db,
        "teste",
        utc(monday()) + Duration::minutes(1),
        monday().date(),
    )
    .unwrap();
    assert_eq!(soon, Default::default());
    let server = SmtpServer::start_at(shop.folder.dir.path(), port);
    let back = services::outbox::send_due(
        &mut shop.db,
        "teste",
        utc(monday()) + Duration::minutes(10),
        monday().date(),
    )
    .unwrap();
    assert_eq!(back.sent, 1, "{back:?}");
    assert!(server.received()[0].raw.contains(&message_id));
}

#[test]
fn a_wrong_password_fails_with_the_servers_reason() {
    let mut shop = shop();
    let server = SmtpServer::start(shop.folder.dir.path());
    point_at(
        &mut shop,
        server.port,
        &server.ca_file.clone(),
        "senha-errada",
    );
    services::ruler::run(&mut shop.db, &shop.owner, monday(), false).unwrap();
    let report =
        services::outbox::send_due(&mut shop.db, "teste", utc(monday()), monday().date()).unwrap();
    assert_eq!(report.failed, 1, "{report:?}");
    let failed = &services::outbox::list(&shop.db, Some(OutboxStatus::Failed), 10).unwrap()[0];
    let reason = failed.last_error.clone().unwrap();
    assert!(reason.contains("535"), "{reason}");
    assert!(reason.contains("recusou"), "{reason}");
    // The test button says the same.
    let error = services::outbox::send_test(&shop.db, "dono@exemplo.com.br").unwrap_err();
    assert!(error.to_string().contains("535"), "{error}");
    // The owner retries after fixing the password; a clerk may not.
    let clerk = Actor::named("Bia", regua::domain::users::Role::Clerk);
    assert!(matches!(
        services::outbox::retry(&mut shop.db, &clerk, failed.id),
        Err(Error::NotAllowed)
    ));
    services::outbox::set_password(&mut shop.db, &shop.owner, smtp_server::PASSWORD).unwrap();
    services::outbox::retry(&mut shop.db, &shop.owner, failed.id).unwrap();
    let report =
        services::outbox::send_due(&mut shop.db, "teste", utc(monday()), monday().date()).unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    assert_eq!(server.received().len(), 1);
}

#[test]
fn a_customer_who_paid_meanwhile_gets_the_thanks_not_the_reminder() {
    let mut shop = shop();
    let server = SmtpServer::start(shop.folder.dir.path());
    point_at(
        &mut shop,
        server.port,
        &server.ca_file.clone(),
        smtp_server::PASSWORD,
    );
    services::ruler::run(&mut shop.db, &shop.owner, monday(), false).unwrap();
    // Pays everything owed before the outbox goes out.
    let owed = services::customers::statement(&shop.db, shop.customer, monday().date())
        .unwrap()
        .totals
        .total;
    services::payments::receive(
        &mut shop.db,
        &ana(),
        shop.customer,
        owed,
        PaymentMethod::Pix,
        monday().date(),
        monday().date(),
    )
    .unwrap();
    let report =
        services::outbox::send_due(&mut shop.db, "teste", utc(monday()), monday().date()).unwrap();
    assert_eq!(report.cancelled, 1, "{report:?}");
    assert!(server.received().is_empty());
    // The next day the ruler thanks, with the receipt attached.
    let tuesday = monday() + Duration::days(1);
    let run = services::ruler::run(&mut shop.db, &shop.owner, tuesday, false).unwrap();
    assert_eq!(run.planned.len(), 1, "{:?}", run.planned);
    assert_eq!(run.planned[0].step, None);
    assert!(run.planned[0].payment_id.is_some());
    services::outbox::send_due(&mut shop.db, "teste", utc(tuesday), tuesday.date()).unwrap();
    let received = server.received();
    let parsed = mail_parser::MessageParser::default()
        .parse(received[0].raw.as_bytes())
        .unwrap();
    assert!(
        parsed
            .body_text(0)
            .unwrap()
            .contains("Recebemos o seu pagamento")
    );
    let receipt: Vec<_> = parsed.attachments().collect();
    assert_eq!(receipt.len(), 1);
    assert!(receipt[0].attachment_name().unwrap().starts_with("recibo-"));
    // Nothing else for her: she owes nothing.
    let wednesday = tuesday + Duration::days(1);
    assert!(
        services::ruler::run(&mut shop.db, &shop.owner, wednesday, false)
            .unwrap()
            .planned
            .is_empty()
    );
}

#[test]
fn two_senders_never_run_at_once() {
    let mut shop = shop();
    let server = SmtpServer::start(shop.folder.dir.path());
    point_at(
        &mut shop,
        server.port,
        &server.ca_file.clone(),
        smtp_server::PASSWORD,
    );
    services::ruler::run(&mut shop.db, &shop.owner, monday(), false).unwrap();
    let other = Database::open(&shop.folder.db()).unwrap();
    {
        let tx = other.conn();
        assert!(
            regua::store::locks::acquire(
                tx,
                "outbox",
                "app:outra",
                Utc::now(),
                Duration::minutes(10)
            )
            .unwrap()
        );
    }
    assert!(matches!(
        services::outbox::send_due(&mut shop.db, "cli", utc(monday()), monday().date()),
        Err(Error::SenderBusy)
    ));
    assert!(server.received().is_empty());
    regua::store::locks::release(other.conn(), "outbox", "app:outra").unwrap();
    let report =
        services::outbox::send_due(&mut shop.db, "cli", utc(monday()), monday().date()).unwrap();
    assert_eq!(report.sent, 1);
}

#[test]
fn a_call_ends_in_a_promise_and_the_ruler_waits_for_it() {
    let mut shop = shop();
    // D+10 is a call: the customer's installments are ten days late on Monday 30.
    let day = date(2026, 11, 30).and_hms_opt(10, 0, 0).unwrap();
    let run = services::ruler::run(&mut shop.db, &shop.owner, day, false).unwrap();
    assert_eq!(run.planned.len(), 1, "{:?}", run.planned);
    assert_eq!(run.planned[0].channel, Channel::Call);
    assert_eq!(run.tasks, 1);
    let today = services::tasks::today(&shop.db, day.date(), 7).unwrap();
    assert_eq!(today.calls.len(), 1);
    let call = &today.calls[0];
    assert_eq!(call.phone.as_deref(), Some("31987654321"));
    assert!(call.total.is_positive());
    services::tasks::finish(
        &mut shop.db,
        &ana(),
        call.id,
        &Outcome::Promise {
            due_on: date(2026, 12, 10),
            amount: Money::from_cents(10_000),
        },
        "paga no dia 10",
        day.date(),
    )
    .unwrap();
    // Done once; the promise is recorded with it and holds the ruler until its date.
    assert!(matches!(
        services::tasks::finish(
            &mut shop.db,
            &ana(),
            call.id,
            &Outcome::NoAnswer,
            "",
            day.date()
        ),
        Err(Error::ContactClosed(_))
    ));
    let promises = services::promises::for_customer(&shop.db, shop.customer, day.date()).unwrap();
    assert_eq!(promises.len(), 1);
    for offset in 2..=10 {
        let later = day + Duration::days(offset);
        let planned = services::ruler::plan_at(&shop.db, later).unwrap();
        assert!(planned.is_empty(), "day +{offset}: {planned:?}");
    }
}

#[test]
fn whatsapp_steps_become_a_link_with_the_text_ready() {
    let mut shop = shop();
    // D-1 of the second installments (due 18 Dec) is WhatsApp; the first ones are paid.
    let owed: Money = services::customers::statement(&shop.db, shop.customer, date(2026, 11, 20))
        .unwrap()
        .open_installments
        .iter()
        .filter(|line| line.due_date < date(2026, 11, 20))
        .map(|line| line.charges.total)
        .sum();
    services::payments::receive(
        &mut shop.db,
        &ana(),
        shop.customer,
        owed,
        PaymentMethod::Cash,
        date(2026, 11, 20),
        date(2026, 11, 20),
    )
    .unwrap();
    let day = date(2026, 12, 17).and_hms_opt(9, 30, 0).unwrap();
    let run = services::ruler::run(&mut shop.db, &shop.owner, day, false).unwrap();
    let whatsapp: Vec<_> = run
        .planned
        .iter()
        .filter(|c| c.channel == Channel::WhatsApp)
        .collect();
    assert_eq!(whatsapp.len(), 1, "{:?}", run.planned);
    let today = services::tasks::today(&shop.db, day.date(), 7).unwrap();
    let link = today.whatsapp[0].whatsapp_link.clone().unwrap();
    assert!(
        link.starts_with("https://wa.me/5531987654321?text="),
        "{link}"
    );
    assert!(link.contains("Jo"), "{link}");
    assert_eq!(today.upcoming.len(), 7);
}

#[test]
fn the_command_line_plans_and_sends_from_a_scheduled_task() {
    let mut shop = shop();
    let server = SmtpServer::start(shop.folder.dir.path());
    point_at(
        &mut shop,
        server.port,
        &server.ca_file.clone(),
        smtp_server::PASSWORD,
    );
    drop(shop.db);
    let db = shop.folder.db();
    let dry = json(
        &db,
        &[
            "--today",
            "2026-11-23",
            "ruler",
            "run",
            "--now",
            "10:00",
            "--dry-run",
        ],
    );
    assert_eq!(dry["dry_run"], true);
    let planned = dry["planned"].as_array().unwrap();
    assert_eq!(planned.len(), 1);
    let contact = &planned[0];
    assert_eq!(contact["customer_id"], shop.customer);
    assert_eq!(contact["step"], 5);
    assert_eq!(contact["channel"], "email");
    assert_eq!(contact["scheduled_at"], "2026-11-23T10:00:00");
    assert_eq!(contact["installment_ids"].as_array().unwrap().len(), 2);
    let run = json(
        &db,
        &["--today", "2026-11-23", "ruler", "run", "--now", "10:00"],
    );
    assert_eq!(run["planned"], dry["planned"]);
    assert_eq!(run["queued"], 1);
    let text = ok(
        &db,
        &["--today", "2026-11-23", "ruler", "run", "--now", "10:00"],
    );
    assert!(text.contains("0 e-mail(s) na caixa de saída"), "{text}");
    let sent = ok(&db, &["--today", "2026-11-23", "outbox", "send"]);
    assert!(sent.contains("Enviados: 1"), "{sent}");
    assert_eq!(server.received().len(), 1);
    let listed = ok(&db, &["outbox", "list", "--status", "sent"]);
    assert!(listed.contains("joana@cliente.com.br"), "{listed}");
    let refused = regua(&db, &["ruler", "run", "--now", "25:00"]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("Hora inválida"));
}

#[test]
fn letters_print_with_the_stores_identification_and_the_amounts_of_the_day() {
    let mut shop = shop();
    // D+30 is a letter before the credit bureau: installments due 18 Nov, on 18 Dec.
    let day = date(2026, 12, 18).and_hms_opt(10, 0, 0).unwrap();
    let run = services::ruler::run(&mut shop.db, &shop.owner, day, false).unwrap();
    assert_eq!(run.planned[0].channel, Channel::Letter, "{:?}", run.planned);
    let ids = services::tasks::open_letters(&shop.db, day.date()).unwrap();
    assert_eq!(ids.len(), 1);
    let pdf = shop.folder.path("cartas.pdf");
    std::fs::write(
        &pdf,
        services::tasks::letters(&shop.db, &ids, day.date()).unwrap(),
    )
    .unwrap();
    let text = pdf_text(&pdf);
    for expected in [
        "Joana D’Arc Souza",
        "Rua da Bahia",
        "Belo Horizonte, 18/12/2026",
        "CNPJ 34.665.388/0001-61",
        "cadastros de proteção ao crédito",
        "multa R$ 2,00",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

/// Thirty days of a 300-customer demo store, the ruler run at 10:00 and 15:00 each day
/// (some days the PC stays off): the dry run plans what the run queues, a second run
/// queues nothing, and the caps and window hold in what the database recorded.
#[test]
fn thirty_days_of_a_demo_store_keep_the_caps_and_the_window() {
    use regua::domain::demo::DemoOptions;
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let actor = Actor::system("teste");
    services::demo::create(
        &mut db,
        &actor,
        &DemoOptions {
            customers: 300,
            seed: 9,
            today: today(),
        },
    )
    .unwrap();
    let settings = services::settings::load(&db).unwrap();
    let calendar = settings.calendar();
    let window = settings.collection.window;
    let off = [3, 4, 5, 11, 20];
    let mut planned_total = 0;
    for day in 1..=30 {
        if off.contains(&day) {
            continue;
        }
        for hour in [10, 15] {
            let now = (today() + Duration::days(day))
                .and_hms_opt(hour, 0, 0)
                .unwrap();
            let dry = services::ruler::run(&mut db, &actor, now, true).unwrap();
            let run = services::ruler::run(&mut db, &actor, now, false).unwrap();
            assert_eq!(dry.planned, run.planned, "{now}");
            assert!(
                run.planned
                    .iter()
                    .all(|c| window.is_open(c.scheduled_at, &calendar))
            );
            planned_total += run.planned.len();
            let again = services::ruler::run(&mut db, &actor, now, false).unwrap();
            assert!(again.planned.is_empty(), "{now}: {:?}", again.planned);
        }
    }
    assert!(
        planned_total > 100,
        "only {planned_total} contacts in 30 days"
    );
    // What the database holds: per customer, collection contacts at most one a day,
    // three in seven days, and never twice on a channel within 48 hours.
    let mut statement = db
        .conn()
        .prepare(
            "SELECT customer_id, scheduled_at, channel FROM ruler_contacts
             WHERE template <> 'thank_you' AND state <> 'cancelled'
             ORDER BY customer_id, scheduled_at",
        )
        .unwrap();
    let rows: Vec<(i64, NaiveDateTime, String)> = statement
        .query_map([], |row| {
            let at: String = row.get(1)?;
            Ok((
                row.get(0)?,
                NaiveDateTime::parse_from_str(&at, "%Y-%m-%d %H:%M:%S").unwrap(),
                row.get(2)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (customer, at, channel) in &rows {
        let mine = rows.iter().filter(|(c, _, _)| c == customer);
        let same_day = mine
            .clone()
            .filter(|(_, t, _)| t.date() == at.date())
            .count();
        assert!(same_day <= 1, "customer {customer} on {at}");
        let week = mine
            .clone()
            .filter(|(_, t, _)| *t > *at - Duration::days(7) && t <= at)
            .count();
        assert!(week <= 3, "customer {customer} in the week to {at}");
        let close = mine
            .filter(|(_, t, ch)| ch == channel && t < at && *at - *t < Duration::hours(48))
            .count();
        assert_eq!(close, 0, "customer {customer} on {channel} at {at}");
    }
}
