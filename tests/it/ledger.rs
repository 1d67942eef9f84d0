//! Customers, sales and payments through the services, on a real file.

use regua::Error;
use regua::domain::customer::CustomerInput;
use regua::domain::demo::DemoOptions;
use regua::domain::installment::{InstallmentStatus, PaymentMethod};
use regua::domain::money::Money;
use regua::services;
use regua::store::{Database, audit};

use crate::support::*;

fn maria() -> CustomerInput {
    let mut maria = customer_input("Maria da Conceição", "111.444.777-35");
    maria.email = "maria@exemplo.com.br".into();
    maria.address.number = "100".into();
    maria.address.district = "Centro".into();
    maria
}

#[test]
fn a_sale_paid_late_in_part_is_itemized_by_the_one_engine() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let id = services::customers::create(&mut db, &ana(), &maria()).unwrap();
    // Three installments of R$ 300,00 due 10/09, 10/10 and 10/11/2026.
    services::sales::create(
        &mut db,
        &ana(),
        id,
        &sale_terms(date(2026, 9, 10), 90_000, 3),
        PaymentMethod::Cash,
    )
    .unwrap();

    // On 20/10: #1 is 40 days late (fine 6,00 + interest 4,00); #2 10 days (6,00 + 1,00).
    let statement = services::customers::statement(&db, id, date(2026, 10, 20)).unwrap();
    let first = &statement.open_installments[0].charges;
    assert_eq!(
        (
            first.fine.cents(),
            first.interest.cents(),
            first.days_overdue
        ),
        (600, 400, 40)
    );
    let second = &statement.open_installments[1].charges;
    assert_eq!((second.fine.cents(), second.interest.cents()), (600, 100));

    // R$ 320,00 paid on 20/10 settles #1 (310,00) and puts 10,00 on #2's charges.
    let receipt = services::payments::receive(
        &mut db,
        &ana(),
        id,
        Money::from_cents(32_000),
        PaymentMethod::Pix,
        date(2026, 10, 20),
        date(2026, 10, 20),
    )
    .unwrap();
    assert_eq!(receipt.allocations.len(), 2);
    assert_eq!(receipt.allocations[0].status_after, InstallmentStatus::Paid);
    let on_second = receipt.allocations[1];
    assert_eq!(
        (
            on_second.interest.cents(),
            on_second.fine.cents(),
            on_second.principal.cents()
        ),
        (100, 600, 300)
    );

    // Today (22/11): #2 owes 297,00 from 20/10 on, #3 is 12 days late.
    let statement = services::customers::statement(&db, id, today()).unwrap();
    assert_eq!(statement.open_installments.len(), 2);
    let second = &statement.open_installments[0];
    assert_eq!(second.status, InstallmentStatus::PartiallyPaid);
    assert_eq!(second.charges.principal.cents(), 29_700);
    assert_eq!(second.charges.fine.cents(), 0);
    // 29700 × 1 % × 33 / 30 = 326,7 → 327 centavos.
    assert_eq!(second.charges.interest.cents(), 327);
    assert_eq!(statement.payments.len(), 1);
    assert_eq!(statement.band.as_ref().unwrap().0, "31–60 dias");

    // The same figures on the board.
    let board = services::board::board(&db, today()).unwrap();
    assert_eq!(board.totals.total, statement.totals.total);
    assert_eq!(board.totals.customers, 1);

    let trail = audit::recent(db.conn(), 10).unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec!["payment.receive", "sale.create", "customer.create"]
    );
    assert!(trail.iter().all(|e| e.actor == "teste:ana"));
}

#[test]
fn a_saturday_due_date_is_free_on_monday_through_the_service() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let id = services::customers::create(&mut db, &ana(), &maria()).unwrap();
    // 7 Nov 2026 is a Saturday.
    services::sales::create(
        &mut db,
        &ana(),
        id,
        &sale_terms(date(2026, 11, 7), 30_000, 1),
        PaymentMethod::Cash,
    )
    .unwrap();
    let monday = services::payments::preview(
        &db,
        id,
        Money::from_cents(30_000),
        date(2026, 11, 9),
        today(),
    )
    .unwrap();
    assert_eq!(monday.allocations[0].charges_before.total.cents(), 30_000);
    assert_eq!(
        (monday.owed_before.cents(), monday.balance_after.cents()),
        (30_000, 0)
    );
    let tuesday = services::payments::preview(
        &db,
        id,
        Money::from_cents(30_000),
        date(2026, 11, 10),
        today(),
    );
    // On Tuesday the charges count from Saturday: 300,00 no longer settles it.
    let tuesday = tuesday.unwrap();
    assert_eq!(
        tuesday.allocations[0].charges_before.total.cents(),
        30_000 + 600 + 30
    );
    assert_eq!(
        tuesday.allocations[0].status_after,
        InstallmentStatus::PartiallyPaid
    );
}

#[test]
fn refused_actions_change_nothing() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let id = services::customers::create(&mut db, &ana(), &maria()).unwrap();
    services::sales::create(
        &mut db,
        &ana(),
        id,
        &sale_terms(date(2026, 10, 10), 50_000, 2),
        PaymentMethod::Cash,
    )
    .unwrap();
    drop(db);
    let before = snapshot(&folder.db());
    let mut db = Database::open(&folder.db()).unwrap();

    let too_much = services::payments::receive(
        &mut db,
        &ana(),
        id,
        Money::from_cents(1_000_000),
        PaymentMethod::Cash,
        today(),
        today(),
    );
    assert!(matches!(too_much, Err(Error::Payment(_))));
    assert!(
        too_much
            .unwrap_err()
            .to_string()
            .contains("maior que o total devido")
    );

    let future = services::payments::receive(
        &mut db,
        &ana(),
        id,
        Money::from_cents(100),
        PaymentMethod::Cash,
        date(2026, 12, 1),
        today(),
    );
    assert!(matches!(future, Err(Error::PaymentInFuture(_))));

    let negative = services::payments::receive(
        &mut db,
        &ana(),
        id,
        Money::from_cents(-100),
        PaymentMethod::Cash,
        today(),
        today(),
    );
    assert!(matches!(negative, Err(Error::Payment(_))));

    let duplicate = services::customers::create(&mut db, &ana(), &maria());
    assert!(matches!(duplicate, Err(Error::DuplicateTaxId(_))));
    assert!(
        duplicate
            .unwrap_err()
            .to_string()
            .contains("111.444.777-35")
    );

    let mut bad = maria();
    bad.tax_id = "111.444.777-36".into();
    bad.address.state = "ZZ".into();
    let invalid = services::customers::create(&mut db, &ana(), &bad).unwrap_err();
    let message = invalid.to_string();
    assert!(message.contains("dígitos verificadores"), "{message}");
    assert!(message.contains("UF “ZZ” inexistente"), "{message}");

    let mut bad_sale = sale_terms(date(2026, 12, 10), 10_000, 3);
    bad_sale.down_payment = Money::from_cents(10_000);
    assert!(matches!(
        services::sales::create(&mut db, &ana(), id, &bad_sale, PaymentMethod::Cash),
        Err(Error::Sale(_))
    ));
    assert!(matches!(
        services::settings::set(&mut db, &ana(), "charges.fine", "2,5"),
        Err(Error::Config(_))
    ));
    drop(db);
    assert_eq!(snapshot(&folder.db()), before);
}

#[test]
fn the_board_agrees_with_every_customer_statement() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let summary = services::demo::create(
        &mut db,
        &ana(),
        &DemoOptions {
            customers: 150,
            seed: 42,
            today: today(),
        },
    )
    .unwrap();
    assert_eq!(summary.customers, 150);
    let board = services::board::board(&db, today()).unwrap();
    for row in &board.rows {
        assert!(row.amounts.customers > 0, "band {} is empty", row.label);
    }
    let mut total = Money::ZERO;
    let mut customers = 0;
    for id in 1..=150 {
        let statement = services::customers::statement(&db, id, today()).unwrap();
        let on_board: Money = statement
            .open_installments
            .iter()
            .filter(|line| line.band.is_some())
            .map(|line| line.charges.total)
            .sum();
        if statement
            .open_installments
            .iter()
            .any(|line| line.band.is_some())
        {
            customers += 1;
        }
        total += on_board;
    }
    assert_eq!(total, board.totals.total);
    assert_eq!(customers, board.totals.customers);
}

#[test]
fn finds_customers_as_a_clerk_types() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let id = services::customers::create(&mut db, &ana(), &maria()).unwrap();
    let found = |q: &str| -> Vec<i64> {
        services::customers::search(&db, q, 10)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(found("conceicao"), vec![id]);
    assert_eq!(found("MARIA DA CONCEIÇÃO"), vec![id]);
    assert_eq!(found("111.444"), vec![id]);
    assert_eq!(found("11144477735"), vec![id]);
    assert_eq!(found("98765-4321"), vec![id]);
    assert_eq!(found("José"), Vec::<i64>::new());
    assert_eq!(found("%"), Vec::<i64>::new());
    assert_eq!(
        services::customers::resolve(&db, "111.444.777-35").unwrap(),
        id
    );
    assert_eq!(
        services::customers::resolve(&db, &id.to_string()).unwrap(),
        id
    );
    assert!(matches!(
        services::customers::resolve(&db, "Joaquim"),
        Err(Error::CustomerNotFound(_))
    ));
}
