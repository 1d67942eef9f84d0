//! Documents read back as a customer's bank and Pix app would: PDFs rendered with
//! `pdftoppm`, the barcode and the QR decoded with `zbarimg`, the text with `pdftotext`.

use std::process::Command;

use regua::boleto::account::{AccountInput, Bank};
use regua::boleto::pix;
use regua::domain::installment::PaymentMethod;
use regua::services;
use regua::store::Database;

use crate::pdf::*;
use crate::support::*;

/// Receives `cents` from `customer` today.
fn pay(db: &mut Database, customer: i64, cents: i64, method: PaymentMethod) -> i64 {
    services::payments::receive(
        db,
        &ana(),
        customer,
        regua::domain::money::Money::from_cents(cents),
        method,
        today(),
        today(),
    )
    .unwrap()
    .payment_id
}

#[test]
fn a_second_copy_keeps_the_registered_barcode_and_adds_the_updated_amount() {
    let folder = Folder::new();
    demo(&folder, "40");
    let db = folder.db();
    // A late installment: its boleto was registered with the original value.
    let installment: i64 = value(
        &db,
        "SELECT b.installment_id FROM boletos b WHERE b.status = 'registered'
           AND b.due_date < '2026-11-01' ORDER BY b.due_date DESC LIMIT 1",
        [],
    );
    let barcode: String = value(
        &db,
        "SELECT barcode FROM boletos WHERE installment_id = ?1",
        [installment],
    );
    let pdf = folder.path("segunda via.pdf");
    let out = ok(
        &db,
        &[
            "--today",
            TODAY,
            "second-copy",
            &installment.to_string(),
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(out.contains("PDF gravado"));
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 100 * 1024, "{size} bytes");

    for dpi in [300, 150] {
        let (barcodes, qrs) = decode(&pdf, dpi, 1);
        assert_eq!(barcodes, std::slice::from_ref(&barcode), "at {dpi} dpi");
        assert_eq!(qrs.len(), 1, "at {dpi} dpi");
        let code = pix::parse(&qrs[0]).unwrap();
        assert_eq!(code.txid, format!("REGUAP{installment}"));
        // The Pix charges today's amount; the barcode keeps the registered one.
        let db_handle = Database::open(&db).unwrap();
        let statement = services::customers::statement(
            &db_handle,
            value(
                &db,
                "SELECT customer_id FROM installments WHERE id = ?1",
                [installment],
            ),
            today(),
        )
        .unwrap();
        let line = statement
            .open_installments
            .iter()
            .find(|l| l.id == installment)
            .unwrap();
        assert_eq!(code.amount, Some(line.charges.total));
        assert!(line.charges.total.cents() > barcode[9..19].parse::<i64>().unwrap());
    }

    let text = pdf_text(&pdf);
    for expected in [
        "Segunda via",
        "Valor atualizado até 22/11/2026",
        "CNPJ 12.345.678/0001-95",
        "Conceição Móveis e Eletro Ltda",
        "Recibo do Pagador",
        "Local de pagamento",
        "Nosso número",
        "Pagador",
        "cobrar multa de R$",
        "por dia de atraso",
    ] {
        assert!(text.contains(expected), "no “{expected}” in:\n{text}");
    }
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("DejaVuSans"));
    assert!(
        fonts
            .lines()
            .filter(|l| l.contains("DejaVu"))
            .all(|l| l.contains("yes yes yes")),
        "embedded and subset:\n{fonts}"
    );
}

#[test]
fn a_carne_prints_three_slips_a_page_each_with_its_own_boleto() {
    let folder = Folder::new();
    demo(&folder, "60");
    let db = folder.db();
    let sale: i64 = value(
        &db,
        "SELECT i.sale_id FROM installments i JOIN boletos b ON b.installment_id = i.id
         WHERE b.status = 'to_register' GROUP BY i.sale_id HAVING count(*) >= 4
         ORDER BY i.sale_id LIMIT 1",
        [],
    );
    let pdf = folder.path("carne.pdf");
    ok(
        &db,
        &[
            "--today",
            TODAY,
            "carne",
            &sale.to_string(),
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let expected: Vec<String> = conn
        .prepare(
            "SELECT b.barcode FROM boletos b JOIN installments i ON i.id = b.installment_id
             WHERE i.sale_id = ?1 AND b.status IN ('to_register', 'registered')
               AND i.closed_on IS NULL
             ORDER BY i.number",
        )
        .unwrap()
        .query_map([sale], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let pages = expected.len().div_ceil(3);
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    assert!(
        String::from_utf8_lossy(&info.stdout).contains(&format!("Pages:           {pages}")),
        "{}",
        String::from_utf8_lossy(&info.stdout)
    );
    let mut found = Vec::new();
    for page in 1..=pages as u32 {
        let (barcodes, qrs) = decode(&pdf, 150, page);
        assert_eq!(barcodes.len(), qrs.len());
        for payload in qrs {
            assert!(pix::parse(&payload).unwrap().amount.is_some());
        }
        found.extend(barcodes);
    }
    found.sort();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(found, sorted);
    let text = pdf_text(&pdf);
    assert!(text.contains(&format!("1 de {}", expected.len())) || text.contains("Parcela"));
    assert!(text.contains("Canhoto"));
}

#[test]
fn a_receipt_itemizes_the_payment_and_what_remains() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let customer = services::customers::create(
        &mut db,
        &ana(),
        &customer_input("José Araújo", "52998224725"),
    )
    .unwrap();
    // A receipt names the store: without its data there is none to print.
    let terms = sale_terms(today() - chrono::Duration::days(40), 60_000, 2);
    services::sales::create(&mut db, &ana(), customer, &terms, PaymentMethod::Cash).unwrap();
    let early = pay(&mut db, customer, 1_000, PaymentMethod::Cash);
    let refused = services::documents::receipt(&db, early).unwrap_err();
    assert!(refused.to_string().contains("dados da loja"), "{refused}");
    set_up_store(&mut db);
    let paid = pay(&mut db, customer, 15_000, PaymentMethod::Pix);
    let bytes = services::documents::receipt(&db, paid).unwrap();
    let pdf = folder.path("recibo.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let text = pdf_text(&pdf);
    for expected in [
        format!("Recibo nº {paid}"),
        "José Araújo – CPF 529.982.247-25".to_string(),
        "R$ 150,00 (cento e cinquenta".to_string(),
        "Saldo em aberto após este pagamento".to_string(),
        "Venda 1 – Sofá – 1/2".to_string(),
        "Móveis Conceição Ltda – CNPJ 34.665.388/0001-61".to_string(),
    ] {
        assert!(text.contains(&expected), "no “{expected}” in:\n{text}");
    }
    // The allocation printed is the one recorded: fine and interest first.
    let (principal, fine, interest): (i64, i64, i64) = db
        .conn()
        .query_row(
            "SELECT principal_cents, fine_cents, interest_cents FROM payment_allocations
             WHERE payment_id = ?1 ORDER BY installment_id LIMIT 1",
            [paid],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    for cents in [principal, fine, interest] {
        assert!(text.contains(&regua::domain::money::Money::from_cents(cents).format_plain()));
    }
}

#[test]
fn the_day_end_pdf_has_the_screen_tables() {
    let folder = Folder::new();
    demo(&folder, "30");
    let db = Database::open(&folder.db()).unwrap();
    let bytes = services::documents::day_end(&db, today()).unwrap();
    let pdf = folder.path("fechamento.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let text = pdf_text(&pdf);
    let report = services::day_end::report(&db, today()).unwrap();
    for expected in [
        "Fechamento do dia",
        "Recebido por forma de pagamento",
        "Clientes que pioraram de faixa",
        "Painel do dia",
        "Total geral",
    ] {
        assert!(text.contains(expected), "no “{expected}” in:\n{text}");
    }
    assert!(text.contains(&report.board.totals.total.format_plain()));
}

#[test]
fn a_nosso_numero_is_never_used_twice() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    set_up_store(&mut db);
    let customer =
        services::customers::create(&mut db, &ana(), &customer_input("Ana Souza", "11144477735"))
            .unwrap();
    let terms = sale_terms(today() + chrono::Duration::days(10), 90_000, 3);
    let sale =
        services::sales::create(&mut db, &ana(), customer, &terms, PaymentMethod::Cash).unwrap();
    let sale_id = sale.sale_id;
    // Without a bank account nothing is issued, and the second copy says what to set up.
    assert_eq!(
        services::boletos::issue_for_sale(&mut db, &ana(), sale_id, today()).unwrap(),
        0
    );
    let installment: i64 = db
        .conn()
        .query_row(
            "SELECT id FROM installments WHERE sale_id = ?1 AND number = 1",
            [sale_id],
            |r| r.get(0),
        )
        .unwrap();
    let error = services::documents::second_copy(&db, installment, today()).unwrap_err();
    assert!(error.to_string().contains("chave Pix"), "{error}");

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
    assert_eq!(
        services::boletos::issue_for_sale(&mut db, &ana(), sale_id, today()).unwrap(),
        3
    );
    // Issuing again gives the same boleto, not a new number.
    let first = services::boletos::issue(&mut db, &ana(), installment, today()).unwrap();
    assert_eq!(
        services::boletos::issue(&mut db, &ana(), installment, today()).unwrap(),
        first
    );
    let moved = services::boletos::new_due_date(
        &mut db,
        &ana(),
        installment,
        today() + chrono::Duration::days(20),
        today(),
    )
    .unwrap();
    assert_ne!(moved.our_number, first.our_number);
    assert_eq!(moved.our_number_printed.len(), "14000000000000004-X".len());
    let statuses: Vec<(String, i64)> = db
        .conn()
        .prepare("SELECT status, sequence FROM boletos ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        statuses,
        [
            ("written_off".to_string(), 1),
            ("to_register".to_string(), 2),
            ("to_register".to_string(), 3),
            ("to_register".to_string(), 4),
        ]
    );
    // The audit trail names each boleto issued.
    let audited: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action IN ('boleto.issue', 'boleto.new_due_date')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 4);
}

#[test]
fn bad_input_is_refused_with_a_message_and_changes_nothing() {
    let folder = Folder::new();
    demo(&folder, "20");
    let db = folder.db();
    let before = snapshot(&db);
    let boletos_before: i64 = value(&db, "SELECT count(*) FROM boletos", []);

    let missing = regua(
        &db,
        &[
            "second-copy",
            "999999",
            "--out",
            folder.path("x.pdf").to_str().unwrap(),
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("Parcela 999999 não encontrada"));
    assert!(!folder.path("x.pdf").exists());

    let nowhere = folder.path("não existe/recibo.pdf");
    let refused = regua(&db, &["receipt", "1", "--out", nowhere.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("não existe"),
        "{}",
        stderr(&refused)
    );
    assert!(!nowhere.exists());

    let line = "00190.00009 03128.557000 00000.001172 3 16430000055530";
    let wrong = regua(
        &db,
        &[
            "boleto",
            "check",
            &line.replace("03128.557000", "03128.557001"),
        ],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("o dígito do campo 2 (21º dígito da linha) é 1"),
        "{}",
        stderr(&wrong)
    );

    let bad_convenio = regua(
        &db,
        &[
            "boleto",
            "make",
            "--bank",
            "001",
            "--agency",
            "1607-1",
            "--account",
            "30120-4",
            "--convenio",
            "12345",
            "--wallet",
            "17",
            "--our-number",
            "1",
            "--due",
            "2026-12-10",
            "--amount",
            "150,00",
        ],
    );
    assert_ne!(bad_convenio.status.code(), Some(0));
    assert!(
        stderr(&bad_convenio).contains("4, 6, 7 ou 8 dígitos"),
        "{}",
        stderr(&bad_convenio)
    );

    let damaged = regua(
        &db,
        &[
            "pix",
            "check",
            "00020126360014br.gov.bcb.pix0114123456780001955204000053039865406555.305802BR5916Moveis Conceicao6014Belo Horizonte62110507REGUAP16304991D",
        ],
    );
    assert_eq!(damaged.status.code(), Some(1));
    assert!(stderr(&damaged).contains("CRC"));

    assert_eq!(snapshot(&db), before);
    assert_eq!(
        value::<i64>(&db, "SELECT count(*) FROM boletos", []),
        boletos_before
    );
}

#[test]
fn a_test_boleto_for_homologation_is_checked_and_drawn() {
    let folder = Folder::new();
    let db = folder.db();
    let pdf = folder.path("homologacao.pdf");
    let made = json(
        &db,
        &[
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
            "3128557",
            "--wallet",
            "17",
            "--our-number",
            "1",
            "--due",
            "2026-12-10",
            "--amount",
            "150,00",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(made["valid"], true);
    assert_eq!(made["bank"], "001");
    assert_eq!(made["value_cents"], 15_000);
    assert_eq!(made["due_date"], "2026-12-10");
    let barcode = made["barcode"].as_str().unwrap().to_string();
    // No database is created for a test boleto.
    assert!(!db.exists());

    let checked = json(
        &db,
        &[
            "--today",
            TODAY,
            "boleto",
            "check",
            made["digitable_line"].as_str().unwrap(),
        ],
    );
    assert_eq!(checked["barcode"], barcode.as_str());
    let (barcodes, _) = decode(&pdf, 300, 1);
    assert_eq!(barcodes, [barcode]);
    assert!(pdf_text(&pdf).contains("Boleto de teste"));
}

#[test]
fn a_static_pix_code_is_made_and_read_back() {
    let folder = Folder::new();
    let payload = ok(
        &folder.db(),
        &[
            "pix",
            "make",
            "--key",
            "123.456.789-09",
            "--name",
            "José Açougue",
            "--city",
            "São Paulo",
            "--amount",
            "10,50",
            "--txid",
            "ABC123",
        ],
    );
    let code = pix::parse(payload.trim()).unwrap();
    assert_eq!(code.key.as_deref(), Some("12345678909"));
    assert_eq!(code.merchant_name, "Jose Acougue");
    assert_eq!(code.merchant_city, "Sao Paulo");
    assert_eq!(code.amount.unwrap().cents(), 1050);
    assert_eq!(code.txid, "ABC123");
    let checked = json(&folder.db(), &["pix", "check", payload.trim()]);
    assert_eq!(checked["amount_cents"], 1050);
}
