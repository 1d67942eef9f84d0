//! Bank files end to end on a real database: boletos issued, the remittance written and
//! checked at the manuals' positions for each bank, and the return fixtures of
//! `tests/fixtures/bank` (written by `make_returns.py` from the layouts) taken in.

use std::path::PathBuf;

use regua::bank::layout;
use regua::boleto::account::{AccountInput, Bank};
use regua::domain::installment::{InstallmentStatus, PaymentMethod};
use regua::domain::money::Money;
use regua::services;
use regua::store::Database;

use crate::support::*;

/// Each bank's account as a store would type it.
fn account(bank: Bank) -> AccountInput {
    let (agency, account, code, wallet) = match bank {
        Bank::BancoDoBrasil => ("1607-1", "30120-4", "3128557", "17"),
        Bank::Caixa => ("1234", "1234567", "005507", "1"),
        Bank::Santander => ("3421", "13000456-7", "0282033", "101"),
        Bank::Sicoob => ("4327", "417270", "0229385", "1"),
        Bank::Sicredi => ("0165", "12345", "0200004", "1"),
        Bank::Bradesco => ("1234", "56789-0", "4567890", "09"),
        Bank::Itau => ("0057", "12345-7", "", "109"),
    };
    AccountInput {
        bank: Some(bank),
        agency: agency.into(),
        account: account.into(),
        beneficiary_code: code.into(),
        wallet: wallet.into(),
    }
}

/// A customer who agreed to be reminded by WhatsApp.
fn reachable(name: &str, tax_id: &str) -> regua::domain::customer::CustomerInput {
    let mut input = customer_input(name, tax_id);
    input.consent.collection.whatsapp = true;
    input
}

fn fixture(bank: Bank) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bank")
        .join(format!("retorno-{}.ret", bank.code()))
}

/// A store with one account, Joana's sale of three installments of R$ 400,00 (due
/// 10/12/2026, 10/01/2027, 10/02/2027) and their boletos, sequences 1 to 3.
fn store_with_boletos(folder: &Folder, bank: Bank) -> (Database, Vec<i64>) {
    let mut db = Database::open(&folder.db()).unwrap();
    set_up_store(&mut db);
    services::boletos::set_account(&mut db, &ana(), &account(bank)).unwrap();
    let customer = services::customers::create(
        &mut db,
        &ana(),
        &reachable("Joana Araújo", "111.444.777-35"),
    )
    .unwrap();
    let terms = sale_terms(date(2026, 12, 10), 120_000, 3);
    let sale =
        services::sales::create(&mut db, &ana(), customer, &terms, PaymentMethod::Cash).unwrap();
    let issued = services::boletos::issue_for_sale(&mut db, &ana(), sale.sale_id, today()).unwrap();
    assert_eq!(issued, 3);
    let ids = sale.installments.iter().map(|(id, _)| *id).collect();
    (db, ids)
}

fn boleto_statuses(db: &Database) -> Vec<String> {
    let mut statement = db
        .conn()
        .prepare("SELECT status FROM boletos ORDER BY sequence")
        .unwrap();
    statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn remit(db: &mut Database) -> services::bank::Remittance {
    let at = today().and_hms_opt(10, 30, 0).unwrap();
    services::bank::remit(db, &ana(), None, at).unwrap()
}

fn lines(content: &str) -> Vec<&str> {
    content
        .trim_end_matches('\u{1a}')
        .split("\r\n")
        .filter(|line| !line.is_empty())
        .collect()
}

fn field(line: &str, from: usize, to: usize) -> &str {
    &line[from - 1..to]
}

/// The nosso número each bank's file carries for sequences 1 to 3 (as printed on the
/// boletos of `account(bank)`; Sicoob adds the parcela, modalidade and form).
fn our_numbers(bank: Bank) -> [&'static str; 3] {
    match bank {
        Bank::BancoDoBrasil => [
            "31285570000000001",
            "31285570000000002",
            "31285570000000003",
        ],
        Bank::Caixa => [
            "14000000000000001",
            "14000000000000002",
            "14000000000000003",
        ],
        Bank::Santander => ["0000000000019", "0000000000027", "0000000000035"],
        Bank::Sicoob => ["000000001701014", "000000002402014", "000000003103014"],
        Bank::Sicredi => ["262000011", "262000020", "262000038"],
        Bank::Bradesco => ["000000000011", "00000000002P", "000000000038"],
        Bank::Itau => ["00000001", "00000002", "00000003"],
    }
}

#[test]
fn each_banks_remittance_has_its_fields_at_the_manuals_positions() {
    for bank in Bank::ALL {
        let folder = Folder::new();
        let (mut db, _) = store_with_boletos(&folder, bank);
        let remittance = remit(&mut db);
        let content = &remittance.content;
        assert!(content.is_ascii(), "{bank:?}");
        assert!(content.ends_with('\n') || content.ends_with('\u{1a}'));
        let lines = lines(content);
        let numbers = our_numbers(bank);
        assert_eq!((remittance.entries, remittance.nsa), (3, 1), "{bank:?}");
        assert_eq!(remittance.total, Money::from_cents(120_000));
        match layout::layout(bank) {
            layout::Layout::Cnab240 => {
                assert!(lines.iter().all(|line| line.len() == 240), "{bank:?}");
                // Header, lot header, P Q R × 3, lot trailer, trailer.
                assert_eq!(lines.len(), 13, "{bank:?}");
                let header = lines[0];
                assert_eq!(field(header, 1, 8), format!("{}00000", bank.code()));
                assert_eq!(field(header, 18, 32), "234665388000161");
                assert_eq!(field(header, 73, 102).trim(), "MOVEIS CONCEICAO LTDA");
                assert_eq!(field(header, 143, 151), "122112026");
                assert_eq!(field(header, 152, 157), "103000");
                assert_eq!(field(header, 158, 163), "000001");
                assert_eq!(field(lines[1], 8, 9), "1R");
                for (index, number) in numbers.iter().enumerate() {
                    let p = lines[2 + index * 3];
                    let q = lines[3 + index * 3];
                    let r = lines[4 + index * 3];
                    assert_eq!(field(p, 8, 17), format!("3{:05}P 01", index * 3 + 1));
                    assert_eq!(field(p, 38, 57).trim(), *number, "{bank:?}");
                    assert_eq!(field(p, 63, 77).trim(), format!("1/{}", index + 1));
                    assert_eq!(field(p, 86, 100), "000000000040000");
                    // 1 % a month on R$ 400,00: R$ 0,13 a day from the day after.
                    assert_eq!(field(p, 118, 118), "1");
                    assert_eq!(field(p, 127, 141), "000000000000013");
                    assert_eq!(field(q, 14, 14), "Q");
                    assert_eq!(field(q, 18, 33), "1000011144477735");
                    assert_eq!(field(q, 34, 73).trim(), "JOANA ARAUJO");
                    assert_eq!(field(q, 129, 136), "30160011");
                    assert_eq!(field(q, 137, 153).trim_end(), "BELO HORIZONTE MG");
                    assert_eq!(field(r, 14, 14), "R");
                    assert_eq!(field(r, 66, 66), "2");
                    assert_eq!(field(r, 75, 89), "000000000000200");
                }
                assert_eq!(field(lines[2], 78, 85), "10122026");
                assert_eq!(field(lines[5], 78, 85), "10012027");
                let lot_trailer = lines[11];
                assert_eq!(field(lot_trailer, 8, 8), "5");
                assert_eq!(field(lot_trailer, 18, 23), "000011");
                assert_eq!(field(lot_trailer, 24, 29), "000003");
                assert_eq!(field(lot_trailer, 30, 46), "00000000000120000");
                assert_eq!(field(lines[12], 4, 8), "99999");
                assert_eq!(field(lines[12], 24, 29), "000013");
            }
            layout::Layout::Cnab400 => {
                assert!(lines.iter().all(|line| line.len() == 400), "{bank:?}");
                assert_eq!(field(lines[0], 1, 26), "01REMESSA01COBRANCA       ");
                assert_eq!(field(lines[0], 95, 100), "221126");
                for (index, line) in lines.iter().enumerate() {
                    assert_eq!(field(line, 395, 400), format!("{:06}", index + 1));
                }
                assert_eq!(field(lines.last().unwrap(), 1, 1), "9");
                let details: Vec<&str> = lines
                    .iter()
                    .copied()
                    .filter(|line| line.starts_with('1'))
                    .collect();
                assert_eq!(details.len(), 3);
                for (index, detail) in details.iter().enumerate() {
                    assert_eq!(field(detail, 109, 110), "01");
                    assert_eq!(field(detail, 127, 139), "0000000040000");
                    assert_eq!(field(detail, 219, 234), "0100011144477735");
                    assert_eq!(field(detail, 235, 264).trim(), "JOANA ARAUJO");
                    assert_eq!(field(detail, 327, 334), "30160011");
                    let (from, to) = if bank == Bank::Bradesco {
                        (71, 82)
                    } else {
                        (63, 70)
                    };
                    assert_eq!(field(detail, from, to), numbers[index], "{bank:?}");
                }
                assert_eq!(field(details[0], 121, 126), "101226");
                if bank == Bank::Bradesco {
                    assert_eq!(field(lines[0], 27, 46), "00000000000004567890");
                    assert_eq!(field(lines[0], 77, 79), "237");
                    assert_eq!(field(details[0], 21, 37), "00090123400567890");
                    assert_eq!(field(details[0], 66, 70), "20200");
                    assert!(content.ends_with("\r\n\u{1a}"));
                    assert_eq!(lines.len(), 5);
                } else {
                    assert_eq!(field(lines[0], 27, 38), "005700123457");
                    assert_eq!(field(lines[0], 77, 79), "341");
                    assert_eq!(field(details[0], 18, 29), "005700123457");
                    assert_eq!(field(details[0], 84, 86), "109");
                    // Each title is followed by its fine (registro 2): 2 % from 11/12.
                    assert_eq!(lines.len(), 8);
                    assert_eq!(field(lines[2], 1, 23), "22111220260000000000200");
                }
            }
        }
        assert_eq!(
            remittance.file_name,
            if bank == Bank::Bradesco {
                "CB221101.REM".to_string()
            } else {
                format!("REMESSA_{}_20261122_000001.REM", bank.code())
            }
        );
        assert_eq!(boleto_statuses(&db), ["sent", "sent", "sent"]);
        // Lost: saved again, the same bytes.
        let (name, again) = services::bank::saved_file(&db, remittance.file_id).unwrap();
        assert_eq!(
            (name.as_str(), again.as_str()),
            (remittance.file_name.as_str(), content.as_str())
        );
        // Nothing waits any more.
        let at = today().and_hms_opt(11, 0, 0).unwrap();
        let error = services::bank::remit(&mut db, &ana(), None, at).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Nenhum boleto desta conta espera envio ao banco: nada a gerar."
        );
    }
}

#[test]
fn a_write_off_goes_in_the_next_file_with_the_next_sequence() {
    let folder = Folder::new();
    let (mut db, installments) = store_with_boletos(&folder, Bank::BancoDoBrasil);
    remit(&mut db);
    // A new due date for the first installment: a new boleto, the old one to write off.
    services::boletos::new_due_date(
        &mut db,
        &ana(),
        installments[0],
        date(2026, 12, 20),
        today(),
    )
    .unwrap();
    // Paid at the counter: the third installment's boleto must not be paid again.
    let customer = services::customers::resolve(&db, "Joana").unwrap();
    let open: Money = Money::from_cents(40_000);
    services::payments::receive(
        &mut db,
        &ana(),
        customer,
        open,
        PaymentMethod::Cash,
        today(),
        today(),
    )
    .unwrap();
    let at = date(2026, 11, 23).and_hms_opt(9, 0, 0).unwrap();
    let second = services::bank::remit(&mut db, &ana(), None, at).unwrap();
    assert_eq!(second.nsa, 2);
    let lines = lines(&second.content);
    assert_eq!(field(lines[0], 158, 163), "000002");
    let movements: Vec<(&str, &str)> = lines
        .iter()
        .filter(|line| field(line, 14, 14) == "P")
        .map(|line| (field(line, 16, 17), field(line, 38, 57).trim()))
        .collect();
    // Paying R$ 400,00 before the due date settles the first installment (the new
    // boleto, never sent, is simply dropped) and the old one is written off.
    assert!(
        movements.contains(&("02", "31285570000000001")),
        "{movements:?}"
    );
    assert_eq!(
        second.write_offs,
        movements.iter().filter(|(m, _)| *m == "02").count()
    );
    assert!(
        boleto_statuses(&db)
            .iter()
            .all(|status| status != "to_write_off")
    );
}

fn import(db: &mut Database, bank: Bank, day: chrono::NaiveDate) -> services::bank::ImportSummary {
    services::bank::import_path(db, &ana(), &fixture(bank), day).unwrap()
}

#[test]
fn each_banks_return_lands_on_the_right_installments_and_twice_changes_nothing() {
    for bank in Bank::ALL {
        let folder = Folder::new();
        let (mut db, installments) = store_with_boletos(&folder, bank);
        remit(&mut db);
        let summary = import(&mut db, bank, date(2026, 12, 11));
        assert!(
            summary.problems.is_empty(),
            "{bank:?}: {:?}",
            summary.problems
        );
        assert_eq!(summary.confirmed.count, 2, "{bank:?}");
        assert_eq!(summary.confirmed.amount, Money::from_cents(80_000));
        assert_eq!(summary.rejected.count, 1);
        assert_eq!(summary.paid.count, 1);
        assert_eq!(summary.paid.amount, Money::from_cents(40_000));
        assert_eq!(summary.written_off.count, 1);
        assert_eq!(summary.rejections[0].installment, 3);
        let payment = &summary.payments[0];
        assert_eq!(
            (payment.installment, payment.paid_on, payment.credited_on),
            (1, Some(date(2026, 12, 10)), Some(date(2026, 12, 11)))
        );
        assert_eq!(
            summary.rejections[0].reasons,
            ["Nosso número inválido", "CPF ou CNPJ do pagador inválido"]
        );
        assert_eq!(
            boleto_statuses(&db),
            ["paid", "written_off", "rejected"],
            "{bank:?}"
        );
        let row = regua::store::ledger::installment(db.conn(), installments[0], date(2026, 12, 11))
            .unwrap()
            .unwrap();
        assert_eq!(row.status, InstallmentStatus::Paid);
        let (method, amount, paid_on): (String, i64, String) = db
            .conn()
            .query_row(
                "SELECT method, amount_cents, paid_on FROM payments",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            (method.as_str(), amount, paid_on.as_str()),
            ("boleto", 40_000, "2026-12-10")
        );

        let before = snapshot(&folder.db());
        let again = import(&mut db, bank, date(2026, 12, 12));
        assert!(again.already_imported);
        assert_eq!(again.paid, summary.paid);
        assert_eq!(snapshot(&folder.db()), before);
        assert_eq!(boleto_statuses(&db), ["paid", "written_off", "rejected"]);
    }
}

fn return_files(db: &Database) -> i64 {
    db.conn()
        .query_row(
            "SELECT count(*) FROM bank_files WHERE kind = 'return'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_file_that_is_not_a_return_of_the_account_is_refused_and_changes_nothing() {
    let folder = Folder::new();
    let (mut db, _) = store_with_boletos(&folder, Bank::BancoDoBrasil);
    let remittance = remit(&mut db);
    let before = snapshot(&folder.db());
    let refused = |db: &mut Database, text: &str| {
        services::bank::import(db, &ana(), text, "arquivo.ret", date(2026, 12, 11))
            .unwrap_err()
            .to_string()
    };
    let good = std::fs::read_to_string(fixture(Bank::BancoDoBrasil)).unwrap();
    let bradesco = std::fs::read_to_string(fixture(Bank::Bradesco)).unwrap();
    assert_eq!(
        refused(&mut db, &bradesco),
        "A linha 1 não tem 240 caracteres: não é um arquivo de retorno deste banco. Nada foi importado."
    );
    assert!(refused(&mut db, &remittance.content).starts_with("Este arquivo não é um retorno"));
    assert!(refused(&mut db, "").starts_with("O arquivo está vazio"));
    let other_agency = good.replacen("0160710000000301204", "0999910000000301204", 1);
    assert!(refused(&mut db, &other_agency).starts_with("Este retorno é de outra agência"));
    let santander = std::fs::read_to_string(fixture(Bank::Santander)).unwrap();
    assert!(refused(&mut db, &santander).contains("banco 033"));
    let mut cut = good.clone();
    cut.truncate(1000);
    assert!(refused(&mut db, &cut).contains("não tem 240 caracteres"));
    assert_eq!(snapshot(&folder.db()), before);
    assert_eq!(return_files(&db), 0);
    assert_eq!(boleto_statuses(&db), ["sent", "sent", "sent"]);

    // One unreadable line (letters in the amount paid, line 12): reported with its
    // number and positions; the rest is taken in.
    let broken: Vec<String> = good
        .split("\r\n")
        .enumerate()
        .map(|(index, line)| {
            if index == 11 {
                format!("{}00000000004X000{}", &line[..77], &line[92..])
            } else {
                line.to_string()
            }
        })
        .collect();
    let summary = services::bank::import(
        &mut db,
        &ana(),
        &broken.join("\r\n"),
        "retorno.ret",
        date(2026, 12, 11),
    )
    .unwrap();
    assert_eq!(
        summary.problems,
        ["Linha 12, posições 78 a 92: esperava um valor e encontrou “00000000004X000”."]
    );
    assert_eq!((summary.confirmed.count, summary.paid.count), (2, 0));
    assert_eq!(
        boleto_statuses(&db),
        ["registered", "written_off", "rejected"]
    );
}

#[test]
fn round_trip_the_board_shows_the_customer_who_paid_at_the_bank_as_paid() {
    let folder = Folder::new();
    let (mut db, _) = store_with_boletos(&folder, Bank::Itau);
    // Pedro bought the same on the same day; his boletos come after Joana's.
    let pedro =
        services::customers::create(&mut db, &ana(), &reachable("Pedro Lima", "529.982.247-25"))
            .unwrap();
    let terms = sale_terms(date(2026, 12, 10), 120_000, 3);
    let sale =
        services::sales::create(&mut db, &ana(), pedro, &terms, PaymentMethod::Cash).unwrap();
    services::boletos::issue_for_sale(&mut db, &ana(), sale.sale_id, today()).unwrap();
    remit(&mut db);
    let day = date(2026, 12, 11);
    let late = |db: &Database| -> Vec<String> {
        services::board::detail(db, day)
            .unwrap()
            .customers
            .into_iter()
            .map(|customer| customer.name)
            .collect()
    };
    assert_eq!(late(&db), ["Joana Araújo", "Pedro Lima"]);
    import(&mut db, Bank::Itau, day);
    assert_eq!(late(&db), ["Pedro Lima"]);
    // The ruler thanks Joana for the payment the bank reported.
    let now = day.and_hms_opt(10, 0, 0).unwrap();
    let run = services::ruler::run(&mut db, &ana(), now, true).unwrap();
    let joana = services::customers::resolve(&db, "Joana").unwrap();
    assert!(
        run.planned
            .iter()
            .any(|contact| contact.customer_id == joana && contact.payment_id.is_some()),
        "{:?}",
        run.planned
    );
    assert!(
        !run.planned
            .iter()
            .any(|contact| contact.customer_id == joana && contact.payment_id.is_none())
    );
}

#[test]
fn the_command_line_remits_and_imports() {
    let folder = Folder::new();
    let (db, _) = store_with_boletos(&folder, Bank::Bradesco);
    drop(db);
    let out = folder.path("CB221101.REM");
    let text = ok(
        &folder.db(),
        &[
            "--today",
            "2026-11-22",
            "bank",
            "remit",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        text.contains("3 boletos a registrar (R$ 1.200,00)"),
        "{text}"
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("01REMESSA01COBRANCA"));
    let summary = json(
        &folder.db(),
        &[
            "--today",
            "2026-12-11",
            "bank",
            "import",
            fixture(Bank::Bradesco).to_str().unwrap(),
        ],
    );
    assert_eq!(summary["paid"]["count"], 1);
    assert_eq!(summary["paid"]["amount"], 40_000);
    assert_eq!(summary["confirmed"]["count"], 2);
    assert_eq!(summary["rejected"]["count"], 1);
    let again = ok(
        &folder.db(),
        &[
            "--today",
            "2026-12-11",
            "bank",
            "import",
            fixture(Bank::Bradesco).to_str().unwrap(),
        ],
    );
    assert!(again.contains("já tinha sido importado"), "{again}");
    let files = ok(&folder.db(), &["bank", "files"]);
    assert!(
        files.contains("CB221101.REM") && files.contains("retorno-237.ret"),
        "{files}"
    );
    // A file of another bank: a Portuguese message, exit 1, nothing taken in.
    let output = regua(
        &folder.db(),
        &[
            "--today",
            "2026-12-11",
            "bank",
            "import",
            fixture(Bank::Itau).to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("banco 341"), "{}", stderr(&output));
}

#[test]
fn the_owner_writes_the_remittance_and_takes_in_the_return_on_the_bank_screen() {
    use regua::ui::screen::bank::Message as BankMessage;
    use regua::ui::{App, Message, Screen};

    let folder = Folder::new();
    let mut db = crate::ui::portuguese(&folder);
    let (owner, _) = owner_and_clerk(&mut db, &store_input());
    let owner = regua::services::Actor::person(&owner);
    services::boletos::set_account(&mut db, &owner, &account(Bank::BancoDoBrasil)).unwrap();
    let customer = services::customers::create(
        &mut db,
        &owner,
        &reachable("Joana Araújo", "111.444.777-35"),
    )
    .unwrap();
    let terms = sale_terms(date(2026, 12, 10), 120_000, 3);
    let sale =
        services::sales::create(&mut db, &owner, customer, &terms, PaymentMethod::Cash).unwrap();
    services::boletos::issue_for_sale(&mut db, &owner, sale.sale_id, today()).unwrap();
    drop(db);

    let mut app = App::new(folder.db(), Some(date(2026, 12, 1))).unwrap();
    crate::ui::sign_in(&mut app, "Dona Marta");
    let _ = app.update(Message::Key(
        iced::keyboard::Key::Named(iced::keyboard::key::Named::F6),
        iced::keyboard::Modifiers::empty(),
    ));
    assert!(matches!(app.screen(), Screen::Bank(_)));
    for text in [
        "A registrar (3)",
        "Banco do Brasil — agência 1607, conta 30120",
        "3 boletos esperando",
        "Joana Araújo",
        "31285570000000001",
    ] {
        assert!(crate::ui::shows(&app, text), "no “{text}” on screen");
    }
    // The button asks where to save; the dialog answers with a path.
    crate::ui::click(&mut app, "Gerar arquivo de remessa");
    let path = folder.path("remessa.REM");
    let _ = app.update(Message::Bank(BankMessage::RemitTo(1, Some(path.clone()))));
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written.lines().count(), 13);
    assert!(
        app.notice()
            .is_some_and(|notice| notice.text.contains("3 boletos a registrar"))
    );
    assert!(crate::ui::shows(&app, "Enviados (3)"));
    assert!(crate::ui::shows(&app, "REMESSA_001_20261201_000001.REM"));

    let mut app = App::new(folder.db(), Some(date(2026, 12, 11))).unwrap();
    crate::ui::sign_in(&mut app, "Dona Marta");
    let _ = app.go(regua::ui::Route::Bank);
    let _ = app.update(Message::Bank(BankMessage::ImportFrom(Some(fixture(
        Bank::BancoDoBrasil,
    )))));
    for text in [
        "Pagos (1)",
        "Registrados (0)",
        "Recusados (1)",
        "Retorno retorno-001.ret importado",
        "Linha 7: Joana Araújo, parcela 3 recusada — Nosso número inválido; CPF ou CNPJ do pagador inválido",
        "Linha 11: Joana Araújo, parcela 1 — R$ 400,00 pago em 10/12/2026 (multa e juros R$ 0,00), crédito em 11/12/2026",
    ] {
        assert!(crate::ui::shows(&app, text), "no “{text}” on screen");
    }
    crate::ui::click(&mut app, "Recusados (1)");
    assert!(crate::ui::shows(
        &app,
        "Recusado: Nosso número inválido; CPF ou CNPJ do pagador inválido"
    ));
    // The same file again: said so, nothing changes.
    let before = snapshot(&folder.db());
    let _ = app.update(Message::Bank(BankMessage::ImportFrom(Some(fixture(
        Bank::BancoDoBrasil,
    )))));
    assert!(
        app.notice()
            .is_some_and(|notice| notice.text.contains("já tinha sido importado"))
    );
    assert_eq!(snapshot(&folder.db()), before);
}

#[test]
fn a_boleto_paid_at_the_bank_after_the_counter_is_reported_and_its_money_kept() {
    let folder = Folder::new();
    let (mut db, installments) = store_with_boletos(&folder, Bank::Sicredi);
    remit(&mut db);
    let customer = services::customers::resolve(&db, "Joana").unwrap();
    let day = date(2026, 12, 10);
    services::payments::receive(
        &mut db,
        &ana(),
        customer,
        Money::from_cents(40_000),
        PaymentMethod::Cash,
        day,
        day,
    )
    .unwrap();
    let summary = import(&mut db, Bank::Sicredi, date(2026, 12, 11));
    assert_eq!(
        summary.problems,
        [
            "Linha 11: a parcela 1 de Joana Araújo já estava quitada; o pagamento no banco foi usado nas outras parcelas em aberto."
        ]
    );
    // Paid twice: the bank's R$ 400,00 went to the second installment, nothing lost.
    let allocated: i64 = db
        .conn()
        .query_row(
            "SELECT sum(a.principal_cents + a.fine_cents + a.interest_cents)
             FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
             WHERE p.method = 'boleto'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(allocated, 40_000);
    let second = regua::store::ledger::installment(db.conn(), installments[1], day)
        .unwrap()
        .unwrap();
    assert_ne!(second.status, InstallmentStatus::Open);
}
