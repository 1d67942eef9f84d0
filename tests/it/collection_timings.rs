//! Release timings of the ruler and the outbox, as the ruler issue's figures ask: run
//! with `cargo test --release --test it -- --ignored collection_timings --nocapture`
//! (50,000 customers; `REGUA_BENCH_CUSTOMERS` for another size).

use std::time::Instant;

use chrono::{NaiveDate, Utc};
use regua::domain::demo::DemoOptions;
use regua::domain::settings::SmtpSecurity;
use regua::services::{self, Actor};
use regua::store::Database;

use crate::smtp_server::{self, SmtpServer};
use crate::support::*;

#[test]
#[ignore = "a benchmark: run in release with --ignored"]
fn collection_timings() {
    let customers = std::env::var("REGUA_BENCH_CUSTOMERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let actor = Actor::system("bench");
    services::demo::create(
        &mut db,
        &actor,
        &DemoOptions {
            customers,
            seed: 1,
            today: today(),
        },
    )
    .unwrap();
    // Monday after the demo's Sunday, inside the window.
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let now = monday.and_hms_opt(10, 0, 0).unwrap();

    let start = Instant::now();
    let dry = services::ruler::run(&mut db, &actor, now, true).unwrap();
    let dry_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    let run = services::ruler::run(&mut db, &actor, now, false).unwrap();
    let run_ms = start.elapsed().as_secs_f64() * 1000.0;
    let differ: Vec<_> = dry
        .planned
        .iter()
        .filter(|contact| !run.planned.contains(contact))
        .take(3)
        .collect();
    assert!(
        differ.is_empty(),
        "the dry run planned {} contacts, the run {} ({} skipped): {differ:?}",
        dry.planned.len(),
        run.planned.len(),
        run.skipped
    );
    let start = Instant::now();
    let again = services::ruler::run(&mut db, &actor, now, false).unwrap();
    let again_ms = start.elapsed().as_secs_f64() * 1000.0;
    assert!(
        again.planned.is_empty(),
        "{} skipped; again: {:?}",
        run.skipped,
        &again.planned[..again.planned.len().min(3)]
    );
    println!(
        "ruler plan a day ({customers} customers, dry run): {dry_ms:.0} ms, {} contacts",
        dry.planned.len()
    );
    println!(
        "ruler run (plan + queue {} e-mails, {} tasks): {run_ms:.0} ms",
        run.queued, run.tasks
    );
    println!("ruler second run (nothing new): {again_ms:.0} ms");

    let start = Instant::now();
    let today_view = services::tasks::today(&db, monday, 7).unwrap();
    println!(
        "Hoje screen's data (first 200 of each list, next 7 days): {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    assert!(today_view.letters.len() <= services::tasks::SHOWN);
    let tuesday = now + chrono::Duration::days(1);
    let start = Instant::now();
    let next = services::ruler::run(&mut db, &actor, tuesday, false).unwrap();
    println!(
        "ruler run the next day: {:.0} ms, {} contacts",
        start.elapsed().as_secs_f64() * 1000.0,
        next.planned.len()
    );

    let server = SmtpServer::start(folder.dir.path());
    let mut settings = services::settings::load(&db).unwrap();
    settings.smtp.host = "localhost".into();
    settings.smtp.port = server.port;
    settings.smtp.security = SmtpSecurity::StartTls;
    settings.smtp.user = smtp_server::USER.into();
    settings.smtp.ca_file = server.ca_file.display().to_string();
    services::settings::replace(&mut db, &actor, &settings).unwrap();
    services::outbox::set_password(&mut db, &actor, smtp_server::PASSWORD).unwrap();
    // Keep the send to a few hundred messages: the figure is a rate.
    db.conn()
        .execute(
            "UPDATE outbox SET status = 'cancelled' WHERE id NOT IN
             (SELECT id FROM outbox ORDER BY id LIMIT 300)",
            [],
        )
        .unwrap();
    let start = Instant::now();
    let report = services::outbox::send_due(&mut db, "bench", Utc::now(), monday).unwrap();
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(server.received().len(), report.sent);
    println!(
        "outbox to a loopback server (STARTTLS, AUTH, PDFs rendered at send time): {} messages in {seconds:.2} s = {:.0} messages/s",
        report.sent,
        report.sent as f64 / seconds
    );
}
