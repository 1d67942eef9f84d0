//! Printed documents and boleto/Pix codes, end to end: the demo store (or a store set up
//! through the services) in a real SQLite file, PDFs written by the real binary and read
//! back as a bank or a Pix app would (`pdftoppm` + `zbarimg`, `pdftotext`, `pdffonts`,
//! `pdfinfo`), and the database checked after each step.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regua::boleto::account::{AccountInput, Bank};
use regua::boleto::barcode::Barcode;
use regua::boleto::pix;
use regua::domain::installment::PaymentMethod;
use regua::domain::settings::StoreInput;
use regua::services;
use regua::store::Database;

use crate::pdf::*;
use crate::support::*;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn assert_contains(text: &str, expected: &str) {
    assert!(text.contains(expected), "no “{expected}” in:\n{text}");
}

fn pdf_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The Banco do Brasil account of the brief: convênio of 7 digits, carteira 17.
fn bb_account() -> AccountInput {
    AccountInput {
        bank: Some(Bank::BancoDoBrasil),
        agency: "1607-1".into(),
        account: "30120-4".into(),
        beneficiary_code: "3128557".into(),
        wallet: "17".into(),
    }
}

fn set_up_store(db: &mut Database) {
    let store = StoreInput {
        legal_name: "Magazine São João Ltda".into(),
        cnpj: "34.665.388/0001-61".into(),
        street: "Rua dos Tupis".into(),
        city: "Belo Horizonte".into(),
        state: "MG".into(),
        postal_code: "30190-060".into(),
        phone: "(31) 3333-4444".into(),
        email: "contato@magazinesaojoao.com.br".into(),
        pix_key: "34.665.388/0001-61".into(),
        ..Default::default()
    };
    services::settings::set_up_store(db, &ana(), &store).unwrap();
}

/// (sequence, our_number, status) of every boleto, in the order issued.
fn boletos(db: &Database) -> Vec<(i64, String, String)> {
    db.conn()
        .prepare("SELECT sequence, our_number, status FROM boletos ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// `code` with the digit at `position` changed to the first other digit the check digits
/// catch.
fn one_digit_changed(code: &str, position: usize) -> String {
    (b'0'..=b'9')
        .filter(|digit| *digit != code.as_bytes()[position])
        .map(|digit| {
            let mut bytes = code.as_bytes().to_vec();
            bytes[position] = digit;
            String::from_utf8(bytes).unwrap()
        })
        .find(|changed| Barcode::parse(changed).is_err())
        .expect("some change is caught")
}

fn boleto_make_args<'a>(convenio: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--today",
        TODAY,
        "boleto",
        "make",
        "--bank",
        "001",
        "--agency",
        "1607-1",
        "--account",
        "30120-4",
        "--convenio",
        convenio,
        "--wallet",
        "17",
        "--our-number",
        "1",
        "--due",
        "2026-12-10",
        "--amount",
        "150,00",
    ];
    args.extend_from_slice(extra);
    args
}

// ---------------------------------------------------------------------------------------
// 1. Second copy
// ---------------------------------------------------------------------------------------

#[test]
fn second_copy_of_a_late_installment_reads_back_barcode_pix_and_text() {
    let folder = Folder::new();
    demo(&folder, "40");
    let db = folder.db();
    // A late installment with a registered boleto (well past its due date: 22/11/2026 is
    // a Sunday, so Saturday's is not late yet), of a customer whose name has accents
    // (more bytes than characters).
    let installment: i64 = value(
        &db,
        "SELECT b.installment_id FROM boletos b
           JOIN installments i ON i.id = b.installment_id
           JOIN customers c ON c.id = i.customer_id
         WHERE b.status = 'registered' AND i.closed_on IS NULL
           AND b.due_date < '2026-11-10'
           AND length(c.name) < length(CAST(c.name AS BLOB))
         ORDER BY b.due_date DESC, b.id LIMIT 1",
        [],
    );
    let (barcode, boleto_cents): (String, i64) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT barcode, amount_cents FROM boletos
             WHERE installment_id = ?1 AND status IN ('to_register', 'sent', 'registered')",
            [installment],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let name: String = value(
        &db,
        "SELECT c.name FROM customers c JOIN installments i ON i.customer_id = c.id
         WHERE i.id = ?1",
        [installment],
    );
    let cnpj = ok(&db, &["config", "get", "store.cnpj"]);
    let cnpj = cnpj
        .trim()
        .strip_prefix("store.cnpj = ")
        .unwrap()
        .to_string();
    assert_eq!(
        cnpj, "12.345.678/0001-95",
        "the demo store's CNPJ, formatted"
    );

    let figures = {
        let handle = Database::open(&db).unwrap();
        services::documents::second_copy_of(&handle, installment, today()).unwrap()
    };
    let total = figures.updated.total;
    assert!(figures.updated.days_overdue > 0);
    assert!(
        total.cents() > boleto_cents,
        "late: fine and interest on top"
    );

    let pdf = folder.path("segunda via.pdf");
    let said = ok(
        &db,
        &[
            "--today",
            TODAY,
            "second-copy",
            &installment.to_string(),
            "--out",
            pdf_arg(&pdf),
        ],
    );
    assert_contains(&said, "PDF gravado");
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 100 * 1024, "{size} bytes");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    for dpi in [300, 150] {
        let (itf, qr) = decode(&pdf, dpi, 1);
        assert_eq!(itf, std::slice::from_ref(&barcode), "ITF at {dpi} dpi");
        assert_eq!(qr.len(), 1, "one QR at {dpi} dpi");
        let code = pix::parse(&qr[0]).unwrap();
        // The barcode keeps the registered value; the Pix charges today's total.
        assert_eq!(code.amount, Some(total), "Pix amount at {dpi} dpi");
        assert_eq!(code.txid, format!("REGUAP{installment}"));
        assert_eq!(code.key.as_deref(), Some("12345678000195"));
    }
    assert_eq!(
        Barcode::parse(&barcode).unwrap().value().cents(),
        boleto_cents
    );

    let text = pdf_text(&pdf);
    let cnpj_line = format!("CNPJ {cnpj}");
    let amount = total.format_brl();
    let line = Barcode::parse(&barcode)
        .unwrap()
        .digitable_line()
        .formatted();
    let expected: [&str; 7] = [
        "Segunda via",
        "Valor atualizado até 22/11/2026",
        &cnpj_line,
        "Conceição Móveis e Eletro Ltda",
        &name,
        &amount,
        &line,
    ];
    for expected in expected {
        assert_contains(&text, expected);
    }
    assert_fonts_embedded_and_subset(&pdf);
}

#[test]
fn second_copy_of_a_future_installment_keeps_its_boleto_and_value() {
    let folder = Folder::new();
    demo(&folder, "40");
    let db = folder.db();
    let (installment, barcode, cents): (i64, String, i64) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT installment_id, barcode, amount_cents FROM boletos
             WHERE status = 'to_register' AND due_date > '2026-11-22'
             ORDER BY due_date, id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let pdf = folder.path("futura.pdf");
    ok(
        &db,
        &[
            "--today",
            TODAY,
            "second-copy",
            &installment.to_string(),
            "--out",
            pdf_arg(&pdf),
        ],
    );
    let (itf, qr) = decode(&pdf, 150, 1);
    assert_eq!(itf, [barcode]);
    // Not yet due: the Pix asks exactly what the boleto asks.
    assert_eq!(pix::parse(&qr[0]).unwrap().amount.unwrap().cents(), cents);
    let text = pdf_text(&pdf);
    assert_contains(&text, "Valor atualizado até 22/11/2026");
    assert!(!text.contains("dias de atraso"), "{text}");
}

// ---------------------------------------------------------------------------------------
// 2. Carnê
// ---------------------------------------------------------------------------------------

#[test]
fn carne_prints_three_slips_a_page_with_the_stored_boletos() {
    let folder = Folder::new();
    demo(&folder, "60");
    let db = folder.db();
    // The sale with the most open installments (at least 4, so at least two pages).
    let sale: i64 = value(
        &db,
        "SELECT sale_id FROM installments WHERE closed_on IS NULL
         GROUP BY sale_id HAVING count(*) >= 4
         ORDER BY count(*) DESC, sale_id LIMIT 1",
        [],
    );
    let expected: BTreeMap<i64, (String, i64)> = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut statement = conn
            .prepare(
                "SELECT b.installment_id, b.barcode, b.amount_cents
                 FROM boletos b JOIN installments i ON i.id = b.installment_id
                 WHERE i.sale_id = ?1 AND i.closed_on IS NULL
                   AND b.status IN ('to_register', 'sent', 'registered')",
            )
            .unwrap();
        statement
            .query_map([sale], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let open: i64 = value(
        &db,
        "SELECT count(*) FROM installments WHERE sale_id = ?1 AND closed_on IS NULL",
        [sale],
    );
    assert_eq!(
        expected.len() as i64,
        open,
        "every open installment has one"
    );
    let boletos_before: i64 = value(&db, "SELECT count(*) FROM boletos", []);

    let pdf = folder.path("carnê.pdf");
    let said = json(
        &db,
        &[
            "--today",
            TODAY,
            "carne",
            &sale.to_string(),
            "--out",
            pdf_arg(&pdf),
        ],
    );
    assert_eq!(said["boletos_issued"], 0, "the demo's boletos are reused");
    assert_eq!(said["bytes"], std::fs::metadata(&pdf).unwrap().len());
    assert_eq!(
        value::<i64>(&db, "SELECT count(*) FROM boletos", []),
        boletos_before
    );

    let pages = expected.len().div_ceil(3);
    assert_eq!(pdf_pages(&pdf), pages);
    let mut found_itf = Vec::new();
    let mut found_qr = BTreeMap::new();
    for page in 1..=pages {
        let (itf, qr) = decode(&pdf, 150, page as u32);
        let slips = (expected.len() - (page - 1) * 3).min(3);
        assert_eq!(itf.len(), slips, "ITFs on page {page}");
        assert_eq!(qr.len(), slips, "QRs on page {page}");
        found_itf.extend(itf);
        for payload in qr {
            let code = pix::parse(&payload).unwrap();
            let installment: i64 = code.txid.strip_prefix("REGUAP").unwrap().parse().unwrap();
            found_qr.insert(installment, code.amount.expect("amount present").cents());
        }
    }
    found_itf.sort();
    let mut stored: Vec<String> = expected.values().map(|(b, _)| b.clone()).collect();
    stored.sort();
    assert_eq!(found_itf, stored);
    // One QR per installment, each for its boleto's value.
    let amounts: BTreeMap<i64, i64> = expected.iter().map(|(id, (_, c))| (*id, *c)).collect();
    assert_eq!(found_qr, amounts);
    let text = pdf_text(&pdf);
    assert_contains(&text, "Canhoto");
    assert_fonts_embedded_and_subset(&pdf);
}

// ---------------------------------------------------------------------------------------
// 3. Receipt
// ---------------------------------------------------------------------------------------

#[test]
fn receipt_of_a_demo_payment_itemizes_it() {
    let folder = Folder::new();
    demo(&folder, "40");
    let db = folder.db();
    // The payment that settled the most installments.
    let payment: i64 = value(
        &db,
        "SELECT payment_id FROM payment_allocations
         GROUP BY payment_id ORDER BY count(*) DESC, payment_id LIMIT 1",
        [],
    );
    let allocations: i64 = value(
        &db,
        "SELECT count(*) FROM payment_allocations WHERE payment_id = ?1",
        [payment],
    );
    let (cents, name): (i64, String) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT p.amount_cents, c.name FROM payments p
             JOIN customers c ON c.id = p.customer_id WHERE p.id = ?1",
            [payment],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let figures = {
        let handle = Database::open(&db).unwrap();
        services::documents::receipt_of(&handle, payment).unwrap()
    };
    assert_eq!(figures.amount.cents(), cents);
    assert_eq!(
        figures.lines.len() as i64,
        allocations,
        "a line per allocation"
    );

    let pdf = folder.path("recibo.pdf");
    ok(
        &db,
        &["receipt", &payment.to_string(), "--out", pdf_arg(&pdf)],
    );
    let text = pdf_text(&pdf);
    for expected in [
        format!("Recibo nº {payment}"),
        figures.amount.format_brl(),
        "Saldo em aberto".to_string(),
        figures.remaining.format_brl(),
        name,
        "CNPJ 12.345.678/0001-95".to_string(),
    ] {
        assert_contains(&text, &expected);
    }
    assert_fonts_embedded_and_subset(&pdf);
}

// ---------------------------------------------------------------------------------------
// 4. Day-end
// ---------------------------------------------------------------------------------------

#[test]
fn day_end_pdf_of_a_day_with_payments() {
    let folder = Folder::new();
    demo(&folder, "40");
    let path = folder.db();
    let day: String = value(
        &path,
        "SELECT paid_on FROM payments GROUP BY paid_on ORDER BY count(*) DESC, paid_on DESC
         LIMIT 1",
        [],
    );
    let (count, cents): (i64, i64) = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*), sum(amount_cents) FROM payments WHERE paid_on = ?1",
            [&day],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let date = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap();
    let db = Database::open(&path).unwrap();
    let report = services::day_end::report(&db, date).unwrap();
    assert_eq!(report.received.cents(), cents);
    assert_eq!(
        report
            .payments_by_method
            .iter()
            .map(|m| m.count as i64)
            .sum::<i64>(),
        count
    );
    let bytes = services::documents::day_end(&db, date).unwrap();
    let pdf = folder.path("fechamento.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let text = pdf_text(&pdf);
    assert_contains(&text, "Fechamento do dia");
    assert_contains(&text, &date.format("%d/%m/%Y").to_string());
    assert_contains(&text, &report.received.format_plain());
    for clerk in &report.payments_by_clerk {
        assert_contains(&text, &clerk.clerk);
    }
    assert_fonts_embedded_and_subset(&pdf);
}

// ---------------------------------------------------------------------------------------
// 5. Nosso número
// ---------------------------------------------------------------------------------------

#[test]
fn nosso_numero_is_taken_once_and_never_reused() {
    let folder = Folder::new();
    let (mut db, installments) = store_with_a_sale(&folder);
    assert_eq!(installments.len(), 4);
    let sale_id: i64 = db
        .conn()
        .query_row(
            "SELECT sale_id FROM installments WHERE id = ?1",
            [installments[0]],
            |r| r.get(0),
        )
        .unwrap();
    // Without a bank account nothing is issued.
    assert_eq!(
        services::boletos::issue_for_sale(&mut db, &ana(), sale_id, today()).unwrap(),
        0
    );

    let account = services::boletos::set_account(&mut db, &ana(), &bb_account()).unwrap();
    assert_eq!(account.beneficiary_code, "3128557");
    assert_eq!(
        services::boletos::issue_for_sale(&mut db, &ana(), sale_id, today()).unwrap(),
        4
    );
    // Issuing again, for the sale or one installment, gives the same boletos.
    assert_eq!(
        services::boletos::issue_for_sale(&mut db, &ana(), sale_id, today()).unwrap(),
        0
    );
    let first = services::boletos::current(&db, installments[0])
        .unwrap()
        .unwrap();
    let again = services::boletos::issue(&mut db, &ana(), installments[0], today()).unwrap();
    assert_eq!(again, first);
    assert_eq!(boletos(&db).len(), 4);
    // Convênio of 7 digits: the nosso número is the convênio and 10 digits of sequence.
    assert_eq!(first.our_number, "31285570000000001");
    assert_eq!(first.our_number_printed, first.our_number);
    let barcode = Barcode::parse(&first.barcode).unwrap();
    assert_eq!(barcode.bank(), "001");
    assert_eq!(barcode.value().cents(), 30_000);
    assert_eq!(barcode.due_date(today()), Some(first.due_date));

    // A new due date in the past is refused and changes nothing.
    let before = boletos(&db);
    assert!(
        services::boletos::new_due_date(
            &mut db,
            &ana(),
            installments[0],
            today() - chrono::Duration::days(1),
            today(),
        )
        .is_err()
    );
    assert_eq!(boletos(&db), before);

    let new_due = first.due_date + chrono::Duration::days(10);
    let moved = services::boletos::new_due_date(&mut db, &ana(), installments[0], new_due, today())
        .unwrap();
    assert_ne!(moved.our_number, first.our_number);
    assert_ne!(moved.barcode, first.barcode);
    assert_eq!(moved.due_date, new_due);
    assert_eq!(moved.our_number, "31285570000000005");
    assert_eq!(
        services::boletos::current(&db, installments[0])
            .unwrap()
            .unwrap(),
        moved
    );
    let all = boletos(&db);
    // Never sent to the bank: simply written off.
    assert_eq!(all[0].2, "written_off");
    assert!(
        all[1..]
            .iter()
            .all(|(_, _, status)| status == "to_register")
    );
    let sequences: Vec<i64> = all.iter().map(|(s, _, _)| *s).collect();
    assert_eq!(sequences, [1, 2, 3, 4, 5], "unique and consecutive");
    let numbers: BTreeSet<&String> = all.iter().map(|(_, n, _)| n).collect();
    assert_eq!(numbers.len(), all.len(), "no nosso número twice");
    let replaced_by: Option<i64> = db
        .conn()
        .query_row(
            "SELECT replaced_by FROM boletos WHERE our_number = ?1",
            [&first.our_number],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(replaced_by, Some(moved.id));

    // The same account saved again keeps its sequence.
    services::boletos::set_account(&mut db, &ana(), &bb_account()).unwrap();
    let next = services::boletos::new_due_date(
        &mut db,
        &ana(),
        installments[1],
        new_due + chrono::Duration::days(30),
        today(),
    )
    .unwrap();
    assert_eq!(next.our_number, "31285570000000006");

    // The second copy prints the current boleto, not the written-off one.
    drop(db);
    let pdf = folder.path("segunda via.pdf");
    ok(
        &folder.db(),
        &[
            "--today",
            TODAY,
            "second-copy",
            &installments[0].to_string(),
            "--out",
            pdf_arg(&pdf),
        ],
    );
    let (itf, _) = decode(&pdf, 150, 1);
    assert_eq!(itf, [moved.barcode]);
}

#[test]
fn a_registered_boleto_moved_to_a_new_date_waits_for_a_write_off() {
    let folder = Folder::new();
    demo(&folder, "40");
    let path = folder.db();
    let (installment, old_id, old_cents): (i64, i64, i64) = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT b.installment_id, b.id, b.amount_cents FROM boletos b
               JOIN installments i ON i.id = b.installment_id
             WHERE b.status = 'registered' AND i.status = 'open'
             ORDER BY b.due_date DESC, b.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let max_sequence: i64 = value(&path, "SELECT max(sequence) FROM boletos", []);
    let mut db = Database::open(&path).unwrap();
    let due = today() + chrono::Duration::days(5);
    let moved =
        services::boletos::new_due_date(&mut db, &ana(), installment, due, today()).unwrap();
    drop(db);
    let status: String = value(&path, "SELECT status FROM boletos WHERE id = ?1", [old_id]);
    assert_eq!(
        status, "to_write_off",
        "the bank has it: tell it to write off"
    );
    let sequence: i64 = value(
        &path,
        "SELECT sequence FROM boletos WHERE id = ?1",
        [moved.id],
    );
    assert_eq!(sequence, max_sequence + 1);
    // Late: the new boleto collects fine and interest up to its new date.
    assert!(moved.amount.cents() > old_cents);
    assert_eq!(
        Barcode::parse(&moved.barcode).unwrap().value(),
        moved.amount
    );
    let duplicates: i64 = value(
        &path,
        "SELECT count(*) FROM (SELECT our_number FROM boletos
                               GROUP BY bank_account_id, our_number HAVING count(*) > 1)",
        [],
    );
    assert_eq!(duplicates, 0);
}

/// A store set up with a customer and a sale of four installments, the first due in 18
/// days; returns the database and the installments' ids.
fn store_with_a_sale(folder: &Folder) -> (Database, Vec<i64>) {
    let mut db = Database::open(&folder.db()).unwrap();
    set_up_store(&mut db);
    let customer = services::customers::create(
        &mut db,
        &ana(),
        &customer_input("Joana Araújo", "111.444.777-35"),
    )
    .unwrap();
    let terms = sale_terms(today() + chrono::Duration::days(18), 120_000, 4);
    let sale =
        services::sales::create(&mut db, &ana(), customer, &terms, PaymentMethod::Cash).unwrap();
    let ids = sale.installments.iter().map(|(id, _)| *id).collect();
    (db, ids)
}

#[test]
fn switching_back_to_an_earlier_account_does_not_reuse_its_numbers() {
    let folder = Folder::new();
    let (mut db, ids) = store_with_a_sale(&folder);
    services::boletos::set_account(&mut db, &ana(), &bb_account()).unwrap();
    let a = services::boletos::issue(&mut db, &ana(), ids[0], today()).unwrap();
    // Another account for a while, then back to the first one.
    services::boletos::set_account(
        &mut db,
        &ana(),
        &AccountInput {
            bank: Some(Bank::Caixa),
            agency: "1234".into(),
            account: "000123-4".into(),
            beneficiary_code: "005507".into(),
            wallet: "1".into(),
        },
    )
    .unwrap();
    services::boletos::issue(&mut db, &ana(), ids[1], today()).unwrap();
    services::boletos::set_account(&mut db, &ana(), &bb_account()).unwrap();
    let b = services::boletos::issue(&mut db, &ana(), ids[2], today()).unwrap();
    // Both are payable at once: the bank would see the same nosso número twice.
    assert_eq!(a.status.code(), "to_register");
    assert_ne!(
        b.our_number, a.our_number,
        "the same BB convênio gave nosso número {} twice",
        a.our_number
    );
    assert_ne!(b.barcode[19..], a.barcode[19..], "same campo livre twice");
}

#[test]
fn the_same_account_typed_differently_does_not_reuse_its_numbers() {
    let folder = Folder::new();
    let (mut db, ids) = store_with_a_sale(&folder);
    services::boletos::set_account(&mut db, &ana(), &bb_account()).unwrap();
    let a = services::boletos::issue(&mut db, &ana(), ids[0], today()).unwrap();
    let retyped = AccountInput {
        account: "030120-4".into(),
        ..bb_account()
    };
    services::boletos::set_account(&mut db, &ana(), &retyped).unwrap();
    let b = services::boletos::issue(&mut db, &ana(), ids[1], today()).unwrap();
    assert_ne!(
        b.our_number, a.our_number,
        "the same BB convênio gave nosso número {} twice",
        a.our_number
    );
}

// ---------------------------------------------------------------------------------------
// 6. Bad input
// ---------------------------------------------------------------------------------------

#[test]
fn bad_input_is_refused_with_a_message_and_changes_nothing() {
    let folder = Folder::new();
    demo(&folder, "20");
    let db = folder.db();
    let before = snapshot(&db);
    let boleto_rows = |db: &Path| -> Vec<(i64, String)> {
        let conn = rusqlite::Connection::open(db).unwrap();
        let mut statement = conn
            .prepare("SELECT id, status FROM boletos ORDER BY id")
            .unwrap();
        statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let boletos_before = boleto_rows(&db);

    // An installment that does not exist.
    let out = folder.path("x.pdf");
    let missing = regua(
        &db,
        &[
            "--today",
            TODAY,
            "second-copy",
            "999999",
            "--out",
            pdf_arg(&out),
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert_contains(&stderr(&missing), "Parcela 999999 não encontrada");
    assert!(!out.exists());

    // A digitable line with one digit changed: the message names the check digit.
    let barcode: String = value(&db, "SELECT barcode FROM boletos ORDER BY id LIMIT 1", []);
    let line = Barcode::parse(&barcode).unwrap().digitable_line();
    let digits = line.as_str().to_string();
    assert_eq!(
        json(&db, &["--today", TODAY, "boleto", "check", &digits])["barcode"],
        barcode.as_str()
    );
    // Position 12 is in field 2 (positions 11–21), not its check digit.
    let bad = one_digit_changed(&digits, 12);
    let wrong = regua(&db, &["--today", TODAY, "boleto", "check", &bad]);
    assert_eq!(wrong.status.code(), Some(1));
    assert_contains(&stderr(&wrong), "dígito");
    assert_contains(&stderr(&wrong), "campo 2");
    // In JSON, stdout says why too.
    let wrong = regua(&db, &["--today", TODAY, "--json", "boleto", "check", &bad]);
    assert_eq!(wrong.status.code(), Some(1));
    let said: serde_json::Value = serde_json::from_str(stdout(&wrong).trim()).unwrap();
    assert_eq!(said["valid"], false);
    assert!(said["error"].as_str().unwrap().contains("dígito"));
    // A barcode with one digit changed: the general check digit.
    let bad_code = one_digit_changed(&barcode, 30);
    let wrong = regua(&db, &["--today", TODAY, "boleto", "check", &bad_code]);
    assert_eq!(wrong.status.code(), Some(1));
    assert_contains(&stderr(&wrong), "dígito verificador geral");

    // A Banco do Brasil convênio of 5 digits.
    let bad_convenio = regua(&db, &boleto_make_args("12345", &[]));
    assert_ne!(bad_convenio.status.code(), Some(0));
    let message = stderr(&bad_convenio);
    assert!(
        message.contains("Banco do Brasil") && message.contains("dígitos"),
        "{message}"
    );
    assert!(stdout(&bad_convenio).is_empty());

    // A Pix code with a damaged CRC.
    let payload = ok(
        &db,
        &[
            "pix",
            "make",
            "--key",
            "12345678909",
            "--name",
            "Loja",
            "--city",
            "Recife",
        ],
    );
    let payload = payload.trim();
    assert!(pix::parse(payload).is_ok());
    let last = payload.chars().last().unwrap();
    let damaged = format!(
        "{}{}",
        &payload[..payload.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    let refused = regua(&db, &["pix", "check", &damaged]);
    assert_eq!(refused.status.code(), Some(1));
    assert_contains(&stderr(&refused), "CRC");

    // A PDF into a folder that does not exist: a message, and no file.
    let installment: i64 = value(
        &db,
        "SELECT installment_id FROM boletos WHERE status = 'to_register' ORDER BY id LIMIT 1",
        [],
    );
    let nowhere = folder.path("não existe");
    for args in [
        vec!["second-copy".to_string(), installment.to_string()],
        vec!["receipt".to_string(), "1".to_string()],
        vec!["carne".to_string(), {
            let sale: i64 = value(
                &db,
                "SELECT sale_id FROM installments WHERE id = ?1",
                [installment],
            );
            sale.to_string()
        }],
    ] {
        let target = nowhere.join("documento.pdf");
        let mut all: Vec<&str> = vec!["--today", TODAY];
        all.extend(args.iter().map(String::as_str));
        all.extend(["--out", pdf_arg(&target)]);
        let refused = regua(&db, &all);
        assert_eq!(refused.status.code(), Some(1), "{args:?}");
        let message = stderr(&refused);
        assert!(
            message.contains("Não foi possível usar") && message.contains("não existe"),
            "{args:?}: {message}"
        );
        assert!(!nowhere.exists(), "{args:?} created the folder");
    }
    let made = regua(
        &db,
        &boleto_make_args("3128557", &["--out", pdf_arg(&nowhere.join("b.pdf"))]),
    );
    assert_eq!(made.status.code(), Some(1));
    assert!(!nowhere.exists());

    assert_eq!(snapshot(&db), before);
    assert_eq!(boleto_rows(&db), boletos_before);
}

#[test]
fn a_carne_that_cannot_be_saved_issues_no_boletos() {
    let folder = Folder::new();
    let (mut db, ids) = store_with_a_sale(&folder);
    services::boletos::set_account(&mut db, &ana(), &bb_account()).unwrap();
    let sale_id: i64 = db
        .conn()
        .query_row(
            "SELECT sale_id FROM installments WHERE id = ?1",
            [ids[0]],
            |r| r.get(0),
        )
        .unwrap();
    drop(db);
    let before = snapshot(&folder.db());
    let target = folder.path("não existe/carnê.pdf");
    let refused = regua(
        &folder.db(),
        &[
            "--today",
            TODAY,
            "carne",
            &sale_id.to_string(),
            "--out",
            pdf_arg(&target),
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert_contains(&stderr(&refused), "Não foi possível usar");
    assert!(!target.exists());
    assert_eq!(snapshot(&folder.db()), before);
    assert_eq!(
        value::<i64>(&folder.db(), "SELECT count(*) FROM boletos", []),
        0,
        "boletos issued for a carnê nobody got"
    );
}

// ---------------------------------------------------------------------------------------
// 7. Test boleto
// ---------------------------------------------------------------------------------------

#[test]
fn a_test_boleto_is_made_checked_and_drawn() {
    let folder = Folder::new();
    let db = folder.db();
    let pdf = folder.path("homologação.pdf");
    let made = json(&db, &boleto_make_args("3128557", &["--out", pdf_arg(&pdf)]));
    assert_eq!(made["valid"], true);
    assert_eq!(made["bank"], "001");
    assert_eq!(made["bank_name"], "Banco do Brasil");
    assert_eq!(made["value_cents"], 15_000);
    assert_eq!(made["due_date"], "2026-12-10");
    let barcode = made["barcode"].as_str().unwrap().to_string();
    assert_eq!(barcode.len(), 44);
    assert_eq!(&barcode[..4], "0019", "bank 001, currency 9");
    assert_eq!(&barcode[9..19], "0000015000");
    // Convênio of 7 digits: six zeros, convênio, sequence of 10, carteira.
    assert_eq!(&barcode[19..], "0000003128557000000000117");
    assert!(!db.exists(), "a test boleto creates no database");

    let line = made["digitable_line"].as_str().unwrap();
    for text in [line.to_string(), line.replace(['.', ' '], "")] {
        let checked = json(&db, &["--today", TODAY, "boleto", "check", &text]);
        assert_eq!(checked["valid"], true);
        assert_eq!(checked["barcode"], barcode.as_str());
        assert_eq!(checked["due_date"], "2026-12-10");
    }
    let checked = json(&db, &["--today", TODAY, "boleto", "check", &barcode]);
    assert_eq!(checked["digitable_line"], line);

    let (itf, _) = decode(&pdf, 300, 1);
    assert_eq!(itf, [barcode]);
    let text = pdf_text(&pdf);
    assert_contains(&text, "Boleto de teste");
    assert_contains(&text, line);
    assert_fonts_embedded_and_subset(&pdf);
}

// ---------------------------------------------------------------------------------------
// 8. Static Pix
// ---------------------------------------------------------------------------------------

#[test]
fn a_static_pix_code_is_made_and_parsed_back() {
    let folder = Folder::new();
    let db = folder.db();
    let args = [
        "pix",
        "make",
        "--key",
        "12345678909",
        "--name",
        "José Açougue",
        "--city",
        "São Paulo",
        "--amount",
        "10,50",
        "--txid",
        "ABC123",
    ];
    let plain = ok(&db, &args);
    let made = json(&db, &args);
    let payload = made["payload"].as_str().unwrap();
    assert_eq!(plain.trim(), payload);
    assert!(payload.is_ascii(), "{payload}");
    let code = pix::parse(payload).unwrap();
    assert_eq!(code.key.as_deref(), Some("12345678909"));
    assert_eq!(code.merchant_name, "Jose Acougue");
    assert_eq!(code.merchant_city, "Sao Paulo");
    assert_eq!(code.amount.map(|a| a.cents()), Some(1050));
    assert_eq!(code.txid, "ABC123");
    let checked = json(&db, &["pix", "check", payload]);
    assert_eq!(checked["valid"], true);
    assert_eq!(checked["amount_cents"], 1050);
    assert_eq!(checked["merchant_name"], "Jose Acougue");
    assert!(!db.exists(), "making a Pix code creates no database");
}
