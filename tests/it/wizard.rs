//! The negotiation wizard driven headless through `iced_test`: a clerk closes an
//! agreement inside the limits, and one beyond them with the owner's PIN and a reason.

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
    owner_and_clerk(
        &mut db,
        &regua::domain::settings::StoreInput {
            pix_key: "34.665.388/0001-61".into(),
            ..store_input()
        },
    );
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

#[test]
fn the_owner_sets_the_limits_and_adds_people_a_clerk_only_sees_them() {
    use regua::ui::screen::negotiation_policy::Edit;
    use regua::ui::screen::{people, settings};
    let folder = Folder::new();
    let (mut app, _) = at_the_counter(&folder);
    sign_in(&mut app, "Dona Marta");
    let _ = app.go(Route::Settings);
    assert!(shows(&app, "Limites de negociação"));

    // Interest above 1 % a month on agreement installments is refused; nothing saved.
    let policy = |app: &mut App, edit: Edit| {
        let _ = app.update(Message::Settings(settings::Message::Policy(edit)));
    };
    policy(&mut app, Edit::MonthlyInterest("2".into()));
    click(&mut app, "Salvar");
    assert!(shows(
        &app,
        "Juros de 2,00 % ao mês nas parcelas do acordo: a lei limita a 1 % ao mês, simples."
    ));
    let db = regua::store::Database::open(&folder.db()).unwrap();
    let saved = services::settings::load(&db).unwrap().negotiation;
    assert_eq!(saved, Default::default());

    // The second band (31–90 days) up to 8 installments, minimum installment R$ 30,00.
    policy(&mut app, Edit::MonthlyInterest("0,5".into()));
    policy(&mut app, Edit::MaxInstallments(1, "8".into()));
    // (The page is long: the fields below the fold get their values as messages.)
    policy(&mut app, Edit::MinInstallment("30,00".into()));
    click(&mut app, "Salvar");
    let saved = services::settings::load(&db).unwrap().negotiation;
    assert_eq!(saved.bands[1].max_installments, 8);
    assert_eq!(saved.min_installment.cents(), 3_000);
    assert_eq!(saved.monthly_interest.value(), 50);

    // A new clerk; a PIN that is too short is refused beside the form.
    let people = |app: &mut App, message: people::Message| {
        let _ = app.update(Message::Settings(settings::Message::People(message)));
    };
    people(&mut app, people::Message::Name("Caio".into()));
    people(&mut app, people::Message::Pin("12".into()));
    people(&mut app, people::Message::Add);
    assert!(shows(&app, "O PIN tem de 4 a 8 números."));
    people(&mut app, people::Message::Pin(String::new()));
    people(&mut app, people::Message::Add);
    assert!(shows(&app, "Caio foi cadastrado(a)."));
    assert!(shows(&app, "Caio"));

    // Caio at the counter sees the settings but cannot save them.
    sign_in(&mut app, "Caio");
    let _ = app.go(Route::Settings);
    assert!(shows(
        &app,
        "Só o dono ou gerente altera as configurações. Você está como atendente."
    ));
    assert!(!shows(&app, "Salvar"));
    assert!(!shows(&app, "Adicionar pessoa"));
    let refused = services::settings::replace(
        &mut regua::store::Database::open(&folder.db()).unwrap(),
        &app.context.actor,
        &services::settings::load(&db).unwrap(),
    )
    .unwrap_err();
    assert_eq!(refused.to_string(), "Só o dono ou gerente pode fazer isso.");
}
