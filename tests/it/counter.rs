//! The counter's services behind the app: editing customers, promises, contacts,
//! store setup, settings, the board's customers and the day-end report.

use regua::Error;
use regua::domain::band::BandSlot;
use regua::domain::demo::DemoOptions;
use regua::domain::installment::PaymentMethod;
use regua::domain::money::Money;
use regua::domain::rate::BasisPoints;
use regua::domain::settings::{StoreField, StoreInput};
use regua::services::contacts::ContactChannel;
use regua::services::promises::PromiseStatus;
use regua::services::settings::SetupError;
use regua::services::{self, Actor};
use regua::store::Database;

use crate::support::*;

/// A customer with one installment of R$ 300,00 due `days_late` days before today.
fn late_customer(db: &mut Database, name: &str, tax_id: &str, days_late: i64) -> i64 {
    let id = services::customers::create(db, &ana(), &customer_input(name, tax_id)).unwrap();
    let terms = sale_terms(today() - chrono::Duration::days(days_late), 30_000, 1);
    services::sales::create(db, &ana(), id, &terms, PaymentMethod::Cash).unwrap();
    id
}

#[test]
fn editing_a_customer_keeps_everything_consistent() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let maria = services::customers::create(
        &mut db,
        &ana(),
        &customer_input("Maria Souza", "111.444.777-35"),
    )
    .unwrap();
    services::customers::create(
        &mut db,
        &ana(),
        &customer_input("José Lima", "525.131.277-65"),
    )
    .unwrap();

    let record = services::customers::get(&db, maria).unwrap();
    let mut input = services::customers::input_from(&record);
    assert_eq!(input.tax_id, "111.444.777-35");
    assert_eq!(input.validate().unwrap(), record.customer);
    input.name = "Maria da Conceição Souza".into();
    input.phones = vec!["(11) 3456-7890".into()];
    input.stops.disputed = true;
    services::customers::update(&mut db, &ana(), maria, &input).unwrap();
    let found = services::customers::search(&db, "conceicao", 10).unwrap();
    assert_eq!(found.iter().map(|c| c.id).collect::<Vec<_>>(), vec![maria]);
    assert_eq!(
        services::customers::search(&db, "3456-7890", 10).unwrap()[0].id,
        maria
    );
    assert!(
        services::customers::get(&db, maria)
            .unwrap()
            .customer
            .stops
            .disputed
    );

    // Taking José's CPF is refused and changes nothing.
    drop(db);
    let before = snapshot(&folder.db());
    let mut db = Database::open(&folder.db()).unwrap();
    input.tax_id = "525.131.277-65".into();
    assert!(matches!(
        services::customers::update(&mut db, &ana(), maria, &input),
        Err(Error::DuplicateTaxId(_))
    ));
    assert!(matches!(
        services::customers::update(&mut db, &ana(), 999, &customer_input("X", "390.533.447-05")),
        Err(Error::CustomerNotFound(_))
    ));
    assert_eq!(
        services::customers::get(&db, maria)
            .unwrap()
            .customer
            .tax_id
            .as_str(),
        "11144477735"
    );
    drop(db);
    assert_eq!(snapshot(&folder.db()), before);
}

#[test]
fn a_promise_is_pending_then_kept_or_broken() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let id = late_customer(&mut db, "Maria Souza", "111.444.777-35", 10);
    let in_three_days = today() + chrono::Duration::days(3);
    let refusals = [
        (Money::ZERO, in_three_days, "maior que zero"),
        (
            Money::from_cents(99_999),
            in_three_days,
            "maior que o total devido",
        ),
        (
            Money::from_cents(100),
            today() - chrono::Duration::days(1),
            "anterior a hoje",
        ),
        (
            Money::from_cents(100),
            today() + chrono::Duration::days(61),
            "no máximo 60 dias",
        ),
    ];
    for (amount, due, message) in refusals {
        let error =
            services::promises::record(&mut db, &ana(), id, due, amount, "", today()).unwrap_err();
        assert!(error.to_string().contains(message), "{error}");
    }
    services::promises::record(
        &mut db,
        &ana(),
        id,
        in_three_days,
        Money::from_cents(15_000),
        "metade",
        today(),
    )
    .unwrap();
    let promises = services::promises::for_customer(&db, id, today()).unwrap();
    assert_eq!(promises.len(), 1);
    assert_eq!(promises[0].status, PromiseStatus::Pending);
    assert!(services::promises::has_pending_promise(&db, id, today()).unwrap());
    // Unpaid after its date: broken.
    let later = in_three_days + chrono::Duration::days(1);
    assert_eq!(
        services::promises::for_customer(&db, id, later).unwrap()[0].status,
        PromiseStatus::Broken
    );
    // Paid on time: kept.
    services::payments::receive(
        &mut db,
        &ana(),
        id,
        Money::from_cents(15_000),
        PaymentMethod::Pix,
        today(),
        today(),
    )
    .unwrap();
    assert_eq!(
        services::promises::for_customer(&db, id, later).unwrap()[0].status,
        PromiseStatus::Kept
    );
    let due = services::promises::due_on(&db, in_three_days, today()).unwrap();
    assert_eq!(due[0].customer_name, "Maria Souza");
    assert_eq!(due[0].status, PromiseStatus::Kept);

    // A second promise, made the next day for an earlier date, is listed first.
    let tomorrow = today() + chrono::Duration::days(1);
    let second = services::promises::record(
        &mut db,
        &ana(),
        id,
        tomorrow + chrono::Duration::days(1),
        Money::from_cents(5_000),
        "resto",
        tomorrow,
    )
    .unwrap();
    let listed = services::promises::for_customer(&db, id, tomorrow).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].id, second);
    assert_eq!(listed[0].made_on, tomorrow);
    assert_eq!(listed[0].note, "resto");
    assert_eq!(listed[0].actor, "teste:ana");
    assert_eq!(
        regua::store::audit::recent(db.conn(), 1).unwrap()[0].action,
        "promise.record"
    );
}

#[test]
fn contacts_are_logged_newest_first() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let id = late_customer(&mut db, "Maria Souza", "111.444.777-35", 10);
    services::contacts::record(&mut db, &ana(), id, ContactChannel::Phone, "Não atendeu").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    services::contacts::record(&mut db, &ana(), id, ContactChannel::InPerson, "Veio à loja")
        .unwrap();
    let contacts = services::contacts::for_customer(&db, id).unwrap();
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0].channel, ContactChannel::InPerson);
    assert_eq!(contacts[0].actor, "teste:ana");
    assert!(services::contacts::record(&mut db, &ana(), id, ContactChannel::Sms, "  ").is_err());
    assert!(services::contacts::record(&mut db, &ana(), 999, ContactChannel::Sms, "x").is_err());
}

#[test]
fn the_store_setup_reports_every_field_then_saves() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let bad = StoreInput {
        cnpj: "11.111.111/1111-11".into(),
        state: "ZZ".into(),
        email: "loja@".into(),
        ..Default::default()
    };
    let Err(SetupError::Invalid(errors)) = services::settings::set_up_store(&mut db, &ana(), &bad)
    else {
        panic!("accepted an invalid store")
    };
    assert_eq!(errors.0.len(), 8);
    assert!(
        errors
            .0
            .iter()
            .any(|(f, e)| *f == StoreField::Cnpj && e.to_string().contains("CNPJ inválido"))
    );
    assert!(db.is_empty().unwrap());

    let good = store_input();
    services::settings::set_up_store(&mut db, &ana(), &good).unwrap();
    let settings = services::settings::load(&db).unwrap();
    assert_eq!(settings.store.legal_name, "Móveis Conceição Ltda");
    assert_eq!(settings.charges.fine.value(), 200);

    let mut over = settings.clone();
    over.charges.monthly_interest = BasisPoints(150);
    over.store.trade_name = "Conceição".into();
    drop(db);
    let before = snapshot(&folder.db());
    let mut db = Database::open(&folder.db()).unwrap();
    assert!(matches!(
        services::settings::replace(&mut db, &ana(), &over),
        Err(Error::Policy(_))
    ));
    assert_eq!(services::settings::load(&db).unwrap(), settings);
    drop(db);
    assert_eq!(snapshot(&folder.db()), before);
    let mut db = Database::open(&folder.db()).unwrap();
    let mut lower = settings.clone();
    lower.charges.fine = BasisPoints(100);
    services::settings::replace(&mut db, &ana(), &lower).unwrap();
    assert_eq!(
        services::settings::load(&db).unwrap().charges.fine.value(),
        100
    );
    let audit = &regua::store::audit::recent(db.conn(), 1).unwrap()[0];
    assert_eq!(audit.action, "settings.replace");
    assert!(audit.details.contains("charges.fine"), "{}", audit.details);
    assert!(!audit.details.contains("store."), "{}", audit.details);
}

#[test]
fn every_band_lists_the_customers_that_make_its_total() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    services::demo::create(
        &mut db,
        &ana(),
        &DemoOptions {
            customers: 300,
            seed: 9,
            today: today(),
        },
    )
    .unwrap();
    let detail = services::board::detail(&db, today()).unwrap();
    assert_eq!(detail.board, services::board::board(&db, today()).unwrap());
    for row in &detail.board.rows {
        let listed: Vec<_> = detail.in_slot(row.slot).collect();
        assert_eq!(listed.len() as u64, row.amounts.customers, "{}", row.label);
        assert_eq!(
            listed.iter().map(|c| c.total).sum::<Money>(),
            row.amounts.total,
            "{}",
            row.label
        );
        assert_eq!(
            listed.iter().map(|c| c.installments).sum::<u64>(),
            row.amounts.installments
        );
        assert!(listed.iter().all(|c| !c.name.is_empty()));
    }
    assert!(detail.in_slot(BandSlot::Prescribed).count() > 0);
}

#[test]
fn the_day_end_report_and_its_csv_for_excel() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    // 6 days late today, 5 yesterday: moved from "1–5 dias" to "6–15 dias".
    let maria = late_customer(&mut db, "Maria Souza", "111.444.777-35", 6);
    let jose = late_customer(&mut db, "José Lima", "525.131.277-65", 20);
    services::payments::receive(
        &mut db,
        &ana(),
        jose,
        Money::from_cents(1_000),
        PaymentMethod::Pix,
        today(),
        today(),
    )
    .unwrap();
    services::payments::receive(
        &mut db,
        &Actor::system("teste:bruno"),
        jose,
        Money::from_cents(12_345),
        PaymentMethod::Cash,
        today(),
        today(),
    )
    .unwrap();
    db.conn()
        .execute(
            "INSERT INTO payment_promises (customer_id, made_on, due_on, amount_cents, note, actor, created_at)
             VALUES (?1, '2026-11-20', '2026-11-23', 5000, 'prometeu', 'teste', 'x')",
            [maria],
        )
        .unwrap();

    let report = services::day_end::report(&db, today()).unwrap();
    assert_eq!(report.received.cents(), 1_000 + 12_345);
    assert_eq!(report.payments_by_method.len(), 2);
    let clerks: Vec<&str> = report
        .payments_by_clerk
        .iter()
        .map(|c| c.clerk.as_str())
        .collect();
    assert_eq!(clerks, vec!["teste:ana", "teste:bruno"]);
    assert_eq!(report.worsened.len(), 1);
    assert_eq!(report.worsened[0].customer_id, maria);
    assert_eq!(report.worsened[0].from.as_deref(), Some("1–5 dias"));
    assert_eq!(report.worsened[0].to, "6–15 dias");
    assert_eq!(report.promises_due.len(), 1);
    assert_eq!(report.promises_due[0].note, "prometeu");

    let path = folder.path("fechamento.csv");
    services::day_end::write_csv(&report, &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows[0], vec!["Fechamento do dia", "22/11/2026"]);
    assert!(
        rows.iter()
            .any(|r| r.first().map(String::as_str) == Some("Dinheiro") && r[2] == "123,45")
    );
    assert!(
        rows.iter()
            .any(|r| r.first().map(String::as_str) == Some("Total recebido") && r[2] == "133,45")
    );
    assert!(
        rows.iter()
            .any(|r| r.first().map(String::as_str) == Some("Maria Souza"))
    );
    assert!(text.contains("Total geral"));

    let unwritable = folder.path("não existe/fechamento.csv");
    let error = services::day_end::write_csv(&report, &unwritable).unwrap_err();
    assert!(
        error.to_string().contains("Não foi possível usar"),
        "{error}"
    );
}
