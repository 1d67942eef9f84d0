//! Release timings of the documents, as issue figures ask: run with
//! `cargo test --release --test it -- --ignored document_timings --nocapture`.

use std::time::Instant;

use regua::domain::demo::DemoOptions;
use regua::services::{self, Actor};
use regua::store::Database;

use crate::support::*;

#[test]
#[ignore = "a benchmark: run in release with --ignored"]
fn document_timings() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let actor = Actor::system("bench");
    services::demo::create(
        &mut db,
        &actor,
        &DemoOptions {
            customers: 900,
            seed: 3,
            today: today(),
        },
    )
    .unwrap();
    let open: Vec<(i64, i64)> = db
        .conn()
        .prepare(
            "SELECT b.installment_id, i.sale_id FROM boletos b
             JOIN installments i ON i.id = b.installment_id
             WHERE b.status IN ('to_register', 'registered') ORDER BY b.id",
        )
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();

    // One second copy: from the database to the PDF's bytes.
    let mut times = Vec::new();
    let mut size = 0;
    for (installment, _) in open.iter().take(50) {
        let start = Instant::now();
        let bytes = services::documents::second_copy(&db, *installment, today()).unwrap();
        times.push(start.elapsed());
        size = size.max(bytes.len());
    }
    times.sort();
    println!(
        "second copy: median {:.1} ms, worst {:.1} ms, largest file {} KB",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0,
        size / 1024
    );
    assert!(
        size < 100 * 1024,
        "a single boleto PDF must stay under 100 KB"
    );

    // 1,000 carnê slips in one PDF, sales taken until they add up to a thousand.
    let mut sales: Vec<i64> = Vec::new();
    for (_, sale) in &open {
        if !sales.contains(sale) {
            sales.push(*sale);
        }
    }
    let start = Instant::now();
    let mut carnes = Vec::new();
    let mut slips = 0;
    for sale in &sales {
        let carne = services::documents::carne_of(&mut db, &actor, *sale, today())
            .unwrap()
            .0;
        slips += carne.slips.len();
        carnes.push(carne);
        if slips >= 1000 {
            break;
        }
    }
    let gathered = start.elapsed();
    let sales = &sales[..carnes.len()];
    let bytes = regua::docs::carne::render(&carnes).unwrap();
    let elapsed = start.elapsed();
    println!(
        "carnê: {slips} slips of {} sales in {:.2} s (figures {:.2} s, drawing {:.2} s), {} KB",
        sales.len(),
        elapsed.as_secs_f64(),
        gathered.as_secs_f64(),
        (elapsed - gathered).as_secs_f64(),
        bytes.len() / 1024
    );
    assert!(slips >= 1000);
    let payloads: Vec<String> = carnes
        .iter()
        .flat_map(|c| {
            c.slips
                .iter()
                .filter_map(|s| s.pix.as_ref().map(|p| p.payload.clone()))
        })
        .collect();
    let start = Instant::now();
    for payload in &payloads {
        let _ = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M).unwrap();
    }
    println!(
        "  encoding the {} QR codes alone {:.2} s",
        payloads.len(),
        start.elapsed().as_secs_f64()
    );
    let mut plain = carnes;
    for carne in &mut plain {
        for slip in &mut carne.slips {
            slip.pix = None;
        }
    }
    let start = Instant::now();
    let _ = regua::docs::carne::render(&plain).unwrap();
    println!(
        "  drawing without the QR codes {:.2} s",
        start.elapsed().as_secs_f64()
    );
}
