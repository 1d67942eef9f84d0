//! The desktop app driven headless through `iced_test`'s simulator, on real database
//! files: what a clerk clicks and types, and what the screen then shows.

use std::sync::Arc;

use iced_test::simulator;
use regua::domain::demo::DemoOptions;
use regua::services::{self, Actor};
use regua::store::Database;
use regua::ui::screen::{board, customers};
use regua::ui::{App, Message, Route, Screen};

use crate::support::*;

/// A database whose app language is Portuguese whatever the environment says.
pub fn portuguese(folder: &Folder) -> Database {
    let mut db = Database::open(&folder.db()).unwrap();
    services::preferences::set_language(&mut db, regua::i18n::Language::Portuguese).unwrap();
    db
}

fn empty_app(folder: &Folder) -> App {
    drop(portuguese(folder));
    App::new(folder.db(), Some(today())).unwrap()
}

fn demo_app(folder: &Folder, customers: u32) -> App {
    let mut db = portuguese(folder);
    services::demo::create(
        &mut db,
        &Actor::system("teste"),
        &DemoOptions {
            customers,
            seed: 5,
            today: today(),
        },
    )
    .unwrap();
    drop(db);
    let mut app = App::new(folder.db(), Some(today())).unwrap();
    // Printing writes the PDF; no viewer opens on the test machine.
    app.context.open_documents = false;
    sign_in(&mut app, services::demo::DEMO_OWNER);
    app
}

/// Signs `name` in as the counter screen would, then opens the board.
pub fn sign_in(app: &mut App, name: &str) {
    let db = Database::open(&folder_path(app)).unwrap();
    let user = services::users::list(&db)
        .unwrap()
        .into_iter()
        .find(|user| user.name == name)
        .unwrap_or_else(|| panic!("no user {name}"));
    app.context.sign_in(&user);
    let _ = app.go(Route::Board);
}

/// Feeds the messages a simulated interaction produced back into the app.
pub fn settle(app: &mut App, messages: impl IntoIterator<Item = Message>) {
    for message in messages {
        let _ = app.update(message);
    }
}

/// Clicks a text on screen, then applies what it produced.
pub fn click(app: &mut App, label: &str) {
    let mut ui = simulator(app.view());
    ui.click(label)
        .unwrap_or_else(|e| panic!("no “{label}” on screen: {e:?}"));
    let messages: Vec<Message> = ui.into_messages().collect();
    settle(app, messages);
}

/// Types into the field labelled `field` (or, failing that, the input showing that text).
pub fn type_into(app: &mut App, field: &str, text: &str) {
    let mut ui = simulator(app.view());
    let by_id = iced_test::selector::id(regua::ui::widget::field_id(field));
    if ui.click(by_id).is_err() {
        ui.click(field)
            .unwrap_or_else(|e| panic!("no field “{field}”: {e:?}"));
    }
    let _ = ui.typewrite(text);
    let messages: Vec<Message> = ui.into_messages().collect();
    settle(app, messages);
}

pub fn shows(app: &App, text: &str) -> bool {
    let mut ui = simulator(app.view());
    ui.find(text).is_ok()
}

fn load_board(app: &mut App) {
    let db = Database::open(&folder_path(app)).unwrap();
    let detail = services::board::detail(&db, today()).unwrap();
    let _ = app.update(Message::Board(board::Message::Loaded(Ok(Arc::new(detail)))));
}

fn folder_path(app: &App) -> std::path::PathBuf {
    app.context.path().to_path_buf()
}

#[test]
fn the_welcome_flow_creates_the_store() {
    let folder = Folder::new();
    let mut app = empty_app(&folder);
    assert!(matches!(app.screen(), Screen::Welcome(_)));
    assert_eq!(app.title(), "Régua");

    // Saving an empty form marks every required field.
    click(&mut app, "Salvar e começar");
    let Screen::Welcome(state) = app.screen() else {
        panic!("left the welcome")
    };
    assert!(state.errors().len() >= 7, "{:?}", state.errors());
    assert!(shows(&app, "Campo obrigatório."));

    let fields = [
        ("Razão social", "Móveis Conceição Ltda"),
        ("CNPJ", "34.665.388/0001-61"),
        ("Telefone", "(31) 3222-1234"),
        ("E-mail", "loja@exemplo.com.br"),
        ("Endereço", "Avenida Amazonas"),
        ("Cidade", "Belo Horizonte"),
        ("UF", "MG"),
        ("CEP", "30180-001"),
    ];
    for (field, value) in fields {
        type_into(&mut app, field, value);
    }
    // The owner is asked for too; a short PIN is refused beside the form.
    type_into(&mut app, "Nome do dono ou gerente", "Conceição Souza");
    type_into(&mut app, "PIN do dono (4 a 8 números)", "12");
    click(&mut app, "Salvar e começar");
    assert!(shows(&app, "O PIN tem de 4 a 8 números."));
    assert!(matches!(app.screen(), Screen::Welcome(_)));
    type_into(&mut app, "PIN do dono (4 a 8 números)", "3456");
    click(&mut app, "Salvar e começar");
    assert!(
        matches!(app.screen(), Screen::Customers(_)),
        "still on the welcome: {:?}",
        app.notice()
    );
    assert_eq!(app.title(), "Régua — Móveis Conceição Ltda");
    assert_eq!(app.context.actor.name(), "Conceição Souza");
    assert!(app.context.actor.is_owner());
    let db = Database::open(&folder.db()).unwrap();
    let settings = services::settings::load(&db).unwrap();
    assert_eq!(
        settings.store.cnpj.unwrap().formatted(),
        "34.665.388/0001-61"
    );
}

#[test]
fn an_invalid_cnpj_is_shown_beside_its_field() {
    let folder = Folder::new();
    let mut app = empty_app(&folder);
    type_into(&mut app, "CNPJ", "11.111.111/1111-11");
    click(&mut app, "Salvar e começar");
    assert!(shows(&app, "CNPJ inválido: todos os dígitos são iguais."));
    let db = Database::open(&folder.db()).unwrap();
    assert!(db.is_empty().unwrap());
}

#[test]
fn search_and_open_a_customer_then_receive_a_payment() {
    let folder = Folder::new();
    let mut app = demo_app(&folder, 60);
    let _ = app.go(Route::Customers);
    // Pick a late customer from the service, then find them as a clerk would.
    let db = Database::open(&folder.db()).unwrap();
    let (id, name) = (1..=60)
        .map(|id| services::customers::statement(&db, id, today()).unwrap())
        .find(|s| s.totals.fine.is_positive())
        .map(|s| (s.customer.id, s.customer.customer.name.clone()))
        .unwrap();
    let folded = regua::domain::text::fold(&name);
    type_into(&mut app, "Nome, CPF/CNPJ ou telefone", &folded);
    let Screen::Customers(state) = app.screen() else {
        panic!()
    };
    let position = state.results().iter().position(|c| c.id == id).unwrap();
    for _ in 0..position {
        let _ = app.update(Message::Customers(customers::Message::Down));
    }
    let _ = app.update(Message::Customers(customers::Message::OpenSelected));
    let Screen::Customer(detail) = app.screen() else {
        panic!("not opened: {:?}", app.notice())
    };
    let owed = detail.statement().totals.total;
    assert!(shows(&app, &owed.format_brl()));

    click(&mut app, "Receber pagamento");
    let Screen::Payment(payment) = app.screen() else {
        panic!()
    };
    assert!(!payment.allocations().unwrap().is_empty());
    // Pay R$ 10,00 instead of the whole debt.
    let _ = app.update(Message::Payment(
        regua::ui::screen::payment::Message::Amount("10,00".into()),
    ));
    // Enter confirms, as on every form.
    let _ = app.update(Message::Key(
        iced::keyboard::Key::Named(iced::keyboard::key::Named::Enter),
        iced::keyboard::Modifiers::empty(),
    ));
    let Screen::Customer(detail) = app.screen() else {
        panic!("{:?}", app.notice())
    };
    assert_eq!(
        detail.statement().totals.total,
        owed - regua::domain::money::Money::from_cents(1_000)
    );
    assert!(app.notice().unwrap().text.contains("R$ 10,00"));
}

#[test]
fn the_board_shows_the_same_totals_as_the_service_and_privacy_hides_names() {
    let folder = Folder::new();
    let mut app = demo_app(&folder, 120);
    assert!(matches!(app.screen(), Screen::Board(_)));
    load_board(&mut app);
    let db = Database::open(&folder.db()).unwrap();
    let board = services::board::board(&db, today()).unwrap();
    assert!(shows(&app, &board.totals.total.format_brl()));
    for row in &board.rows {
        assert!(shows(&app, &row.label));
    }
    let Screen::Board(state) = app.screen() else {
        panic!()
    };
    let detail = state.detail().unwrap();
    let selected = state.selected();
    let first = detail
        .customers
        .iter()
        .find(|c| c.slot == selected)
        .unwrap()
        .name
        .clone();
    assert!(shows(&app, &first));

    let _ = app.update(Message::TogglePrivacy);
    assert!(!shows(&app, &first));
    assert!(!shows(&app, &board.totals.total.format_brl()));
    assert!(shows(
        &app,
        "Modo privacidade: nomes e valores escondidos (F8 para mostrar)."
    ));
    let _ = app.update(Message::Key(
        iced::keyboard::Key::Named(iced::keyboard::key::Named::F8),
        iced::keyboard::Modifiers::empty(),
    ));
    assert!(shows(&app, &first));
}

#[test]
fn a_new_sale_shows_its_split_before_confirming() {
    let folder = Folder::new();
    let mut app = demo_app(&folder, 5);
    let _ = app.go(Route::NewSale(1));
    type_into(&mut app, "Valor da venda", "1000,00");
    let _ = app.update(Message::Sale(
        regua::ui::screen::sale::Message::Installments("3".into()),
    ));
    assert!(shows(&app, "R$ 333,34"));
    assert!(shows(
        &app,
        "Soma das parcelas R$ 1.000,00 + entrada R$ 0,00 = R$ 1.000,00"
    ));
    click(&mut app, "Confirmar venda");
    assert!(
        matches!(app.screen(), Screen::Customer(_)),
        "{:?}",
        app.notice()
    );
    assert!(app.notice().unwrap().text.contains("3 parcelas"));
}

#[test]
fn settings_refuse_a_fine_above_the_law() {
    let folder = Folder::new();
    let mut app = demo_app(&folder, 3);
    let _ = app.go(Route::Settings);
    let _ = app.update(Message::Settings(
        regua::ui::screen::settings::Message::Fine("5".into()),
    ));
    click(&mut app, "Salvar");
    let refusal =
        regua::domain::charges::PolicyError::FineAboveCap(regua::domain::rate::BasisPoints(500))
            .to_string();
    assert!(refusal.starts_with("Multa de 5,00 % recusada"));
    assert!(shows(&app, &refusal));
    assert_eq!(app.context.settings.charges.fine.value(), 200);
}

/// The language is global to the process: this runs in a child process of its own.
#[test]
fn english_can_be_chosen() {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "ui::english_in_its_own_process",
            "--nocapture",
        ])
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{printed}");
    assert!(printed.contains("1 passed"), "{printed}");
}

#[test]
#[ignore = "run by english_can_be_chosen in a process of its own"]
fn english_in_its_own_process() {
    let folder = Folder::new();
    let mut app = demo_app(&folder, 3);
    let _ = app.go(Route::Settings);
    let _ = app.update(Message::Settings(
        regua::ui::screen::settings::Message::Language(regua::i18n::Language::English),
    ));
    assert!(shows(&app, "Settings"));
    assert!(shows(&app, "Language changed."));
    // The choice is kept for the next start.
    drop(app);
    let mut app = App::new(folder.db(), Some(today())).unwrap();
    assert!(shows(&app, "Who is at the counter?"));
    sign_in(&mut app, services::demo::DEMO_OWNER);
    assert!(shows(&app, "Delinquency board"));
}

/// The figures of the app issue, on the 50,000-customer demo. Run with
/// `cargo test --release --test it ui_performance -- --ignored --nocapture`.
#[test]
#[ignore = "a benchmark: run in release with --ignored"]
fn ui_performance_on_50000_customers() {
    use std::time::Instant;
    let folder = Folder::new();
    let started = Instant::now();
    drop(demo_app(&folder, 50_000));
    println!("demo store created in {:?}", started.elapsed());

    // Launch to board drawn: open, compute the board, lay out and draw its view.
    let started = Instant::now();
    let mut app = App::new(folder.db(), Some(today())).unwrap();
    sign_in(&mut app, services::demo::DEMO_OWNER);
    load_board(&mut app);
    {
        let mut ui = simulator(app.view());
        let _ = ui.find("Painel de inadimplência").unwrap();
        let _ = ui.snapshot(&regua::ui::theme::theme()).unwrap();
    }
    let launch = started.elapsed();
    println!("launch to board drawn (in process, tiny-skia): {launch:?}");

    let mut worst_band = std::time::Duration::ZERO;
    for _ in 0..10 {
        let started = Instant::now();
        let _ = app.update(Message::Board(board::Message::Up));
        let mut ui = simulator(app.view());
        let _ = ui.find("Painel de inadimplência");
        worst_band = worst_band.max(started.elapsed());
    }
    println!("switching bands, update + view + layout, worst of 10: {worst_band:?}");

    let _ = app.go(Route::Customers);
    let mut worst_key = std::time::Duration::ZERO;
    let mut query = String::new();
    for letter in "conceicao".chars() {
        query.push(letter);
        let started = Instant::now();
        let _ = app.update(Message::Customers(customers::Message::QueryChanged(
            query.clone(),
        )));
        let mut ui = simulator(app.view());
        let _ = ui.find("Clientes");
        worst_key = worst_key.max(started.elapsed());
    }
    println!("a keystroke in the customer search, update + view + layout, worst: {worst_key:?}");
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let rss = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("");
    println!("peak resident memory of this process: {rss}");
}

#[test]
fn the_customer_screen_prints_a_second_copy_a_carne_and_a_receipt() {
    let folder = Folder::new();
    let mut app = demo_app(&folder, 40);
    let db = Database::open(&folder.db()).unwrap();
    let statement = (1..=40)
        .map(|id| services::customers::statement(&db, id, today()).unwrap())
        .find(|s| !s.open_installments.is_empty() && !s.payments.is_empty())
        .unwrap();
    let _ = app.go(Route::Customer(statement.customer.id));
    let documents = folder.db().parent().unwrap().join("documentos");

    click(&mut app, "2ª via");
    let first = &statement.open_installments[0];
    let second_copy = documents.join(format!("segunda-via-parcela-{}.pdf", first.id));
    assert!(second_copy.exists(), "{:?}", app.notice());
    assert!(app.notice().unwrap().text.contains("segunda-via-parcela"));
    assert!(std::fs::read(&second_copy).unwrap().starts_with(b"%PDF"));

    click(&mut app, "Recibo");
    let receipt = documents.join(format!("recibo-{}.pdf", statement.payments[0].id));
    assert!(receipt.exists(), "{:?}", app.notice());

    let carne_label = format!("{} (#{})", first.description, first.sale_id);
    click(&mut app, &carne_label);
    assert!(
        documents
            .join(format!("carne-venda-{}.pdf", first.sale_id))
            .exists(),
        "{:?}",
        app.notice()
    );
}

#[test]
fn a_new_due_date_issues_a_new_boleto_and_retires_the_old() {
    let folder = Folder::new();
    let mut app = demo_app(&folder, 40);
    let db = Database::open(&folder.db()).unwrap();
    let statement = (1..=40)
        .map(|id| services::customers::statement(&db, id, today()).unwrap())
        .find(|s| {
            s.open_installments
                .iter()
                .any(|l| l.charges.days_overdue > 0)
        })
        .unwrap();
    let late = statement
        .open_installments
        .iter()
        .find(|l| l.charges.days_overdue > 0)
        .unwrap()
        .clone();
    let old = services::boletos::current(&db, late.id).unwrap().unwrap();
    let _ = app.go(Route::Customer(statement.customer.id));
    let position = statement
        .open_installments
        .iter()
        .position(|l| l.id == late.id)
        .unwrap();
    let _ = app.update(Message::Customer(
        regua::ui::screen::customer::Message::NewDueFor(late.id),
    ));
    assert!(position < statement.open_installments.len());
    // A date in the past is refused beside the field and changes nothing.
    let _ = app.update(Message::Customer(
        regua::ui::screen::customer::Message::NewDueDate("01/01/2020".into()),
    ));
    click(&mut app, "Emitir novo boleto");
    assert!(shows(
        &app,
        "O vencimento 01/01/2020 já passou: escolha hoje ou uma data futura."
    ));
    assert_eq!(
        services::boletos::current(&db, late.id).unwrap().unwrap(),
        old
    );

    let _ = app.update(Message::Customer(
        regua::ui::screen::customer::Message::NewDueDate("30/11/2026".into()),
    ));
    click(&mut app, "Emitir novo boleto");
    let new = services::boletos::current(&db, late.id).unwrap().unwrap();
    assert_ne!(new.our_number, old.our_number);
    assert_eq!(new.due_date, date(2026, 11, 30));
    // The new boleto charges what the engine says the installment is worth that day.
    assert!(new.amount > old.amount);
    let retired: String = db
        .conn()
        .query_row("SELECT status FROM boletos WHERE id = ?1", [old.id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(retired, "to_write_off");
}

/// The button's label wraps in the simulator's narrow window; send what it sends.
fn save_account(app: &mut App) {
    let _ = app.update(Message::Settings(
        regua::ui::screen::settings::Message::SaveAccount,
    ));
}

#[test]
fn the_bank_account_form_shows_each_error_beside_its_field_then_saves() {
    let folder = Folder::new();
    let mut app = demo_app(&folder, 5);
    let _ = app.go(Route::Settings);
    type_into(&mut app, "Convênio / código do beneficiário", "12");
    save_account(&mut app);
    assert!(shows(
        &app,
        "Para o Banco do Brasil o código tem 4, 6, 7 ou 8 dígitos."
    ));
    let db = Database::open(&folder.db()).unwrap();
    let before = services::boletos::active_account(&db).unwrap().unwrap();
    assert_eq!(before.beneficiary_code, "3128557");

    let _ = app.update(Message::Settings(
        regua::ui::screen::settings::Message::Bank(regua::boleto::account::Bank::Sicoob),
    ));
    let edits = [
        regua::ui::screen::settings::Message::Agency("4133".into()),
        regua::ui::screen::settings::Message::Account("12345-6".into()),
        regua::ui::screen::settings::Message::BeneficiaryCode("0012345".into()),
    ];
    for edit in edits {
        let _ = app.update(Message::Settings(edit));
    }
    save_account(&mut app);
    let after = services::boletos::active_account(&db).unwrap().unwrap();
    assert_eq!(after.bank, regua::boleto::account::Bank::Sicoob);
    assert_eq!(after.wallet, "1");
    assert!(app.notice().unwrap().text.contains("Sicoob"));
}

#[test]
fn the_day_end_prints_its_pdf_and_shows_progress_of_the_carnes() {
    use regua::ui::screen::day_end;
    let folder = Folder::new();
    let mut app = demo_app(&folder, 30);
    let _ = app.go(Route::DayEnd);
    let db = Database::open(&folder.db()).unwrap();
    let report = services::day_end::report(&db, today()).unwrap();
    let _ = app.update(Message::DayEnd(day_end::Message::Loaded(Ok(Arc::new(
        report,
    )))));
    click(&mut app, "Imprimir PDF");
    let pdf = folder
        .db()
        .parent()
        .unwrap()
        .join("documentos")
        .join("fechamento-2026-11-22.pdf");
    assert!(pdf.exists(), "{:?}", app.notice());

    // The worker's reports move the progress bar, then the notice names the file.
    let _ = app.update(Message::DayEnd(day_end::Message::Carnes(
        day_end::CarneEvent::Progress(1, 3),
    )));
    assert!(shows(&app, "Gerando carnês: 1 de 3 vendas…"));
    let _ = app.update(Message::DayEnd(day_end::Message::Carnes(
        day_end::CarneEvent::Done(Ok(pdf.clone())),
    )));
    assert!(!shows(&app, "Gerando carnês: 1 de 3 vendas…"));
    assert!(
        app.notice()
            .unwrap()
            .text
            .contains("fechamento-2026-11-22.pdf")
    );
}

#[test]
fn who_is_at_the_counter_signs_in_and_a_wrong_pin_is_refused() {
    let folder = Folder::new();
    let mut app = demo_app(&folder, 3);
    // Opening the app asks who is at the counter; the shortcuts wait for an answer.
    let mut app2 = App::new(folder.db(), Some(today())).unwrap();
    assert!(matches!(app2.screen(), Screen::Counter(_)));
    let _ = app2.go(Route::Board);
    assert!(matches!(app2.screen(), Screen::Counter(_)));

    // A clerk without a PIN enters with a click and the sidebar names her.
    click(&mut app2, "Ana (demonstração)");
    assert!(matches!(app2.screen(), Screen::Board(_)));
    assert_eq!(app2.context.actor.name(), "Ana (demonstração)");
    assert!(shows(&app2, "Atendente"));

    // The owner needs her PIN: a wrong one says how many tries are left.
    click(&mut app2, "Trocar de pessoa");
    assert!(matches!(app2.screen(), Screen::Counter(_)));
    click(&mut app2, services::demo::DEMO_OWNER);
    type_into(&mut app2, "PIN", "9999");
    click(&mut app2, "Entrar");
    assert!(shows(
        &app2,
        "PIN errado. Restam 4 tentativa(s) antes do bloqueio de 5 minutos."
    ));
    assert!(matches!(app2.screen(), Screen::Counter(_)));
    type_into(&mut app2, "PIN", services::demo::DEMO_OWNER_PIN);
    click(&mut app2, "Entrar");
    assert!(matches!(app2.screen(), Screen::Board(_)));
    assert!(app2.context.actor.is_owner());
    drop(app2);

    // Every try is in the audit trail under the owner's name.
    let db = Database::open(&folder.db()).unwrap();
    let tries: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action IN ('user.pin_ok', 'user.pin_wrong')",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert!(tries >= 2, "{tries}");
    let _ = app.go(Route::Board);
}
