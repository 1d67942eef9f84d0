//! Fechamento do dia: what came in, who got worse, what is promised for tomorrow,
//! and the board; as a report and as a CSV that Excel pt-BR opens right.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Duration, NaiveDate};

use crate::docs::model::Table;
use crate::domain::band::{BandConfig, BandSlot, Board};
use crate::domain::installment::PaymentMethod;
use crate::domain::money::Money;
use crate::error::Result;
use crate::services::promises::{self, PromiseStatus};
use crate::services::{board, settings};
use crate::store::{Database, reports};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodTotal {
    pub method: PaymentMethod,
    pub count: u64,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClerkTotal {
    pub clerk: String,
    pub count: u64,
    pub amount: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Worsened {
    pub customer_id: i64,
    pub name: String,
    pub from: Option<String>,
    pub to: String,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromiseDue {
    pub customer_id: i64,
    pub name: String,
    pub amount: Money,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayEnd {
    pub date: NaiveDate,
    pub payments_by_method: Vec<MethodTotal>,
    pub payments_by_clerk: Vec<ClerkTotal>,
    pub received: Money,
    pub worsened: Vec<Worsened>,
    pub promises_due: Vec<PromiseDue>,
    pub board: Board,
}

/// Customers whose band is worse today than yesterday: `(customer, from, to)`. Moving
/// into a band of installments not yet late ("a vencer", "vence hoje") is not worse.
pub fn worsened(
    config: &BandConfig,
    yesterday: &HashMap<i64, usize>,
    today: &HashMap<i64, usize>,
) -> Vec<(i64, Option<usize>, usize)> {
    let mut moved: Vec<(i64, Option<usize>, usize)> = today
        .iter()
        .filter(|(_, band)| config.bands.get(**band).is_some_and(|b| b.from_days >= 1))
        .filter_map(|(customer, band)| {
            let before = yesterday.get(customer).copied();
            before
                .is_none_or(|before| before < *band)
                .then_some((*customer, before, *band))
        })
        .collect();
    moved.sort_by_key(|(customer, _, band)| (std::cmp::Reverse(*band), *customer));
    moved
}

pub fn report(db: &Database, date: NaiveDate) -> Result<DayEnd> {
    let settings = settings::load(db)?;
    let payments_by_method: Vec<MethodTotal> = reports::payments_by_method(db.conn(), date)?
        .into_iter()
        .map(|(method, count, amount)| MethodTotal {
            method,
            count,
            amount,
        })
        .collect();
    let payments_by_clerk = reports::payments_by_clerk(db.conn(), date)?
        .into_iter()
        .map(|(clerk, count, amount)| ClerkTotal {
            clerk,
            count,
            amount,
        })
        .collect();
    let received = payments_by_method.iter().map(|m| m.amount).sum();

    let detail = board::detail(db, date)?;
    let today: HashMap<i64, usize> = detail
        .customers
        .iter()
        .filter_map(|c| match c.slot {
            BandSlot::Band(band) => Some((c.customer_id, band)),
            BandSlot::Prescribed => None,
        })
        .collect();
    let yesterday = board::customer_bands(db, date - Duration::days(1))?;
    let listed: HashMap<i64, &board::BoardCustomer> = detail
        .customers
        .iter()
        .filter(|c| c.slot != BandSlot::Prescribed)
        .map(|c| (c.customer_id, c))
        .collect();
    let worsened = worsened(&settings.bands, &yesterday, &today)
        .into_iter()
        .filter_map(|(customer_id, from, to)| {
            let customer = listed.get(&customer_id)?;
            Some(Worsened {
                customer_id,
                name: customer.name.clone(),
                from: from.map(|band| settings.bands.bands[band].label.clone()),
                to: settings.bands.bands[to].label.clone(),
                total: customer.total,
            })
        })
        .collect();

    let promises_due = promises::due_on(db, date + Duration::days(1), date)?
        .into_iter()
        .filter(|promise| promise.status != PromiseStatus::Kept)
        .map(|promise| PromiseDue {
            customer_id: promise.customer_id,
            name: promise.customer_name,
            amount: promise.amount,
            note: promise.note,
        })
        .collect();

    Ok(DayEnd {
        date,
        payments_by_method,
        payments_by_clerk,
        received,
        worsened,
        promises_due,
        board: detail.board,
    })
}

fn date_br(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// UTF-8 with a BOM and `;` between fields: what Excel in Portuguese opens right.
/// The report as titled tables, in the order the screen shows them: what the CSV and
/// the PDF both print.
pub fn tables(report: &DayEnd) -> Vec<Table> {
    let mut by_method: Vec<Vec<String>> = report
        .payments_by_method
        .iter()
        .map(|total| {
            vec![
                total.method.label(),
                total.count.to_string(),
                total.amount.format_plain(),
            ]
        })
        .collect();
    by_method.push(vec![
        crate::t!("day-end-received"),
        String::new(),
        report.received.format_plain(),
    ]);
    let amounts = |label: String, a: &crate::domain::band::Amounts| {
        vec![
            label,
            a.customers.to_string(),
            a.installments.to_string(),
            a.principal.format_plain(),
            a.fine.format_plain(),
            a.interest.format_plain(),
            a.total.format_plain(),
        ]
    };
    let mut board: Vec<Vec<String>> = report
        .board
        .rows
        .iter()
        .map(|row| amounts(row.label.clone(), &row.amounts))
        .collect();
    board.push(amounts(
        crate::t!("board-grand-total"),
        &report.board.totals,
    ));
    vec![
        Table {
            title: crate::t!("day-end-by-method"),
            header: vec![
                crate::t!("payment-method"),
                crate::t!("dayend-csv-count"),
                crate::t!("sale-amount"),
            ],
            rows: by_method,
            ends_with_total: true,
        },
        Table {
            title: crate::t!("day-end-by-clerk"),
            header: vec![
                crate::t!("dayend-csv-clerk"),
                crate::t!("dayend-csv-count"),
                crate::t!("sale-amount"),
            ],
            rows: report
                .payments_by_clerk
                .iter()
                .map(|total| {
                    vec![
                        total.clerk.clone(),
                        total.count.to_string(),
                        total.amount.format_plain(),
                    ]
                })
                .collect(),
            ends_with_total: false,
        },
        Table {
            title: crate::t!("day-end-worsened"),
            header: vec![
                crate::t!("customer-name"),
                crate::t!("dayend-csv-from"),
                crate::t!("dayend-csv-to"),
                crate::t!("board-total"),
            ],
            rows: report
                .worsened
                .iter()
                .map(|moved| {
                    vec![
                        moved.name.clone(),
                        moved.from.clone().unwrap_or_default(),
                        moved.to.clone(),
                        moved.total.format_plain(),
                    ]
                })
                .collect(),
            ends_with_total: false,
        },
        Table {
            title: crate::t!("day-end-promises"),
            header: vec![
                crate::t!("customer-name"),
                crate::t!("sale-amount"),
                crate::t!("promise-note"),
            ],
            rows: report
                .promises_due
                .iter()
                .map(|promise| {
                    vec![
                        promise.name.clone(),
                        promise.amount.format_plain(),
                        promise.note.clone(),
                    ]
                })
                .collect(),
            ends_with_total: false,
        },
        Table {
            title: crate::t!("day-end-board"),
            header: vec![
                crate::t!("board-band"),
                crate::t!("board-customers"),
                crate::t!("board-installments"),
                crate::t!("board-principal"),
                crate::t!("board-fine"),
                crate::t!("board-interest"),
                crate::t!("board-total"),
            ],
            rows: board,
            ends_with_total: true,
        },
    ]
}

pub fn to_csv(report: &DayEnd) -> Vec<u8> {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .flexible(true)
            .from_writer(&mut bytes);
        let mut line = |fields: &[String]| {
            // Writing into memory cannot fail.
            let _ = writer.write_record(fields);
        };
        line(&[crate::t!("dayend-csv-title"), date_br(report.date)]);
        for table in tables(report) {
            line(&[]);
            line(std::slice::from_ref(&table.title));
            line(&table.header);
            for row in &table.rows {
                line(row);
            }
        }
        let _ = writer.flush();
    }
    bytes
}

/// The day-end report as a PDF, with the same tables as the screen and the CSV.
pub fn to_pdf(report: &DayEnd, store: &str) -> Result<Vec<u8>> {
    crate::docs::day_end::render(
        &crate::t!("dayend-csv-title"),
        &format!("{store} – {}", date_br(report.date)),
        &tables(report),
    )
}

pub fn write_csv(report: &DayEnd, path: &Path) -> Result<()> {
    crate::services::files::write_whole(path, &to_csv(report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_moves_into_a_later_late_band_are_worse() {
        let config = BandConfig::default();
        // Bands: 0 a vencer, 1 vence hoje, 2 1–5, 3 6–15 …
        let yesterday = HashMap::from([(1, 2), (2, 3), (3, 0), (5, 3)]);
        let today = HashMap::from([(1, 3), (2, 3), (3, 1), (4, 2), (5, 2)]);
        assert_eq!(
            worsened(&config, &yesterday, &today),
            vec![(1, Some(2), 3), (4, None, 2)]
        );
    }
}
