//! The negotiation wizard driven headless through `iced_test`: a clerk closes an
//! agreement inside the limits, and one beyond them with the owner's PIN and a reason.

use regua::domain::users::{Role, UserInput};
use regua::services;
use regua::ui::screen::negotiate::{self, Step};
use regua::ui::{App, Message, Route, Screen};

use crate::negotiation::late_customer;
use crate::support::*;
use crate::ui::{click, portuguese, shows, sign_in, type_into};

/// A store (with a Pix key, so the carnê can be printed), its owner Dona Marta (PIN
/// 2468), the clerk Bia, and a customer 100 days late; the app signed in as Bia on the
/// customer's screen.
fn at_the_counter(folder: &Folder) -> (App, i64) {
    let mut db = portuguese(folder);
    let owner = services::users::open_store(
        &mut db,
        &UserInput {
            name: "Dona Marta".into(),
            role: Role::Owner,
            pin: "2468".into(),
        },
        &regua::domain::settings::StoreInput {
            pix_key: "34.665.388/0001-61".into(),
            ..store_input()
        },
    )
    .unwrap();
    services::users::add(
        &mut db,
        &services::Actor::person(&owner),
        &UserInput {
            name: "Bia".into(),
            role: Role::Clerk,
            pin: String::new(),
        },
    )
    .unwrap();
    let customer = late_customer(&mut db, 1, 100);
    drop(db);
    let mut app = App::new(folder.db(), Some(today())).unwrap();
    app.context.open_documents = false;
    sign_in(&mut app, "Bia");
    let _ = app.go(Route::Customer(customer));
    (app, customer)
}

fn step(app: &App) -> Step {
    match app.screen() {
        Screen::Negotiate(state) => state.step(),
        _ => panic!("not in the wizard: {:?}", app.notice()),
    }
}

fn made(app: &App) -> i64 {
    match app.screen() {
        Screen::Negotiate(state) => state.made().unwrap().agreement_id,
        _ => panic!("not in the wizard"),
    }
}

#[test]
fn a_clerk_closes_an_agreement_inside_the_limits_and_prints_its_documents() {
    let folder = Folder::new();
    let (mut app, customer) = at_the_counter(&folder);
    click(&mut app, "Negociar");
    assert_eq!(step(&app), Step::Debts);
    assert!(shows(&app, "Negociar com Márcia Lima"));
    assert!(shows(&app, "Dívida atualizada"));
    click(&mut app, "Continuar");
    assert_eq!(step(&app), Step::Plan);
    // The options are inside the limits; the clerk takes the first with installments.
    let _ = app.update(Message::Negotiate(negotiate::Message::Choose(1)));
    assert!(shows(
        &app,
        "✓ Dentro dos limites da loja: o atendente pode fechar."
    ));
    click(&mut app, "Continuar");
    assert_eq!(step(&app), Step::Summary);
    assert!(shows(&app, "Custo efetivo total (CET)"));
    assert!(shows(&app, "Proposta válida até"));
    click(&mut app, "Confirmar acordo");
    assert_eq!(step(&app), Step::Done);
    let id = made(&app);
    assert!(shows(&app, &format!("Acordo nº {id} registrado.")));

    // The termo, the carnê and the down payment's receipt were written.
    let folder_path = folder.db().parent().unwrap().join("documentos");
    for file in [format!("acordo-{id}.pdf"), format!("carne-acordo-{id}.pdf")] {
        let path = folder_path.join(&file);
        assert!(path.exists(), "{file} missing: {:?}", app.notice());
    }
    let receipts = std::fs::read_dir(&folder_path)
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("recibo-")
        })
        .count();
    assert_eq!(receipts, 1);

    // Back on the customer, the agreement is listed and nothing is overdue.
    click(&mut app, "Voltar ao cliente");
    assert!(matches!(app.screen(), Screen::Customer(_)));
    assert!(shows(&app, "Acordos"));
    let db = regua::store::Database::open(&folder.db()).unwrap();
    let agreement = services::agreements::get(&db, id).unwrap();
    assert_eq!(agreement.customer_id, customer);
    assert_eq!(agreement.actor, "Bia");
}

#[test]
fn beyond_the_limits_the_owner_approves_with_her_pin() {
    let folder = Folder::new();
    let (mut app, _) = at_the_counter(&folder);
    click(&mut app, "Negociar");
    click(&mut app, "Continuar");
    let _ = app.update(Message::Negotiate(negotiate::Message::Choose(1)));
    click(&mut app, "Montar outra proposta");
    // Twenty installments: the band allows ten.
    // The field holds the option's count; the clerk replaces it.
    let _ = app.update(Message::Negotiate(negotiate::Message::Installments(
        String::new(),
    )));
    type_into(&mut app, "Parcelas", "20");
    assert!(
        shows(
            &app,
            "Fora dos limites da loja — precisa da aprovação do dono:"
        ),
        "no breach shown"
    );
    assert!(shows(
        &app,
        "• 20 parcelas passam do limite de 10 para esta faixa de atraso."
    ));
    click(&mut app, "Continuar");
    assert_eq!(step(&app), Step::Summary);
    assert!(shows(&app, "Aprovação do dono"));

    // Without the PIN the service refuses, and says why.
    type_into(
        &mut app,
        "Motivo da exceção",
        "Cliente antigo, perdeu o emprego",
    );
    click(&mut app, "Confirmar acordo");
    assert_eq!(step(&app), Step::Summary);
    assert!(shows(
        &app,
        "PIN errado. Restam 4 tentativa(s) antes do bloqueio de 5 minutos."
    ));
    type_into(&mut app, "PIN do dono", "2468");
    click(&mut app, "Confirmar acordo");
    assert_eq!(step(&app), Step::Done, "{:?}", app.notice());
    let id = made(&app);
    let db = regua::store::Database::open(&folder.db()).unwrap();
    let agreement = services::agreements::get(&db, id).unwrap();
    assert_eq!(agreement.installment_count, 20);
    assert_eq!(agreement.actor, "Bia");
    assert_eq!(agreement.approved_by.as_deref(), Some("Dona Marta"));
    assert_eq!(
        agreement.approval_reason.as_deref(),
        Some("Cliente antigo, perdeu o emprego")
    );
}
