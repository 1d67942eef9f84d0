//! The `regua` binary as a person or a scheduled job uses it.

use serde_json::Value;

use crate::support::*;

fn demo(folder: &Folder, customers: &str) {
    ok(
        &folder.db(),
        &[
            "--today",
            TODAY,
            "demo",
            "--customers",
            customers,
            "--seed",
            "3",
        ],
    );
}

#[test]
fn demo_then_board_shows_every_band_with_consistent_totals() {
    let folder = Folder::new();
    let db = folder.db();
    let printed = ok(&db, &["--today", TODAY, "demo"]);
    assert!(printed.contains("300 clientes"), "{printed}");

    let board = json(&db, &["board", "--today", TODAY]);
    assert_eq!(board["today"], "2026-11-22");
    let bands = board["bands"].as_array().unwrap();
    let labels: Vec<&str> = bands.iter().map(|b| b["label"].as_str().unwrap()).collect();
    assert_eq!(
        labels,
        vec![
            "A vencer",
            "Vence hoje",
            "1–5 dias",
            "6–15 dias",
            "16–30 dias",
            "31–60 dias",
            "61–90 dias",
            "91–180 dias",
            "181–365 dias",
            "Mais de 365 dias",
            "Prescrito (mais de 5 anos)"
        ]
    );
    let keys = [
        "customers",
        "installments",
        "principal_cents",
        "fine_cents",
        "interest_cents",
        "total_cents",
    ];
    for band in bands {
        assert!(
            band["customers"].as_u64().unwrap() > 0,
            "empty band {}",
            band["label"]
        );
        for key in keys {
            assert!(band[key].is_u64(), "{key} missing in {band}");
        }
        let parts = band["principal_cents"].as_i64().unwrap()
            + band["fine_cents"].as_i64().unwrap()
            + band["interest_cents"].as_i64().unwrap();
        assert_eq!(parts, band["total_cents"].as_i64().unwrap());
    }
    for key in &keys[1..] {
        let sum: i64 = bands.iter().map(|b| b[*key].as_i64().unwrap()).sum();
        assert_eq!(sum, board["totals"][*key].as_i64().unwrap(), "{key}");
    }

    let text = ok(&db, &["--today", TODAY, "board"]);
    assert!(text.contains("Painel de inadimplência em 22/11/2026"));
    assert!(text.contains("Total geral"));

    // A second demo on the same file is refused and changes nothing.
    let before = snapshot(&db);
    let again = regua(&db, &["demo"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("já tem dados"),
        "{}",
        stderr(&again)
    );
    assert_eq!(snapshot(&db), before);
}

#[test]
fn the_same_seed_gives_the_same_board() {
    let (a, b) = (Folder::new(), Folder::new());
    demo(&a, "60");
    demo(&b, "60");
    assert_eq!(
        json(&a.db(), &["--today", TODAY, "board"]),
        json(&b.db(), &["--today", TODAY, "board"])
    );
}

fn first_customer_with_debt(db: &std::path::Path) -> Value {
    for id in 1..200 {
        let shown = json(db, &["--today", TODAY, "customer", "show", &id.to_string()]);
        let late = shown["installments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["days_overdue"].as_i64().unwrap() > 10);
        if late && !shown["customer"]["tax_id"].as_str().unwrap().is_empty() {
            return shown;
        }
    }
    panic!("no customer with debt");
}

#[test]
fn customer_show_by_cpf_and_pay_what_is_owed() {
    let folder = Folder::new();
    let db = folder.db();
    demo(&folder, "80");
    let shown = first_customer_with_debt(&db);
    let tax_id = shown["customer"]["tax_id"].as_str().unwrap().to_string();
    let formatted = shown["customer"]["tax_id_formatted"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        json(&db, &["--today", TODAY, "customer", "show", &formatted]),
        shown
    );

    let first = &shown["installments"][0];
    for key in [
        "id",
        "due_date",
        "days_overdue",
        "principal_cents",
        "fine_cents",
        "interest_cents",
        "total_cents",
    ] {
        assert!(!first[key].is_null(), "{key} missing");
    }
    assert!(first["fine_cents"].as_i64().unwrap() > 0);

    // Pay exactly the oldest installment's total: it becomes paid, nothing else moves.
    let owed = first["total_cents"].as_i64().unwrap();
    let amount = regua::domain::money::Money::from_cents(owed).format_plain();
    let receipt = json(
        &db,
        &["--today", TODAY, "pay", &tax_id, &amount, "--method", "pix"],
    );
    assert_eq!(receipt["amount_cents"].as_i64().unwrap(), owed);
    assert_eq!(receipt["method"], "pix");
    let allocations = receipt["allocations"].as_array().unwrap();
    assert_eq!(allocations.len(), 1);
    assert_eq!(allocations[0]["installment_id"], first["id"]);
    assert_eq!(allocations[0]["status_after"], "paid");
    assert_eq!(allocations[0]["fine_cents"], first["fine_cents"]);
    assert_eq!(allocations[0]["interest_cents"], first["interest_cents"]);

    let after = json(&db, &["--today", TODAY, "customer", "show", &tax_id]);
    assert_eq!(
        after["totals"]["total_cents"].as_i64().unwrap(),
        shown["totals"]["total_cents"].as_i64().unwrap() - owed
    );

    let text = ok(&db, &["--today", TODAY, "customer", "show", &tax_id]);
    assert!(text.contains("Parcelas em aberto") || text.contains("Nenhuma parcela"));
    assert!(text.contains("Últimos pagamentos"));
}

#[test]
fn bad_input_is_refused_in_portuguese_and_changes_nothing() {
    let folder = Folder::new();
    let db = folder.db();
    demo(&folder, "30");
    let before = snapshot(&db);
    let cases: [(&[&str], &str); 9] = [
        (&["pay", "1", "12.50"], "Use vírgula para os centavos"),
        (&["pay", "1", "-10,00"], "maior que zero"),
        (&["pay", "1", "abc"], "não cabe em um valor"),
        (
            &["pay", "1", "10,00", "--method", "cheque"],
            "Forma de pagamento “cheque” desconhecida",
        ),
        (
            &["pay", "1", "10,00", "--date", "2026-13-01"],
            "Data “2026-13-01” inválida",
        ),
        (&["pay", "999999", "10,00"], "Nenhum cliente encontrado"),
        (&["config", "set", "charges.fine", "3"], "art. 52"),
        (
            &["config", "set", "store.cnpj", "11.111.111/1111-11"],
            "CNPJ inválido",
        ),
        (
            &["customer", "show", "111.444.777-36"],
            "Nenhum cliente encontrado",
        ),
    ];
    for (args, expected) in cases {
        let output = regua(&db, &[&["--today", TODAY][..], args].concat());
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let message = stderr(&output);
        assert!(message.starts_with("Erro: "), "{args:?}: {message}");
        assert!(message.contains(expected), "{args:?}: {message}");
        assert!(stdout(&output).is_empty());
    }
    let usage = regua(&db, &["pay"]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(
        stderr(&usage).contains("falta informar"),
        "{}",
        stderr(&usage)
    );
    let unknown = regua(&db, &["pagar"]);
    assert!(stderr(&unknown).contains("comando desconhecido: pagar"));
    assert_eq!(snapshot(&db), before);
}

#[test]
fn english_when_the_environment_asks_for_it() {
    let folder = Folder::new();
    let db = folder.db();
    demo(&folder, "10");
    let output = regua_in("en_US.UTF-8", &db, &["pay", "1", "12.50"]);
    assert!(
        stderr(&output).starts_with("Error: Use a comma"),
        "{}",
        stderr(&output)
    );
    let help = regua_in("en_US.UTF-8", &db, &["--help"]);
    assert!(stdout(&help).contains("Delinquency board"));
    let help = regua(&db, &["--help"]);
    assert!(stdout(&help).contains("Painel de inadimplência"));
    let version = regua(&db, &["--version"]);
    assert!(stdout(&version).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_lists_the_commands() {
    let folder = Folder::new();
    let output = regua(&folder.db(), &["--help"]);
    assert!(output.status.success());
    assert!(stdout(&output).contains("Comandos"));
}

#[test]
fn config_get_set_and_list() {
    let folder = Folder::new();
    let db = folder.db();
    assert_eq!(
        ok(&db, &["config", "get", "charges.fine"]),
        "charges.fine = 2,00 %\n"
    );
    assert_eq!(
        ok(&db, &["config", "set", "store.cnpj", "12.abc.345/01de-35"]),
        "store.cnpj = 12.ABC.345/01DE-35\n"
    );
    ok(&db, &["config", "set", "charges.monthly_interest", "0,5"]);
    ok(&db, &["config", "set", "bands.1.label", "Vai vencer"]);
    let all = json(&db, &["config", "list"]);
    assert_eq!(all["charges.monthly_interest"], "0,50 %");
    assert_eq!(all["bands.1.label"], "Vai vencer");
    let board = json(&db, &["--today", TODAY, "board"]);
    assert_eq!(board["bands"][0]["label"], "Vai vencer");
}

/// A store kept in "Loja São João/Régua dados" (as on a Windows PC whose user is "João
/// Conceição"): the database, its copies and every file the command line writes.
#[test]
fn folders_with_accents_and_spaces_work_for_the_database_and_its_files() {
    let folder = Folder::new();
    let home = folder.path("Loja São João/Régua dados");
    std::fs::create_dir_all(&home).unwrap();
    let db = home.join("regua da loja.sqlite");
    let printed = ok(&db, &["--today", TODAY, "demo", "--customers", "20"]);
    assert!(printed.contains("20 clientes"), "{printed}");
    let copy = home.join("cópia de segurança.sqlite");
    ok(&db, &["backup", "--out", copy.to_str().unwrap()]);
    assert!(copy.metadata().unwrap().len() > 0);
    let pdf = home.join("segunda via — Conceição.pdf");
    let board = json(&db, &["board", "--today", TODAY]);
    assert!(board["bands"].as_array().is_some());
    let installment: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT id FROM installments WHERE status = 'open' ORDER BY due_date LIMIT 1",
            [],
            |row| row.get(0),
        )
        .unwrap();
    ok(
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
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let remittance = home.join("remessa do Banco do Brasil.REM");
    ok(
        &db,
        &[
            "--today",
            TODAY,
            "bank",
            "remit",
            "--out",
            remittance.to_str().unwrap(),
        ],
    );
    assert!(
        std::fs::read_to_string(&remittance)
            .unwrap()
            .starts_with("001")
    );
    let restored = ok(&db, &["restore", copy.to_str().unwrap()]);
    assert!(restored.contains("cópia de segurança.sqlite"), "{restored}");
}
