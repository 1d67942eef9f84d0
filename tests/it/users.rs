//! The people at the counter on a real database: the first owner, who may add people,
//! and an owner's PIN with its lockout.

use chrono::{DateTime, Duration, Utc};
use regua::domain::users::{Role, UserInput};
use regua::error::Error;
use regua::services::{Actor, users};
use regua::store::Database;

use crate::support::*;

fn input(name: &str, role: Role, pin: &str) -> UserInput {
    UserInput {
        name: name.into(),
        role,
        pin: pin.into(),
    }
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn the_first_owner_then_only_owners_add_people() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    assert!(users::create_first_owner(&mut db, &input("Bia", Role::Clerk, "")).is_err());
    let owner =
        users::create_first_owner(&mut db, &input("Dona Marta", Role::Owner, "2468")).unwrap();
    // A second "first owner" is refused.
    assert!(users::create_first_owner(&mut db, &input("Outro", Role::Owner, "1357")).is_err());
    let as_owner = Actor::person(&users::get(&db, owner).unwrap());
    let clerk = users::add(&mut db, &as_owner, &input("Bia", Role::Clerk, "")).unwrap();
    let as_clerk = Actor::person(&users::get(&db, clerk).unwrap());
    let refused = users::add(&mut db, &as_clerk, &input("Caio", Role::Clerk, "")).unwrap_err();
    assert!(matches!(refused, Error::NotAllowed));
    assert_eq!(refused.to_string(), "Só o dono ou gerente pode fazer isso.");
    let taken = users::add(&mut db, &as_owner, &input("bia", Role::Clerk, "")).unwrap_err();
    assert!(taken.to_string().contains("Já existe alguém chamado bia"));
    let names: Vec<String> = users::list(&db)
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(names, ["Dona Marta", "Bia"]);
    // The PIN is kept only as an Argon2 hash.
    let stored: String = db
        .conn()
        .query_row("SELECT pin_hash FROM users WHERE id = ?1", [owner], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(stored.starts_with("$argon2id$"));
    assert!(!stored.contains("2468"));
}

#[test]
fn five_wrong_pins_lock_an_owner_for_five_minutes() {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let owner =
        users::create_first_owner(&mut db, &input("Dona Marta", Role::Owner, "2468")).unwrap();
    let now = at("2026-11-22T14:00:00Z");
    assert_eq!(
        users::check_pin(&mut db, owner, "2468", now).unwrap().name,
        "Dona Marta"
    );
    for tries_left in (1..=4).rev() {
        let error = users::check_pin(&mut db, owner, "1111", now).unwrap_err();
        assert!(matches!(error, Error::WrongPin { tries_left: left } if left == tries_left));
    }
    let locked = users::check_pin(&mut db, owner, "1111", now).unwrap_err();
    assert!(
        locked.to_string().contains("tente de novo em 5 minuto(s)"),
        "{locked}"
    );
    // Even the right PIN waits out the lockout.
    let still = users::check_pin(&mut db, owner, "2468", now + Duration::minutes(4)).unwrap_err();
    assert!(matches!(still, Error::Locked { minutes: 1, .. }));
    assert!(users::check_pin(&mut db, owner, "2468", now + Duration::minutes(5)).is_ok());
    let wrong: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'user.pin_wrong' AND entity_id = ?1",
            [owner],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(wrong, 5);
}
