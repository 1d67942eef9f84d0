//! A realistic demo store, generated from a seed: customers across Brazil, credit
//! sales over the last 24 months and payment habits from punctual to never, so every
//! band of the board has customers. Payments go through the real imputation engine.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};

use super::band::BandConfig;
use super::calendar::Calendar;
use super::charges::{ChargesPolicy, charges_at};
use super::customer::{Address, Channels, CollectionStops, Consent, Customer};
use super::document::TaxId;
use super::imputation::{Allocation, impute};
use super::installment::{AppliedPayment, InstallmentLedger, PaymentMethod};
use super::money::Money;
use super::rate::BasisPoints;
use super::sale::{PlannedInstallment, SaleTerms};
use super::settings::StoreProfile;
use crate::boleto::account::{Bank, BankAccount};
use crate::boleto::pix_key::PixKey;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    pub customers: u32,
    pub seed: u64,
    pub today: NaiveDate,
}

pub struct DemoSale {
    pub terms: SaleTerms,
    pub plan: Vec<PlannedInstallment>,
    pub down_payment_method: PaymentMethod,
}

/// A payment whose allocations name installments by their position in the customer's
/// sales: `(sale index, installment number)`.
pub struct DemoPayment {
    pub date: NaiveDate,
    pub amount: Money,
    pub method: PaymentMethod,
    pub allocations: Vec<((usize, u32), Allocation)>,
}

pub struct DemoCustomer {
    pub customer: Customer,
    pub sales: Vec<DemoSale>,
    pub payments: Vec<DemoPayment>,
}

pub struct DemoPlan {
    pub store: StoreProfile,
    pub bank_account: BankAccount,
    pub customers: Vec<DemoCustomer>,
}

/// SplitMix64: tiny, and its output for a seed never changes between versions.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    fn range(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() % (high - low + 1) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

const FIRST_NAMES: [&str; 48] = [
    "Maria",
    "José",
    "Ana",
    "João",
    "Antônio",
    "Francisca",
    "Carlos",
    "Paulo",
    "Adriana",
    "Juliana",
    "Lucas",
    "Luiz",
    "Márcia",
    "Fernanda",
    "Pedro",
    "Aline",
    "Sebastião",
    "Patrícia",
    "Raimundo",
    "Sandra",
    "Conceição",
    "Gabriel",
    "Letícia",
    "Rafael",
    "Camila",
    "Marcos",
    "Jéssica",
    "Luciana",
    "Edson",
    "Vânia",
    "Cícero",
    "Rosângela",
    "Thiago",
    "Bruna",
    "Inês",
    "Severino",
    "Débora",
    "Fábio",
    "Simone",
    "Rogério",
    "Gisele",
    "Joaquim",
    "Lúcia",
    "Otávio",
    "Tânia",
    "Vitória",
    "Benedito",
    "Graça",
];

const SURNAMES: [&str; 40] = [
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Ribeiro",
    "Carvalho",
    "Araújo",
    "Almeida",
    "Lopes",
    "Soares",
    "Fernandes",
    "Vieira",
    "Barbosa",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cardoso",
    "Ramos",
    "Gonçalves",
    "Conceição",
    "Brandão",
    "Assunção",
    "Simões",
    "Guimarães",
    "Magalhães",
    "Sampaio",
    "Falcão",
];

const STREETS: [&str; 16] = [
    "Rua das Flores",
    "Avenida Brasil",
    "Rua São João",
    "Rua Sete de Setembro",
    "Rua da Conceição",
    "Avenida Getúlio Vargas",
    "Rua XV de Novembro",
    "Travessa Santa Luzia",
    "Rua Tiradentes",
    "Rua Dom Pedro II",
    "Avenida Amazonas",
    "Rua Padre Cícero",
    "Rua Marechal Deodoro",
    "Rua Castro Alves",
    "Rua Barão do Rio Branco",
    "Alameda dos Ipês",
];

const DISTRICTS: [&str; 10] = [
    "Centro",
    "Jardim América",
    "Vila Nova",
    "São José",
    "Santa Mônica",
    "Boa Vista",
    "Industrial",
    "Planalto",
    "Santo Antônio",
    "Bela Vista",
];

/// City, state, area code, first digits of its CEP.
const CITIES: [(&str, &str, &str, &str); 16] = [
    ("Belo Horizonte", "MG", "31", "301"),
    ("Contagem", "MG", "31", "321"),
    ("Uberlândia", "MG", "34", "384"),
    ("São Paulo", "SP", "11", "012"),
    ("Campinas", "SP", "19", "130"),
    ("Ribeirão Preto", "SP", "16", "140"),
    ("Rio de Janeiro", "RJ", "21", "200"),
    ("Niterói", "RJ", "21", "240"),
    ("Salvador", "BA", "71", "401"),
    ("Feira de Santana", "BA", "75", "440"),
    ("Recife", "PE", "81", "500"),
    ("Fortaleza", "CE", "85", "600"),
    ("Goiânia", "GO", "62", "740"),
    ("Curitiba", "PR", "41", "800"),
    ("Porto Alegre", "RS", "51", "900"),
    ("Belém", "PA", "91", "660"),
];

const GOODS: [(&str, i64, i64); 12] = [
    ("Sofá 3 lugares", 1_200, 3_500),
    ("Guarda-roupa 6 portas", 900, 2_800),
    ("Geladeira frost free", 2_200, 4_500),
    ("Fogão 5 bocas", 700, 1_800),
    ("Cama box casal", 800, 2_400),
    ("Mesa com 4 cadeiras", 600, 1_900),
    ("Televisão 50 polegadas", 1_900, 3_200),
    ("Máquina de lavar 12 kg", 1_500, 2_900),
    ("Colchão de molas", 500, 1_600),
    ("Estante para sala", 300, 900),
    ("Micro-ondas", 400, 900),
    ("Roupas e calçados", 80, 600),
];

const INSTALLMENT_COUNTS: [u32; 10] = [1, 2, 2, 3, 3, 4, 4, 5, 6, 10];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Habit {
    Punctual,
    SomewhatLate,
    VeryLate,
    Stopped,
    Never,
    Partial,
}

fn habit(random: &mut Random) -> Habit {
    match random.range(0, 99) {
        0..=39 => Habit::Punctual,
        40..=64 => Habit::SomewhatLate,
        65..=76 => Habit::VeryLate,
        77..=86 => Habit::Stopped,
        87..=91 => Habit::Never,
        _ => Habit::Partial,
    }
}

fn method(random: &mut Random) -> PaymentMethod {
    match random.range(0, 99) {
        0..=39 => PaymentMethod::Pix,
        40..=69 => PaymentMethod::Cash,
        70..=84 => PaymentMethod::Card,
        85..=94 => PaymentMethod::Boleto,
        _ => PaymentMethod::Transfer,
    }
}

pub fn demo_store() -> StoreProfile {
    let cnpj = TaxId::cnpj_from_base(123_456_780_001);
    StoreProfile {
        pix_key: PixKey::parse(cnpj.as_str()).ok(),
        legal_name: "Conceição Móveis e Eletro Ltda".to_string(),
        trade_name: "Móveis Conceição".to_string(),
        cnpj: Some(cnpj),
        address: Address {
            street: "Avenida Amazonas".to_string(),
            number: "1520".to_string(),
            complement: "Loja 2".to_string(),
            district: "Centro".to_string(),
            city: "Belo Horizonte".to_string(),
            state: "MG".to_string(),
            postal_code: "30180001".to_string(),
        },
        phone: "3132221234".to_string(),
        email: "contato@moveisconceicao.com.br".to_string(),
    }
}

/// A Banco do Brasil account with a 7-digit convênio, the usual kind today.
pub fn demo_bank_account() -> BankAccount {
    BankAccount {
        bank: Bank::BancoDoBrasil,
        agency: "1607".to_string(),
        agency_digit: "1".to_string(),
        account: "30120".to_string(),
        account_digit: "4".to_string(),
        beneficiary_code: "3128557".to_string(),
        wallet: "17".to_string(),
    }
}

pub fn generate(options: &DemoOptions) -> DemoPlan {
    let mut random = Random(options.seed ^ 0x5245_4755_4100_0000);
    let policy = ChargesPolicy::default();
    let calendar = Calendar::default();
    let bands = BandConfig::default();
    let mut used_ids = HashSet::new();
    let mut customers = Vec::with_capacity(options.customers as usize);
    for index in 0..options.customers {
        let customer = person(&mut random, index, &mut used_ids);
        // The first customers each sit in one band, so every band is shown.
        let anchor = (index as usize) <= bands.bands.len();
        let (sales, habit) = if anchor {
            (
                anchor_sale(
                    &mut random,
                    index as usize,
                    options.today,
                    &bands,
                    &policy,
                    &calendar,
                ),
                Habit::Never,
            )
        } else {
            (sales(&mut random, options.today), habit(&mut random))
        };
        let payments = pay(
            &mut random,
            &sales,
            habit,
            options.today,
            &policy,
            &calendar,
        );
        customers.push(DemoCustomer {
            customer,
            sales,
            payments,
        });
    }
    DemoPlan {
        bank_account: demo_bank_account(),
        store: demo_store(),
        customers,
    }
}

fn person(random: &mut Random, index: u32, used_ids: &mut HashSet<TaxId>) -> Customer {
    let first = *random.pick(&FIRST_NAMES);
    let middle = *random.pick(&SURNAMES);
    let last = *random.pick(&SURNAMES);
    let name = if random.chance(40) {
        format!("{first} {middle} {last}")
    } else {
        format!("{first} {last}")
    };
    let company = random.chance(2);
    let tax_id = loop {
        let candidate = if company {
            TaxId::cnpj_from_base(random.next() % 1_000_000_000_000)
        } else {
            TaxId::cpf_from_base((random.next() % 1_000_000_000) as u32)
        };
        if used_ids.insert(candidate.clone()) {
            break candidate;
        }
    };
    let name = if company {
        format!("{last} & {middle} Comércio Ltda")
    } else {
        name
    };
    let (city, state, area, cep_prefix) = *random.pick(&CITIES);
    let phone = format!("{area}9{:08}", random.range(60_000_000, 99_999_999));
    let email = random.chance(75).then(|| {
        let user = super::text::fold(first).replace(' ', "");
        let domain = super::text::fold(last).replace(' ', "");
        format!("{user}.{domain}{index}@exemplo.com.br")
    });
    let collection = Channels {
        email: email.is_some() && random.chance(85),
        whatsapp: random.chance(60),
        sms: random.chance(30),
    };
    let marketing = Channels {
        email: collection.email && random.chance(25),
        whatsapp: collection.whatsapp && random.chance(20),
        sms: false,
    };
    Customer {
        name,
        tax_id,
        phones: vec![phone],
        email,
        address: Address {
            street: random.pick(&STREETS).to_string(),
            number: random.range(1, 2_500).to_string(),
            complement: if random.chance(20) {
                format!("Apto {}", random.range(101, 804))
            } else {
                String::new()
            },
            district: random.pick(&DISTRICTS).to_string(),
            city: city.to_string(),
            state: state.to_string(),
            postal_code: format!("{cep_prefix}{:05}", random.range(0, 99_999)),
        },
        notes: String::new(),
        consent: Consent {
            collection,
            marketing,
        },
        stops: CollectionStops {
            disputed: random.chance(1),
            over_indebted: random.range(0, 199) == 0,
            do_not_contact: random.chance(1),
        },
    }
}

fn sale(random: &mut Random, sale_date: NaiveDate, count: u32, first_due: NaiveDate) -> DemoSale {
    let (description, low, high) = *random.pick(&GOODS);
    let total = Money::from_cents(random.range(low, high) * 100 + random.pick(&[0, 0, 50, 90]));
    let down_payment = if random.chance(35) {
        Money::from_cents(total.cents() * random.range(10, 20) / 100)
    } else {
        Money::ZERO
    };
    let terms = SaleTerms {
        sale_date,
        description: description.to_string(),
        total,
        down_payment,
        installments: count,
        first_due,
        financing_rate: BasisPoints(0),
    };
    let plan = terms.plan().unwrap_or_default();
    DemoSale {
        terms,
        plan,
        down_payment_method: method(random),
    }
}

fn sales(random: &mut Random, today: NaiveDate) -> Vec<DemoSale> {
    let count = match random.range(0, 99) {
        0..=64 => 1,
        65..=92 => 2,
        _ => 3,
    };
    (0..count)
        .map(|_| {
            let sale_date = today - Duration::days(random.range(0, 730));
            let installments = *random.pick(&INSTALLMENT_COUNTS);
            let first_due = sale_date + Duration::days(30);
            sale(random, sale_date, installments, first_due)
        })
        .collect()
}

/// A sale whose oldest installment puts the customer in band `index` (the one past the
/// last band is the prescribed one), checked with the real engine.
fn anchor_sale(
    random: &mut Random,
    index: usize,
    today: NaiveDate,
    bands: &BandConfig,
    policy: &ChargesPolicy,
    calendar: &Calendar,
) -> Vec<DemoSale> {
    let days_late = match bands.bands.get(index) {
        None => 6 * 365,
        Some(band) => {
            let to = band.to_days.unwrap_or(band.from_days + 200);
            (band.from_days..=to)
                .find(|days| {
                    let due = today - Duration::days(*days);
                    let ledger = InstallmentLedger::new(0, due, Money::from_cents(100));
                    let late = charges_at(&ledger, policy, calendar, today).days_overdue;
                    bands.band_for_days(late) == Some(index)
                })
                .unwrap_or(band.from_days)
        }
    };
    let first_due = today - Duration::days(days_late);
    let sale_date = first_due - Duration::days(30);
    vec![sale(random, sale_date, 3, first_due)]
}

/// When this customer pays each installment, if at all.
fn pay_date(
    random: &mut Random,
    habit: Habit,
    due: NaiveDate,
    position: usize,
    total: usize,
) -> Option<NaiveDate> {
    match habit {
        Habit::Punctual => Some(due - Duration::days(random.range(0, 6))),
        Habit::SomewhatLate => Some(due + Duration::days(random.range(0, 25))),
        Habit::VeryLate => (position * 2 < total + 1 || random.chance(40))
            .then(|| due + Duration::days(random.range(20, 120))),
        Habit::Stopped => (position < total / 2).then(|| due + Duration::days(random.range(0, 10))),
        Habit::Never => None,
        Habit::Partial => Some(due + Duration::days(random.range(5, 40))),
    }
}

fn pay(
    random: &mut Random,
    sales: &[DemoSale],
    habit: Habit,
    today: NaiveDate,
    policy: &ChargesPolicy,
    calendar: &Calendar,
) -> Vec<DemoPayment> {
    // Installments as ledgers, with synthetic ids that map back to (sale, number).
    let mut keys = Vec::new();
    let mut ledgers = Vec::new();
    for (sale_index, sale) in sales.iter().enumerate() {
        for planned in &sale.plan {
            keys.push((sale_index, planned.number));
            ledgers.push(InstallmentLedger::new(
                keys.len() as i64 - 1,
                planned.due_date,
                planned.amount,
            ));
        }
    }
    let total = ledgers.len();
    let mut intents: Vec<(NaiveDate, usize)> = (0..total)
        .filter_map(|position| {
            let due = ledgers[position].due_date;
            let sale_date = sales[keys[position].0].terms.sale_date;
            pay_date(random, habit, due, position, total)
                .map(|date| (date.max(sale_date), position))
                .filter(|(date, _)| *date <= today)
        })
        .collect();
    intents.sort();

    let mut payments = Vec::new();
    for (date, position) in intents {
        let owed = charges_at(&ledgers[position], policy, calendar, date).total;
        let amount = if habit == Habit::Partial {
            Money::from_cents(owed.cents() * random.range(40, 70) / 100)
        } else {
            owed
        };
        let Ok(allocations) = impute(amount, date, &ledgers, policy, calendar) else {
            continue;
        };
        for allocation in &allocations {
            ledgers[allocation.installment_id as usize]
                .applied
                .push(AppliedPayment {
                    date,
                    principal: allocation.principal,
                    fine: allocation.fine,
                    interest: allocation.interest,
                    discount: allocation.discount,
                });
        }
        payments.push(DemoPayment {
            date,
            amount,
            method: method(random),
            allocations: allocations
                .into_iter()
                .map(|allocation| (keys[allocation.installment_id as usize], allocation))
                .collect(),
        });
    }
    payments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_store() {
        let options = DemoOptions {
            customers: 40,
            seed: 7,
            today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        };
        let a = generate(&options);
        let b = generate(&options);
        let names = |plan: &DemoPlan| -> Vec<String> {
            plan.customers
                .iter()
                .map(|c| c.customer.name.clone())
                .collect()
        };
        assert_eq!(names(&a), names(&b));
        assert!(a.store.cnpj.is_some());
        for customer in &a.customers {
            for payment in &customer.payments {
                let received: Money = payment.allocations.iter().map(|(_, a)| a.received()).sum();
                assert_eq!(received, payment.amount);
                assert!(payment.date <= options.today);
            }
        }
    }
}
