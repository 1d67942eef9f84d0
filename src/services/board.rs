//! The delinquency board: every band with its customers and updated amounts.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use crate::domain::band::{BandSlot, Board, BoardBuilder, BoardEntry, Contribution, customer_band};
use crate::domain::charges::charges_at;
use crate::domain::document::TaxId;
use crate::domain::money::Money;
use crate::domain::settings::Settings;
use crate::domain::text::fold;
use crate::error::Result;
use crate::services::settings;
use crate::store::{Database, ledger};

/// The board's one loop: every customer's collectible installments, charged as of
/// `today`, handed to `each` one customer at a time.
fn build(
    db: &Database,
    settings: &Settings,
    today: NaiveDate,
    mut each: impl FnMut(i64, &[BoardEntry]),
) -> Result<()> {
    let calendar = settings.calendar();
    let horizon = today - Duration::days(settings.bands.horizon_days());
    let rows = ledger::collectible_until(db.conn(), today, horizon)?;
    let mut entries = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        entries.push(BoardEntry {
            due_date: row.ledger.due_date,
            charges: charges_at(&row.ledger, &settings.charges, &calendar, today),
        });
        let last_of_customer = rows
            .get(index + 1)
            .is_none_or(|next| next.customer_id != row.customer_id);
        if last_of_customer {
            each(row.customer_id, &entries);
            entries.clear();
        }
    }
    Ok(())
}

pub fn board(db: &Database, today: NaiveDate) -> Result<Board> {
    let settings = settings::load(db)?;
    let mut builder = BoardBuilder::new(&settings.bands, today);
    build(db, &settings, today, |customer, entries| {
        builder.add_customer(customer, entries)
    })?;
    Ok(builder.finish())
}

/// A customer as listed under one band of the board, with what they add to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardCustomer {
    pub customer_id: i64,
    pub name: String,
    /// Formatted CPF/CNPJ.
    pub tax_id: String,
    pub slot: BandSlot,
    pub days_overdue: i64,
    pub installments: u64,
    pub principal: Money,
    pub fine: Money,
    pub interest: Money,
    pub total: Money,
    /// One of the customer's agreements is broken (more than 30 days late).
    pub broken_agreement: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardDetail {
    pub board: Board,
    pub customers: Vec<BoardCustomer>,
}

impl BoardDetail {
    pub fn in_slot(&self, slot: BandSlot) -> impl Iterator<Item = &BoardCustomer> {
        self.customers.iter().filter(move |c| c.slot == slot)
    }
}

/// The board and, for every row, its customers: their amounts add up to the row's.
pub fn detail(db: &Database, today: NaiveDate) -> Result<BoardDetail> {
    let settings = settings::load(db)?;
    let mut builder = BoardBuilder::new(&settings.bands, today).recording();
    build(db, &settings, today, |customer, entries| {
        builder.add_customer(customer, entries)
    })?;
    let (board, contributions) = builder.finish_with_contributions();
    let mut names: HashMap<i64, (String, String)> = HashMap::with_capacity(contributions.len());
    let mut statement = db
        .conn()
        .prepare_cached("SELECT id, name, tax_id FROM customers")?;
    let mut rows = statement.query([])?;
    // Only those on the board get their CPF/CNPJ formatted.
    let listed: HashSet<i64> = contributions.iter().map(|c| c.customer_id).collect();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if !listed.contains(&id) {
            continue;
        }
        let tax_id: String = row.get(2)?;
        let formatted = TaxId::parse(&tax_id)
            .map(|t| t.formatted())
            .unwrap_or(tax_id);
        names.insert(id, (row.get(1)?, formatted));
    }
    let broken = crate::store::agreements::broken_customers(db.conn(), today)?;
    let customers = contributions
        .into_iter()
        .map(
            |Contribution {
                 customer_id,
                 slot,
                 days_overdue,
                 amounts,
             }| {
                let (name, tax_id) = names.get(&customer_id).cloned().unwrap_or_default();
                BoardCustomer {
                    customer_id,
                    name,
                    tax_id,
                    slot,
                    days_overdue,
                    installments: amounts.installments,
                    principal: amounts.principal,
                    fine: amounts.fine,
                    interest: amounts.interest,
                    total: amounts.total,
                    broken_agreement: broken.contains(&customer_id),
                }
            },
        )
        .collect();
    Ok(BoardDetail { board, customers })
}

/// Each customer's band as of a date (prescribed debts apart).
pub fn customer_bands(db: &Database, as_of: NaiveDate) -> Result<HashMap<i64, usize>> {
    let settings = settings::load(db)?;
    let mut bands = HashMap::new();
    build(db, &settings, as_of, |customer, entries| {
        if let Some(band) = customer_band(&settings.bands, entries, as_of) {
            bands.insert(customer, band);
        }
    })?;
    Ok(bands)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandSort {
    Amount,
    DaysLate,
}

/// A band's customers matching `filter` (name without accents or case, or CPF/CNPJ
/// digits), largest amount or most days late first.
pub fn band_list<'a>(
    customers: &'a [BoardCustomer],
    slot: BandSlot,
    sort: BandSort,
    filter: &str,
) -> Vec<&'a BoardCustomer> {
    let folded = fold(filter);
    let digits: String = filter.chars().filter(char::is_ascii_digit).collect();
    let mut list: Vec<&BoardCustomer> = customers
        .iter()
        .filter(|c| c.slot == slot)
        .filter(|c| {
            folded.is_empty()
                || fold(&c.name).contains(&folded)
                || (!digits.is_empty()
                    && c.tax_id
                        .chars()
                        .filter(char::is_ascii_digit)
                        .collect::<String>()
                        .contains(&digits))
        })
        .collect();
    match sort {
        BandSort::Amount => list.sort_by(|a, b| b.total.cmp(&a.total).then(a.name.cmp(&b.name))),
        BandSort::DaysLate => list.sort_by(|a, b| {
            b.days_overdue
                .cmp(&a.days_overdue)
                .then(b.total.cmp(&a.total))
        }),
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(id: i64, name: &str, slot: usize, days: i64, cents: i64) -> BoardCustomer {
        BoardCustomer {
            customer_id: id,
            name: name.to_string(),
            tax_id: "111.444.777-35".to_string(),
            slot: BandSlot::Band(slot),
            days_overdue: days,
            installments: 1,
            principal: Money::from_cents(cents),
            fine: Money::ZERO,
            interest: Money::ZERO,
            total: Money::from_cents(cents),
            broken_agreement: false,
        }
    }

    #[test]
    fn lists_a_band_sorted_and_filtered() {
        let all = vec![
            customer(1, "Maria da Conceição", 5, 40, 5_000),
            customer(2, "José Silva", 5, 55, 1_000),
            customer(3, "Ana Souza", 5, 33, 9_000),
            customer(4, "Outra Faixa", 6, 70, 99_000),
        ];
        let ids =
            |list: Vec<&BoardCustomer>| list.iter().map(|c| c.customer_id).collect::<Vec<_>>();
        assert_eq!(
            ids(band_list(&all, BandSlot::Band(5), BandSort::Amount, "")),
            vec![3, 1, 2]
        );
        assert_eq!(
            ids(band_list(&all, BandSlot::Band(5), BandSort::DaysLate, "")),
            vec![2, 1, 3]
        );
        assert_eq!(
            ids(band_list(
                &all,
                BandSlot::Band(5),
                BandSort::Amount,
                "CONCEICAO"
            )),
            vec![1]
        );
        assert_eq!(
            ids(band_list(
                &all,
                BandSlot::Band(5),
                BandSort::Amount,
                "111.444"
            ))
            .len(),
            3
        );
        assert!(band_list(&all, BandSlot::Band(5), BandSort::Amount, "xyz").is_empty());
    }
}
