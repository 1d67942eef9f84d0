//! The database file itself: creation, migrations, refusals, constraints, atomicity.

use std::process::Command;
use std::time::{Duration, Instant};

use regua::Error;
use regua::store::{self, Database, SCHEMA_VERSION};

use crate::support::*;

#[test]
fn creates_migrates_and_reopens_a_real_file() {
    let folder = Folder::new();
    let path = folder.db();
    {
        let db = Database::open(&path).unwrap();
        assert!(db.is_empty().unwrap());
        assert_eq!(store::schema_version(db.conn()).unwrap(), SCHEMA_VERSION);
        let mode: String = db
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let foreign_keys: bool = db
            .conn()
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert!(foreign_keys);
        let strict: i64 = db
            .conn()
            .query_row(
                "SELECT count(*) FROM pragma_table_list WHERE strict = 1 AND schema = 'main'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(strict >= 7, "every table is STRICT, found {strict}");
    }
    let db = Database::open(&path).unwrap();
    assert_eq!(store::schema_version(db.conn()).unwrap(), SCHEMA_VERSION);
    db.integrity_check().unwrap();
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let folder = Folder::new();
    let path = folder.db();
    drop(Database::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Database::open(&path) {
        Err(Error::NewerSchema { found, known }) => {
            assert_eq!((found, known), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected NewerSchema, got {:?}", other.map(|_| ())),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let output = regua(&path, &["board"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("versão mais nova do Régua"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let folder = Folder::new();
    let path = folder.path("planilha.sqlite");
    std::fs::write(&path, "nome;valor\nMaria;10,00\n".repeat(200)).unwrap();
    assert!(matches!(Database::open(&path), Err(Error::NotADatabase(_))));
    let output = regua(&path, &["board"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("não é um banco de dados do Régua"));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("nome;valor")
    );
}

#[test]
fn check_constraints_refuse_negative_money() {
    let folder = Folder::new();
    ok(
        &folder.db(),
        &["--today", TODAY, "demo", "--customers", "20"],
    );
    let db = Database::open(&folder.db()).unwrap();
    let negative = db.conn().execute(
        "UPDATE installments SET amount_cents = -1 WHERE id = (SELECT min(id) FROM installments)",
        [],
    );
    assert!(negative.is_err());
    let bad_allocation = db.conn().execute(
        "INSERT INTO payment_allocations VALUES ((SELECT min(id) FROM payments),
            (SELECT max(id) FROM installments), -5, 0, 0, 0)",
        [],
    );
    assert!(bad_allocation.is_err());
}

/// A process killed in the middle of its transaction leaves the file as it was.
#[test]
fn a_process_killed_mid_action_leaves_the_previous_state() {
    let folder = Folder::new();
    let path = folder.db();
    drop(Database::open(&path).unwrap());
    let wal = path.with_extension("sqlite-wal");
    let mut child = Command::new(env!("CARGO_BIN_EXE_regua"))
        .args(["--db", path.to_str().unwrap(), "--today", TODAY])
        .args(["demo", "--customers", "200000"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the transaction has spilled pages into the WAL, then kill it.
    let started = Instant::now();
    while std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) < 256 * 1024 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "demo finished before it could be killed"
        );
        assert!(started.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let db = Database::open(&path).unwrap();
    db.integrity_check().unwrap();
    assert!(db.is_empty().unwrap(), "the killed demo left data behind");
    let customers: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(customers, 0);
}

#[test]
fn a_database_locked_by_another_program_is_reported_and_nothing_changes() {
    let folder = Folder::new();
    let path = folder.db();
    ok(&path, &["--today", TODAY, "demo", "--customers", "5"]);
    ok(&path, &["board"]); // the day's backup, so the locked run below writes nothing else
    let before = snapshot(&path);
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let output = regua(&path, &["--today", TODAY, "pay", "1", "1,00"]);
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("em uso por outro programa"),
        "{}",
        stderr(&output)
    );
    drop(holder);
    assert_eq!(snapshot(&path), before);
}

/// SQLite reports a full disk as SQLITE_FULL; a page limit produces the same error.
#[test]
fn a_full_disk_is_reported_and_nothing_is_half_written() {
    use regua::domain::demo::DemoOptions;
    use regua::services::{self, Actor};

    let folder = Folder::new();
    let path = folder.db();
    let mut db = Database::open(&path).unwrap();
    let pages: i64 = db
        .conn()
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    db.conn()
        .pragma_update(None, "max_page_count", pages + 20)
        .unwrap();
    let result = services::demo::create(
        &mut db,
        &Actor::system("teste"),
        &DemoOptions {
            customers: 2_000,
            seed: 1,
            today: today(),
        },
    );
    let error = result.unwrap_err();
    assert!(matches!(error, Error::DiskFull), "{error:?}");
    assert!(error.to_string().contains("disco está cheio"));
    drop(db);
    let db = Database::open(&path).unwrap();
    db.integrity_check().unwrap();
    assert!(db.is_empty().unwrap());
}
