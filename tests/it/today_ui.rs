//! Hoje, the outbox and the ruler's settings driven headless through `iced_test`: a
//! call ends in a promise, the owner cancels an e-mail, a threatening text is refused.

use std::sync::Arc;

use chrono::NaiveDate;
use regua::domain::outbox::OutboxStatus;
use regua::services::{self, Actor};
use regua::store::Database;
use regua::ui::screen::{outbox, settings, templates_form, today};
use regua::ui::{App, Message, Route, Screen};

use crate::support::*;
use crate::ui::{click, portuguese, shows, sign_in};

/// A store with a customer whose two installments are `days_late` on `day`, the ruler
/// already run at 10:00 that day; the app on `day`, signed in as `who`.
fn store_on(folder: &Folder, day: NaiveDate, who: &str) -> App {
    let mut db = portuguese(folder);
    let (owner, _) = owner_and_clerk(&mut db, &store_input());
    crate::collection::joana(&mut db, "Joana Souza");
    let now = day.and_hms_opt(10, 0, 0).unwrap();
    services::ruler::run(&mut db, &Actor::person(&owner), now, false).unwrap();
    drop(db);
    let mut app = App::new(folder.db(), Some(day)).unwrap();
    app.context.open_documents = false;
    sign_in(&mut app, who);
    app
}

fn open_today(app: &mut App) {
    let _ = app.go(Route::Today);
    let db = Database::open(app.context.path()).unwrap();
    let loaded = services::tasks::today(&db, app.context.today, 7).unwrap();
    let _ = app.update(Message::Today(today::Message::Loaded(Ok(Arc::new(loaded)))));
}

#[test]
fn a_clerk_records_a_call_that_ends_in_a_promise() {
    let folder = Folder::new();
    let monday = date(2026, 11, 30);
    let mut app = store_on(&folder, monday, "Bia");
    open_today(&mut app);
    assert!(shows(&app, "Hoje, 30/11/2026"));
    assert!(shows(&app, "Ligações a fazer (1)"));
    assert!(shows(&app, "Joana Souza"));
    assert!(shows(&app, "Próximos 7 dias da régua"));
    click(&mut app, "Promessa");
    let _ = app.update(Message::Today(today::Message::PromiseAmount(
        "100,00".into(),
    )));
    let _ = app.update(Message::Today(today::Message::ConfirmPromise));
    assert_eq!(
        app.notice().map(|n| n.text.as_str()),
        Some("Registrado: Promessa de pagamento.")
    );
    assert!(shows(&app, "Ligações a fazer (0)"));
    assert!(shows(&app, "✓ Promessa de pagamento"));
    let db = Database::open(&folder.db()).unwrap();
    let id = services::customers::resolve(&db, "52998224725").unwrap();
    assert_eq!(
        services::promises::for_customer(&db, id, monday)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_owner_reads_and_cancels_a_queued_email() {
    let folder = Folder::new();
    let mut app = store_on(&folder, date(2026, 11, 23), "Dona Marta");
    let _ = app.go(Route::Outbox);
    assert!(shows(&app, "Caixa de saída"));
    assert!(shows(&app, "Na fila (1)"));
    let id = match app.screen() {
        Screen::Outbox(state) => state.messages()[0].id,
        _ => panic!("not on the outbox: {:?}", app.notice()),
    };
    let _ = app.update(Message::Outbox(outbox::Message::Select(id)));
    assert!(shows(&app, "Para: Joana Souza <joana@cliente.com.br>"));
    click(&mut app, "Cancelar envio");
    assert!(shows(&app, "Cancelado (1)"));
    let db = Database::open(&folder.db()).unwrap();
    assert_eq!(
        services::outbox::get(&db, id).unwrap().status,
        OutboxStatus::Cancelled
    );
}

#[test]
fn the_owner_edits_the_ruler_and_a_threatening_text_is_refused() {
    let folder = Folder::new();
    let mut app = store_on(&folder, date(2026, 11, 23), "Dona Marta");
    let _ = app.go(Route::Settings);
    assert!(shows(&app, "Régua de cobrança"));
    assert!(shows(&app, "D+15"));
    // A step on D+3 by e-mail.
    let edit = |e| Message::Settings(settings::Message::Ruler(e));
    use regua::ui::screen::ruler_form::Edit;
    let _ = app.update(edit(Edit::Add));
    let steps = 11;
    let _ = app.update(edit(Edit::Offset(steps - 1, "D+3".into())));
    let _ = app.update(Message::Settings(settings::Message::Save));
    assert_eq!(
        app.notice().map(|n| n.text.as_str()),
        Some("Configurações salvas.")
    );
    assert!(
        app.context
            .settings
            .collection
            .ruler
            .steps
            .iter()
            .any(|s| s.offset == 3)
    );
    // A Saturday window past 14:00 is refused and nothing is saved.
    let _ = app.update(edit(Edit::Saturday(true)));
    let _ = app.update(edit(Edit::SaturdayTo("18:00".into())));
    let _ = app.update(Message::Settings(settings::Message::Save));
    assert!(shows(&app, "Aos sábados, contatos só entre 08:00 e 14:00."));
    assert!(app.context.settings.collection.window.saturday.is_none());

    // A subject that states the debt is refused with the reason.
    let _ = app.go(Route::Settings);
    let templates = |m| Message::Settings(settings::Message::Templates(m));
    let _ = app.update(templates(templates_form::Message::Subject(
        "Sua dívida com a {loja}".into(),
    )));
    let _ = app.update(templates(templates_form::Message::Save));
    let problem = match app.screen() {
        Screen::Settings(state) => state.templates().problem().map(str::to_string),
        _ => None,
    };
    assert!(problem.unwrap().contains("revela a dívida"));
    // The preview shows the text for a real customer.
    let _ = app.update(templates(templates_form::Message::Subject(
        "Lembrete da {loja}".into(),
    )));
    let _ = app.update(templates(templates_form::Message::Customer("Joana".into())));
    let _ = app.update(templates(templates_form::Message::Preview));
    let preview = match app.screen() {
        Screen::Settings(state) => state.templates().preview().cloned(),
        _ => None,
    };
    let (subject, body) = preview.unwrap();
    assert_eq!(subject, "Lembrete da Móveis Conceição Ltda");
    assert!(body.contains("Olá, Joana!"), "{body}");
}
