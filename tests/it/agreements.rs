//! Closing an agreement on a real database: one transaction, the owner's limits enforced
//! by the service, every step audited, the termo read back from its PDF.

use chrono::{Duration, Utc};
use regua::domain::installment::PaymentMethod;
use regua::domain::money::Money;
use regua::domain::negotiation::{AgreementState, PlanTerms, ProposalKind};
use regua::domain::rate::BasisPoints;
use regua::error::Error;
use regua::services::agreements::{AgreementRequest, Approval};
use regua::services::{self, Actor};
use regua::store::Database;

use crate::negotiation::late_customer;
use crate::pdf::pdf_text;
use crate::support::*;

struct Store {
    folder: Folder,
    db: Database,
    customer: i64,
    owner: i64,
    clerk: Actor,
}

/// A store with its owner (PIN 2468), a clerk, and a customer 100 days late on four
/// installments of R$ 100,00.
fn store() -> Store {
    let folder = Folder::new();
    let mut db = Database::open(&folder.db()).unwrap();
    let (owner, clerk) = owner_and_clerk(&mut db, &store_input());
    let customer = late_customer(&mut db, 1, 100);
    Store {
        folder,
        db,
        customer,
        owner: owner.id,
        clerk,
    }
}

fn request(store: &Store, kind: ProposalKind, terms: PlanTerms) -> AgreementRequest {
    let negotiation = services::negotiation::propose(&store.db, store.customer, today()).unwrap();
    AgreementRequest {
        customer_id: store.customer,
        installment_ids: negotiation.installment_ids(),
        kind,
        terms,
        paid_now: Some(PaymentMethod::Pix),
        approval: None,
    }
}

/// The first option with installments the counter offers for this customer.
fn offered(store: &Store) -> PlanTerms {
    let negotiation = services::negotiation::propose(&store.db, store.customer, today()).unwrap();
    let option = negotiation
        .options
        .iter()
        .find(|o| o.kind == ProposalKind::Installments)
        .unwrap();
    PlanTerms {
        discount: option.discount,
        down_payment: option.down_payment,
        installments: option.installments.len() as u32,
        first_due: option.installments[0].due_date,
        monthly_rate: option.monthly_rate,
    }
}

fn audit_actions(db: &Database) -> Vec<(String, String)> {
    let mut statement = db
        .conn()
        .prepare("SELECT actor, action FROM audit_log ORDER BY id")
        .unwrap();
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn an_agreement_inside_the_limits_is_one_transaction() {
    let mut store = store();
    let terms = offered(&store);
    let before = services::negotiation::propose(&store.db, store.customer, today()).unwrap();
    let request = request(&store, ProposalKind::Installments, terms);
    let made =
        services::agreements::make(&mut store.db, &store.clerk, &request, today(), Utc::now())
            .unwrap();

    // The old installments are renegotiated and linked to the agreement.
    let renegotiated: i64 = store
        .db
        .conn()
        .query_row(
            "SELECT count(*) FROM installments i JOIN agreement_debts d ON d.installment_id = i.id
             WHERE d.agreement_id = ?1 AND i.status = 'renegotiated' AND i.closed_on = ?2",
            rusqlite::params![made.agreement_id, TODAY],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(renegotiated, 4);
    // The new installments add up to the agreement's total to the cent, the down payment
    // first and already paid, with its receipt.
    let agreement = services::agreements::get(&store.db, made.agreement_id).unwrap();
    let rows: Vec<(i64, String)> = store
        .db
        .conn()
        .prepare("SELECT amount_cents, status FROM installments WHERE sale_id = ?1 ORDER BY number")
        .unwrap()
        .query_map([made.sale_id], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len() as u32, terms.installments + 1);
    assert_eq!(
        rows.iter().map(|(cents, _)| cents).sum::<i64>(),
        agreement.total_with_financing.cents()
    );
    assert_eq!(rows[0], (terms.down_payment.cents(), "paid".to_string()));
    assert!(rows[1..].iter().all(|(_, status)| status == "open"));
    assert_eq!(agreement.debt, before.debt);
    assert_eq!(agreement.actor, "Bia");
    assert_eq!(agreement.approved_by, None);
    let receipt = services::documents::receipt_of(&store.db, made.payment_id.unwrap()).unwrap();
    assert_eq!(receipt.amount, terms.down_payment);
    // Nothing overdue is left to negotiate; the agreement is up to date.
    assert!(matches!(
        services::negotiation::propose(&store.db, store.customer, today()),
        Err(Error::NothingOverdue(_))
    ));
    let listed = services::agreements::for_customer(&store.db, store.customer, today()).unwrap();
    assert_eq!(listed[0].1, AgreementState::Active);
    let actions = audit_actions(&store.db);
    assert!(actions.contains(&("Bia".into(), "agreement.create".into())));
    assert!(actions.contains(&("Bia".into(), "payment.receive".into())));
}

#[test]
fn a_clerk_beyond_the_limits_needs_the_owners_pin_and_a_reason() {
    let mut store = store();
    // Twenty installments: the band (91–180 days) allows ten.
    let terms = PlanTerms {
        installments: 20,
        ..offered(&store)
    };
    let mut request = request(&store, ProposalKind::Custom, terms);
    let before = snapshot(&store.folder.db());

    let refused =
        services::agreements::make(&mut store.db, &store.clerk, &request, today(), Utc::now())
            .unwrap_err();
    assert!(matches!(refused, Error::NeedsOwner(_)), "{refused:?}");
    let message = refused.to_string();
    assert!(
        message.contains("20 parcelas passam do limite de 10"),
        "{message}"
    );
    assert!(message.contains("PIN"), "{message}");

    // A wrong PIN is refused too, and counts towards the owner's lockout.
    request.approval = Some(Approval {
        owner_id: store.owner,
        pin: "1111".into(),
        reason: "Cliente antigo, perdeu o emprego".into(),
    });
    let wrong =
        services::agreements::make(&mut store.db, &store.clerk, &request, today(), Utc::now())
            .unwrap_err();
    assert!(matches!(wrong, Error::WrongPin { .. }), "{wrong:?}");
    // Without a reason, even the right PIN is not enough.
    request.approval = Some(Approval {
        owner_id: store.owner,
        pin: "2468".into(),
        reason: "  ".into(),
    });
    let no_reason =
        services::agreements::make(&mut store.db, &store.clerk, &request, today(), Utc::now())
            .unwrap_err();
    assert!(matches!(no_reason, Error::ReasonRequired));
    // Nothing but audit rows was written by the refusals.
    let after = snapshot(&store.folder.db());
    for (table, count) in before.iter().zip(&after) {
        if table.0 != "audit_log" {
            assert_eq!(table, count);
        }
    }

    request.approval = Some(Approval {
        owner_id: store.owner,
        pin: "2468".into(),
        reason: "Cliente antigo, perdeu o emprego".into(),
    });
    let made =
        services::agreements::make(&mut store.db, &store.clerk, &request, today(), Utc::now())
            .unwrap();
    let agreement = services::agreements::get(&store.db, made.agreement_id).unwrap();
    assert_eq!(agreement.installment_count, 20);
    assert_eq!(agreement.approved_by.as_deref(), Some("Dona Marta"));
    assert_eq!(
        agreement.approval_reason.as_deref(),
        Some("Cliente antigo, perdeu o emprego")
    );
    let actions = audit_actions(&store.db);
    let refusals = actions
        .iter()
        .filter(|(who, action)| who == "Bia" && action == "agreement.refused")
        .count();
    assert_eq!(refusals, 3);
    assert!(actions.contains(&("Dona Marta".into(), "user.pin_wrong".into())));
    assert!(actions.contains(&("Dona Marta".into(), "user.pin_ok".into())));
    assert!(actions.contains(&("Dona Marta".into(), "agreement.approve".into())));
    assert!(actions.contains(&("Bia".into(), "agreement.create".into())));
}

#[test]
fn a_broken_agreement_shows_and_the_next_one_needs_the_owner() {
    let mut store = store();
    let terms = offered(&store);
    let request = request(&store, ProposalKind::Installments, terms);
    let made =
        services::agreements::make(&mut store.db, &store.clerk, &request, today(), Utc::now())
            .unwrap();
    // Thirty days after the first installment fell due it is still up to date; the
    // day after, broken.
    let first_due = terms.first_due;
    let on = |days: i64| first_due + Duration::days(days);
    let state = |db: &Database, day| {
        services::agreements::for_customer(db, store.customer, day).unwrap()[0].1
    };
    assert_eq!(state(&store.db, on(30)), AgreementState::Active);
    assert_eq!(state(&store.db, on(31)), AgreementState::Broken);
    let board = services::board::detail(&store.db, on(31)).unwrap();
    let row = board
        .customers
        .iter()
        .find(|row| row.customer_id == store.customer)
        .unwrap();
    assert!(row.broken_agreement);

    // The next negotiation says so and a clerk cannot close it alone.
    let negotiation = services::negotiation::propose(&store.db, store.customer, on(31)).unwrap();
    assert!(negotiation.broke_an_agreement);
    let cash = negotiation.options[0].clone();
    let next = AgreementRequest {
        customer_id: store.customer,
        installment_ids: negotiation.installment_ids(),
        kind: ProposalKind::Cash,
        terms: PlanTerms {
            discount: cash.discount,
            down_payment: cash.down_payment,
            installments: 0,
            first_due: on(60),
            monthly_rate: BasisPoints(0),
        },
        paid_now: Some(PaymentMethod::Cash),
        approval: None,
    };
    let refused =
        services::agreements::make(&mut store.db, &store.clerk, &next, on(31), Utc::now())
            .unwrap_err();
    assert!(
        refused.to_string().contains("já quebrou um acordo"),
        "{refused}"
    );
    let _ = made;
}

#[test]
fn the_termo_printed_from_the_command_line_states_every_item() {
    let mut store = store();
    let terms = PlanTerms {
        monthly_rate: BasisPoints(100),
        ..offered(&store)
    };
    let request = request(&store, ProposalKind::Custom, terms);
    let negotiation = services::negotiation::propose(&store.db, store.customer, today()).unwrap();
    let proposal = negotiation
        .check(ProposalKind::Custom, &terms)
        .unwrap()
        .proposal;
    // 1 % a month is above the store's 0 %: the owner herself approves, with a reason.
    let owner = Actor::person(&services::users::get(&store.db, store.owner).unwrap());
    let mut request = request;
    request.approval = Some(Approval {
        owner_id: store.owner,
        pin: String::new(),
        reason: "Parcelas longas".into(),
    });
    let made =
        services::agreements::make(&mut store.db, &owner, &request, today(), Utc::now()).unwrap();
    drop(store.db);
    let pdf = store.folder.path("acordo.pdf");
    ok(
        &store.folder.db(),
        &[
            "agreement",
            "print",
            &made.agreement_id.to_string(),
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    let text = pdf_text(&pdf);
    let mut expected = vec![
        "Termo de acordo e confissão de dívida".to_string(),
        format!("Acordo nº {}", made.agreement_id),
        "via do(a) devedor(a)".to_string(),
        "via da credora".to_string(),
        "Móveis Conceição Ltda, CNPJ 34.665.388/0001-61".to_string(),
        "Avenida Amazonas".to_string(),
        "Márcia Lima, CPF 529.982.247-25".to_string(),
        "Rua da Bahia".to_string(),
        "Principal em aberto".to_string(),
        "Multa por atraso".to_string(),
        "Juros de mora".to_string(),
        proposal.debt.principal.format_brl(),
        proposal.debt.fine.format_brl(),
        proposal.debt.interest.format_brl(),
        "Desconto concedido".to_string(),
        proposal.discount.format_brl(),
        "Novo total do acordo".to_string(),
        proposal.new_total.format_brl(),
        "Entrada de".to_string(),
        proposal.down_payment.format_brl(),
        "paga na assinatura deste termo".to_string(),
        "1,00 % ao mês".to_string(),
        format!("Custo efetivo total (CET): {} ao ano", proposal.cet_annual),
        "Total sem financiamento".to_string(),
        "Total com financiamento".to_string(),
        proposal.total_with_financing.format_brl(),
        format!(
            "Esta proposta vale até {}",
            proposal.valid_until.format("%d/%m/%Y")
        ),
        "Confissão".to_string(),
        "Novação".to_string(),
        "30 (trinta) dias de atraso".to_string(),
        "descontado tudo o que já foi pago".to_string(),
        "no máximo 2 %".to_string(),
        "redução proporcional dos juros".to_string(),
        "Belo Horizonte/MG, 22/11/2026".to_string(),
        "DEVEDOR(A)".to_string(),
        "CREDORA".to_string(),
        "Testemunha 1".to_string(),
        "Testemunha 2".to_string(),
        "CPF:".to_string(),
    ];
    for line in &negotiation.installments {
        expected.push(format!(
            "Venda {} – Sofá – parcela {} de 10",
            line.sale_id, line.number
        ));
        expected.push(line.due_date.format("%d/%m/%Y").to_string());
        expected.push(line.amount.format_brl());
    }
    for installment in &proposal.installments {
        expected.push(installment.due_date.format("%d/%m/%Y").to_string());
        expected.push(installment.amount.format_brl());
    }
    assert!(proposal.cet_annual > BasisPoints(0));
    let flat = text.replace('\n', " ");
    for item in expected {
        assert!(flat.contains(&item), "no “{item}” in:\n{text}");
    }
    let _ = Money::ZERO;
}
