//! Daily copies, backup on request and restore.

use regua::Error;
use regua::store::Database;
use regua::store::backup::{KEEP_DAILY, backups_folder, daily_backup};

use crate::support::*;

#[test]
fn the_first_open_of_each_day_keeps_a_copy_and_only_fourteen_are_kept() {
    let folder = Folder::new();
    let db_path = folder.db();
    ok(&db_path, &["--today", TODAY, "demo", "--customers", "10"]);
    let backups = backups_folder(&db_path);
    // Old copies from earlier days, plus a file that is not a daily copy.
    std::fs::create_dir_all(&backups).unwrap();
    for day in 1..=20 {
        std::fs::write(
            backups.join(format!("regua-2026-10-{day:02}.sqlite")),
            b"old",
        )
        .unwrap();
    }
    std::fs::write(backups.join("minha-copia.sqlite"), b"mine").unwrap();

    ok(&db_path, &["--today", TODAY, "board"]);
    // Named by the clock's date, whatever --today says.
    let clock = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let today_copy = backups.join(format!("regua-{clock}.sqlite"));
    assert!(today_copy.exists());
    let copy = Database::open(&today_copy).unwrap();
    copy.integrity_check().unwrap();
    assert!(!copy.is_empty().unwrap());

    let mut daily: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("regua-") && name.ends_with(".sqlite"))
        .collect();
    daily.sort();
    assert_eq!(daily.len(), KEEP_DAILY);
    assert_eq!(daily.last().unwrap(), &format!("regua-{clock}.sqlite"));
    assert!(backups.join("minha-copia.sqlite").exists());

    // A second open the same day makes no new copy.
    let db = Database::open(&db_path).unwrap();
    assert_eq!(
        daily_backup(&db, chrono::Local::now().date_naive()).unwrap(),
        None
    );
}

#[test]
fn backup_and_restore_round_trip() {
    let folder = Folder::new();
    let db = folder.db();
    ok(&db, &["--today", TODAY, "demo", "--customers", "25"]);
    let copy = folder.path("copia de segurança/cópia 1.sqlite");
    let printed = ok(&db, &["backup", "--out", copy.to_str().unwrap()]);
    assert!(printed.contains("Cópia gravada"));
    let board_before = json(&db, &["--today", TODAY, "board"]);

    let owed = board_before["totals"]["total_cents"].as_i64().unwrap();
    assert!(owed > 0);
    let shown = (1..=25)
        .map(|id| {
            json(
                &db,
                &["--today", TODAY, "customer", "show", &id.to_string()],
            )
        })
        .find(|s| s["totals"]["total_cents"].as_i64().unwrap() > 1_000)
        .unwrap();
    let id = shown["customer"]["id"].to_string();
    ok(&db, &["--today", TODAY, "pay", &id, "10,00"]);
    assert_ne!(json(&db, &["--today", TODAY, "board"]), board_before);

    let restored = ok(&db, &["restore", copy.to_str().unwrap()]);
    assert!(restored.contains("Banco restaurado"), "{restored}");
    assert_eq!(json(&db, &["--today", TODAY, "board"]), board_before);

    // The replaced database was kept and still has the payment.
    let kept: Vec<_> = std::fs::read_dir(backups_folder(&db))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("antes-da-restauracao-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    let old = Database::open(&kept[0]).unwrap();
    let payments_by_cli: i64 = old
        .conn()
        .query_row("SELECT count(*) FROM payments WHERE actor LIKE 'cli:%' AND sale_id IS NULL AND amount_cents = 1000", [], |r| r.get(0))
        .unwrap();
    assert_eq!(payments_by_cli, 1);
}

#[test]
fn restore_refuses_anything_but_a_sound_regua_database() {
    let folder = Folder::new();
    let db = folder.db();
    ok(&db, &["--today", TODAY, "demo", "--customers", "5"]);
    let damaged = folder.path("danificada.sqlite");
    ok(&db, &["backup", "--out", damaged.to_str().unwrap()]);
    let before = snapshot(&db);

    let text = folder.path("notas.txt");
    std::fs::write(&text, "isto não é um banco").unwrap();
    let output = regua(&db, &["restore", text.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("não é um banco de dados do Régua"),
        "{}",
        stderr(&output)
    );

    let other = folder.path("outro.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE x (y); INSERT INTO x VALUES (1);")
        .unwrap();
    assert!(matches!(
        regua::store::backup::restore(&db, &other, "t"),
        Err(Error::NotADatabase(_))
    ));

    let missing = regua(
        &db,
        &["restore", folder.path("nada.sqlite").to_str().unwrap()],
    );
    assert_eq!(missing.status.code(), Some(1));

    // A copy damaged in the middle fails the integrity check.
    let mut bytes = std::fs::read(&damaged).unwrap();
    let page = 4096;
    for byte in &mut bytes[page * 3..page * 3 + 2048] {
        *byte = 0xA5;
    }
    std::fs::write(&damaged, bytes).unwrap();
    let output = regua(&db, &["restore", damaged.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));

    assert_eq!(snapshot(&db), before);
}
