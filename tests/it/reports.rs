//! The board's customers and the day-end report on real files: what `counter.rs`
//! does not already cover.

use chrono::Duration;
use regua::domain::band::BandSlot;
use regua::domain::demo::DemoOptions;
use regua::domain::installment::PaymentMethod;
use regua::domain::money::Money;
use regua::services::board::{BandSort, band_list};
use regua::services::{self, Actor};
use regua::store::Database;

use crate::support::*;

fn bruno() -> Actor {
    Actor::system("teste:bruno")
}

fn customer(db: &mut Database, name: &str, tax_id: &str) -> i64 {
    services::customers::create(db, &ana(), &customer_input(name, tax_id)).unwrap()
}

/// One sale of `cents` in one installment due on `due`, with `down` paid in cash.
fn sale(db: &mut Database, actor: &Actor, id: i64, due: chrono::NaiveDate, cents: i64, down: i64) {
    let mut terms = sale_terms(due, cents, 1);
    terms.sale_date = terms.sale_date.min(today());
    terms.down_payment = Money::from_cents(down);
    services::sales::create(db, actor, id, &terms, PaymentMethod::Cash).unwrap();
}

fn demo(customers: u32) -> (Folder, Database) {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    services::demo::create(
        &mut db,
        &ana(),
        &DemoOptions {
            customers,
            seed: 7,
            today: today(),
        },
    )
    .unwrap();
    (folder, db)
}

#[test]
fn a_customer_in_a_band_and_prescribed_is_named_in_both_rows() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let maria = customer(&mut db, "Maria Souza", "111.444.777-35");
    sale(&mut db, &ana(), maria, date(2020, 11, 1), 50_000, 0); // prescribed in 2025
    sale(
        &mut db,
        &ana(),
        maria,
        today() - Duration::days(20),
        30_000,
        0,
    );

    let detail = services::board::detail(&db, today()).unwrap();
    assert_eq!(detail.board, services::board::board(&db, today()).unwrap());
    let rows: Vec<_> = detail
        .customers
        .iter()
        .map(|c| (c.slot, c.name.as_str(), c.tax_id.as_str(), c.total))
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    let prescribed = detail.in_slot(BandSlot::Prescribed).next().unwrap();
    assert_eq!(prescribed.principal.cents(), 50_000);
    let late = detail.in_slot(BandSlot::Band(4)).next().unwrap(); // 16–30 dias
    assert_eq!(late.days_overdue, 20);
    for listed in [prescribed, late] {
        assert_eq!(
            (listed.name.as_str(), listed.tax_id.as_str()),
            ("Maria Souza", "111.444.777-35")
        );
    }
}

#[test]
fn a_real_band_sorts_by_amount_or_days_and_filters() {
    let (_folder, db) = demo(300);
    let detail = services::board::detail(&db, today()).unwrap();
    let row = detail
        .board
        .rows
        .iter()
        .max_by_key(|row| row.amounts.customers)
        .unwrap();
    let by_amount = band_list(&detail.customers, row.slot, BandSort::Amount, "");
    assert_eq!(by_amount.len() as u64, row.amounts.customers);
    assert!(by_amount.windows(2).all(|w| w[0].total >= w[1].total));
    let by_days = band_list(&detail.customers, row.slot, BandSort::DaysLate, "");
    assert_eq!(by_days.len(), by_amount.len());
    assert!(
        by_days
            .windows(2)
            .all(|w| w[0].days_overdue >= w[1].days_overdue)
    );

    let someone = by_amount[by_amount.len() / 2];
    let shouted = regua::domain::text::fold(&someone.name).to_uppercase();
    let found = band_list(&detail.customers, row.slot, BandSort::Amount, &shouted);
    assert!(found.iter().any(|c| c.customer_id == someone.customer_id));
    let digits: String = someone
        .tax_id
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let found = band_list(&detail.customers, row.slot, BandSort::DaysLate, &digits);
    assert_eq!(
        found.iter().map(|c| c.customer_id).collect::<Vec<_>>(),
        vec![someone.customer_id]
    );
}

#[test]
fn customer_bands_agree_with_the_board_on_two_dates() {
    let (_folder, db) = demo(300);
    for day in [today() - Duration::days(1), today()] {
        let bands = services::board::customer_bands(&db, day).unwrap();
        let board = services::board::board(&db, day).unwrap();
        for row in &board.rows {
            if let BandSlot::Band(index) = row.slot {
                let count = bands.values().filter(|band| **band == index).count();
                assert_eq!(
                    count as u64, row.amounts.customers,
                    "{} on {day}",
                    row.label
                );
            }
        }
    }
}

#[test]
fn the_day_end_counts_down_payments_and_only_open_promises_for_tomorrow() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let maria = customer(&mut db, "Maria Souza", "111.444.777-35");
    let jose = customer(&mut db, "José Lima", "525.131.277-65");
    let rita = customer(&mut db, "Rita Alves", "390.533.447-05");
    sale(
        &mut db,
        &ana(),
        maria,
        today() - Duration::days(3),
        30_000,
        0,
    );
    sale(
        &mut db,
        &ana(),
        jose,
        today() - Duration::days(40),
        30_000,
        0,
    );
    // Today: a down payment of R$ 1.234,56 in cash by Ana, R$ 100,00 by Pix by Bruno.
    sale(
        &mut db,
        &ana(),
        rita,
        today() + Duration::days(30),
        500_000,
        123_456,
    );
    services::payments::receive(
        &mut db,
        &bruno(),
        jose,
        Money::from_cents(10_000),
        PaymentMethod::Pix,
        today(),
        today(),
    )
    .unwrap();
    let tomorrow = today() + Duration::days(1);
    let promise = |customer: i64, due: chrono::NaiveDate, cents: i64, note: &str| {
        db.conn()
            .execute(
                "INSERT INTO payment_promises
                   (customer_id, made_on, due_on, amount_cents, note, actor, created_at)
                 VALUES (?1, '2026-11-20', ?2, ?3, ?4, 'teste', 'x')",
                rusqlite::params![customer, due.format("%Y-%m-%d").to_string(), cents, note],
            )
            .unwrap();
    };
    promise(maria, tomorrow, 5_000, "vem sábado");
    promise(maria, tomorrow + Duration::days(1), 5_000, "depois");
    promise(jose, tomorrow, 10_000, "já pagou"); // kept by today's Pix

    let report = services::day_end::report(&db, today()).unwrap();
    let methods: Vec<_> = report
        .payments_by_method
        .iter()
        .map(|m| (m.method, m.count, m.amount.cents()))
        .collect();
    assert_eq!(
        methods,
        vec![
            (PaymentMethod::Cash, 1, 123_456),
            (PaymentMethod::Pix, 1, 10_000)
        ]
    );
    let clerks: Vec<_> = report
        .payments_by_clerk
        .iter()
        .map(|c| (c.clerk.as_str(), c.count, c.amount.cents()))
        .collect();
    assert_eq!(
        clerks,
        vec![("teste:ana", 1, 123_456), ("teste:bruno", 1, 10_000)]
    );
    assert_eq!(report.received.cents(), 133_456);
    let promised: Vec<_> = report
        .promises_due
        .iter()
        .map(|p| {
            (
                p.customer_id,
                p.name.as_str(),
                p.amount.cents(),
                p.note.as_str(),
            )
        })
        .collect();
    assert_eq!(promised, vec![(maria, "Maria Souza", 5_000, "vem sábado")]);
    assert_eq!(report.board, services::board::board(&db, today()).unwrap());

    let bytes = services::day_end::to_csv(&report);
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let row = |first: &str| {
        rows.iter()
            .find(|r| r.first().map(String::as_str) == Some(first))
            .unwrap_or_else(|| panic!("no row {first}: {rows:?}"))
    };
    assert_eq!(row("Dinheiro"), &vec!["Dinheiro", "1", "1.234,56"]);
    assert_eq!(row("teste:ana")[2], "1.234,56");
    assert_eq!(row("Total recebido")[2], "1.334,56");
    assert_eq!(
        row("Maria Souza"),
        &vec!["Maria Souza", "50,00", "vem sábado"]
    );
    assert!(!text.contains("já pagou"));
    let total = row("Total geral");
    assert_eq!(total.len(), 7);
    assert_eq!(total[6], report.board.totals.total.format_plain());
}
