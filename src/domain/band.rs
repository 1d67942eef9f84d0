//! Overdue bands (faixas de atraso) and the delinquency board built from them.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::charges::Charges;
use super::money::Money;

/// CC art. 206 §5 I: the debt prescribes five years after its due date.
pub const PRESCRIPTION_YEARS: u32 = 5;

/// One band: installments whose days overdue lie in `from_days..=to_days`
/// (negative days: not yet due). The last band may be open-ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandDefinition {
    pub label: String,
    /// `#RRGGBB`; always shown with the label, never alone.
    pub color: String,
    pub from_days: i64,
    pub to_days: Option<i64>,
}

/// The store's bands, in order, plus the band of prescribed debts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandConfig {
    pub bands: Vec<BandDefinition>,
    pub prescribed_label: String,
    pub prescribed_color: String,
}

fn band(label: &str, color: &str, from_days: i64, to_days: Option<i64>) -> BandDefinition {
    BandDefinition {
        label: label.to_string(),
        color: color.to_string(),
        from_days,
        to_days,
    }
}

impl Default for BandConfig {
    /// DESIGN.md and `brazil-rules.md` §6.2.
    fn default() -> Self {
        BandConfig {
            bands: vec![
                band("A vencer", "#4A90D9", -5, Some(-1)),
                band("Vence hoje", "#2E7D32", 0, Some(0)),
                band("1–5 dias", "#C0CA33", 1, Some(5)),
                band("6–15 dias", "#FDD835", 6, Some(15)),
                band("16–30 dias", "#FFB300", 16, Some(30)),
                band("31–60 dias", "#FB8C00", 31, Some(60)),
                band("61–90 dias", "#F4511E", 61, Some(90)),
                band("91–180 dias", "#E53935", 91, Some(180)),
                band("181–365 dias", "#C62828", 181, Some(365)),
                band("Mais de 365 dias", "#8E24AA", 366, None),
            ],
            prescribed_label: "Prescrito (mais de 5 anos)".to_string(),
            prescribed_color: "#616161".to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BandError {
    NoBands,
    EmptyLabel(usize),
    BadColor(String),
    Inverted(String),
    Gap(String, String),
    OpenEndNotLast(String),
}

impl fmt::Display for BandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            BandError::NoBands => crate::t!("band-none"),
            BandError::EmptyLabel(position) => {
                crate::t!("band-empty-label", position = (position + 1).to_string())
            }
            BandError::BadColor(color) => crate::t!("band-bad-color", color = color.clone()),
            BandError::Inverted(label) => crate::t!("band-inverted", label = label.clone()),
            BandError::Gap(before, after) => {
                crate::t!("band-gap", before = before.clone(), after = after.clone())
            }
            BandError::OpenEndNotLast(label) => {
                crate::t!("band-open-not-last", label = label.clone())
            }
        };
        f.write_str(&message)
    }
}

impl std::error::Error for BandError {}

fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Where an installment or a customer stands on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BandSlot {
    Band(usize),
    Prescribed,
}

impl BandConfig {
    /// Bands must be labelled, coloured, contiguous and in order, so that every day
    /// from the first band on falls in exactly one.
    pub fn validate(&self) -> Result<(), BandError> {
        if self.bands.is_empty() {
            return Err(BandError::NoBands);
        }
        for (position, band) in self.bands.iter().enumerate() {
            if band.label.trim().is_empty() {
                return Err(BandError::EmptyLabel(position));
            }
            if !is_hex_color(&band.color) {
                return Err(BandError::BadColor(band.color.clone()));
            }
            if band.to_days.is_some_and(|to| to < band.from_days) {
                return Err(BandError::Inverted(band.label.clone()));
            }
            if band.to_days.is_none() && position + 1 != self.bands.len() {
                return Err(BandError::OpenEndNotLast(band.label.clone()));
            }
        }
        for pair in self.bands.windows(2) {
            if pair[0].to_days.map(|to| to + 1) != Some(pair[1].from_days) {
                return Err(BandError::Gap(pair[0].label.clone(), pair[1].label.clone()));
            }
        }
        if self.prescribed_label.trim().is_empty() {
            return Err(BandError::EmptyLabel(self.bands.len()));
        }
        if !is_hex_color(&self.prescribed_color) {
            return Err(BandError::BadColor(self.prescribed_color.clone()));
        }
        Ok(())
    }

    /// The band for a number of days overdue, if any band covers it.
    pub fn band_for_days(&self, days_overdue: i64) -> Option<usize> {
        self.bands.iter().position(|band| {
            days_overdue >= band.from_days && band.to_days.is_none_or(|to| days_overdue <= to)
        })
    }

    /// The first day of the earliest band: installments due later are not on the board.
    pub fn horizon_days(&self) -> i64 {
        self.bands.first().map_or(0, |band| band.from_days)
    }

    pub fn slot_for(
        &self,
        due_date: NaiveDate,
        days_overdue: i64,
        today: NaiveDate,
    ) -> Option<BandSlot> {
        if is_prescribed(due_date, today) {
            Some(BandSlot::Prescribed)
        } else {
            self.band_for_days(days_overdue).map(BandSlot::Band)
        }
    }

    pub fn label(&self, slot: BandSlot) -> &str {
        match slot {
            BandSlot::Band(index) => &self.bands[index].label,
            BandSlot::Prescribed => &self.prescribed_label,
        }
    }

    pub fn color(&self, slot: BandSlot) -> &str {
        match slot {
            BandSlot::Band(index) => &self.bands[index].color,
            BandSlot::Prescribed => &self.prescribed_color,
        }
    }

    /// Slots in board order: the bands, then prescribed.
    pub fn slots(&self) -> impl Iterator<Item = BandSlot> + '_ {
        (0..self.bands.len())
            .map(BandSlot::Band)
            .chain(std::iter::once(BandSlot::Prescribed))
    }
}

/// The day a debt due on `due_date` prescribes.
pub fn prescription_date(due_date: NaiveDate) -> NaiveDate {
    due_date
        .checked_add_months(Months::new(12 * PRESCRIPTION_YEARS))
        .unwrap_or(NaiveDate::MAX)
}

pub fn is_prescribed(due_date: NaiveDate, today: NaiveDate) -> bool {
    today >= prescription_date(due_date)
}

/// One collectible installment as the board sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoardEntry {
    pub due_date: NaiveDate,
    pub charges: Charges,
}

/// A customer's band: that of their oldest overdue collectible installment that has
/// not prescribed; failing that, of the nearest one within the board's horizon.
/// Prescribed installments are shown apart and never decide the band.
pub fn customer_band(
    config: &BandConfig,
    entries: &[BoardEntry],
    today: NaiveDate,
) -> Option<usize> {
    entries
        .iter()
        .filter(|entry| !is_prescribed(entry.due_date, today))
        .map(|entry| entry.charges.days_overdue)
        .max()
        .and_then(|days| config.band_for_days(days))
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amounts {
    pub customers: u64,
    pub installments: u64,
    pub principal: Money,
    pub fine: Money,
    pub interest: Money,
    pub total: Money,
}

impl Amounts {
    fn add(&mut self, charges: &Charges) {
        self.installments += 1;
        self.principal += charges.principal;
        self.fine += charges.fine;
        self.interest += charges.interest;
        self.total += charges.total;
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardRow {
    pub slot: BandSlot,
    pub label: String,
    pub color: String,
    pub amounts: Amounts,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    pub today: NaiveDate,
    pub rows: Vec<BoardRow>,
    pub totals: Amounts,
}

/// What one customer adds to one row of the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contribution {
    pub customer_id: i64,
    pub slot: BandSlot,
    /// Days late of the customer's oldest installment counted in that row.
    pub days_overdue: i64,
    pub amounts: Amounts,
}

/// Accumulates customers into the board; feed it one customer at a time.
pub struct BoardBuilder<'a> {
    config: &'a BandConfig,
    today: NaiveDate,
    rows: Vec<Amounts>,
    customers: BTreeSet<i64>,
    totals: Amounts,
    contributions: Option<Vec<Contribution>>,
}

impl<'a> BoardBuilder<'a> {
    pub fn new(config: &'a BandConfig, today: NaiveDate) -> Self {
        BoardBuilder {
            config,
            today,
            rows: vec![Amounts::default(); config.bands.len() + 1],
            customers: BTreeSet::new(),
            totals: Amounts::default(),
            contributions: None,
        }
    }

    /// Also keeps what each customer adds to each row, for listing a band's customers.
    pub fn recording(mut self) -> Self {
        self.contributions = Some(Vec::new());
        self
    }

    fn row_index(&self, slot: BandSlot) -> usize {
        match slot {
            BandSlot::Band(index) => index,
            BandSlot::Prescribed => self.config.bands.len(),
        }
    }

    /// A customer's collectible installments with their charges as of `today`. All
    /// installments within the horizon count in the customer's band; prescribed ones
    /// count in the prescribed row.
    pub fn add_customer(&mut self, customer_id: i64, entries: &[BoardEntry]) {
        let band = customer_band(self.config, entries, self.today);
        let mut counted = false;
        let mut in_prescribed = false;
        let mut own: Vec<Contribution> = Vec::new();
        for entry in entries {
            let slot = if is_prescribed(entry.due_date, self.today) {
                in_prescribed = true;
                BandSlot::Prescribed
            } else if entry.charges.days_overdue >= self.config.horizon_days() {
                match band {
                    Some(index) => BandSlot::Band(index),
                    None => continue,
                }
            } else {
                continue;
            };
            let row = self.row_index(slot);
            self.rows[row].add(&entry.charges);
            self.totals.add(&entry.charges);
            counted = true;
            if self.contributions.is_some() {
                match own.iter_mut().find(|c| c.slot == slot) {
                    Some(contribution) => {
                        contribution.amounts.add(&entry.charges);
                        contribution.days_overdue =
                            contribution.days_overdue.max(entry.charges.days_overdue);
                    }
                    None => {
                        let mut amounts = Amounts {
                            customers: 1,
                            ..Amounts::default()
                        };
                        amounts.add(&entry.charges);
                        own.push(Contribution {
                            customer_id,
                            slot,
                            days_overdue: entry.charges.days_overdue,
                            amounts,
                        });
                    }
                }
            }
        }
        if let Some(all) = &mut self.contributions {
            all.extend(own);
        }
        if let Some(index) = band {
            self.rows[index].customers += 1;
        }
        if in_prescribed {
            let row = self.config.bands.len();
            self.rows[row].customers += 1;
        }
        if counted {
            self.customers.insert(customer_id);
        }
    }

    pub fn finish(self) -> Board {
        self.finish_with_contributions().0
    }

    pub fn finish_with_contributions(mut self) -> (Board, Vec<Contribution>) {
        self.totals.customers = self.customers.len() as u64;
        let rows = self
            .config
            .slots()
            .map(|slot| BoardRow {
                slot,
                label: self.config.label(slot).to_string(),
                color: self.config.color(slot).to_string(),
                amounts: self.rows[self.row_index(slot)],
            })
            .collect();
        let board = Board {
            today: self.today,
            rows,
            totals: self.totals,
        };
        (board, self.contributions.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn entry(due: NaiveDate, today: NaiveDate, cents: i64) -> BoardEntry {
        let money = Money::from_cents(cents);
        BoardEntry {
            due_date: due,
            charges: Charges {
                principal: money,
                total: money,
                days_overdue: (today - due).num_days(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn default_bands_are_valid_and_cover_every_day_from_d_minus_5() {
        let config = BandConfig::default();
        config.validate().unwrap();
        assert_eq!(config.band_for_days(-6), None);
        assert_eq!(
            config.bands[config.band_for_days(-5).unwrap()].label,
            "A vencer"
        );
        assert_eq!(
            config.bands[config.band_for_days(0).unwrap()].label,
            "Vence hoje"
        );
        assert_eq!(
            config.bands[config.band_for_days(5).unwrap()].label,
            "1–5 dias"
        );
        assert_eq!(
            config.bands[config.band_for_days(6).unwrap()].label,
            "6–15 dias"
        );
        assert_eq!(
            config.bands[config.band_for_days(365).unwrap()].label,
            "181–365 dias"
        );
        assert_eq!(
            config.bands[config.band_for_days(9_999).unwrap()].label,
            "Mais de 365 dias"
        );
    }

    #[test]
    fn invalid_bands_are_refused() {
        let mut config = BandConfig::default();
        config.bands[3].from_days = 7;
        assert!(matches!(config.validate(), Err(BandError::Gap(_, _))));
        let mut config = BandConfig::default();
        config.bands[2].color = "amarelo".into();
        assert!(matches!(config.validate(), Err(BandError::BadColor(_))));
        let mut config = BandConfig::default();
        config.bands[2].label = " ".into();
        assert_eq!(config.validate(), Err(BandError::EmptyLabel(2)));
        let mut config = BandConfig::default();
        config.bands[4].to_days = None;
        assert!(matches!(
            config.validate(),
            Err(BandError::OpenEndNotLast(_))
        ));
        config.bands.clear();
        assert_eq!(config.validate(), Err(BandError::NoBands));
    }

    #[test]
    fn prescription_is_five_years_after_the_due_date() {
        let due = date(2021, 2, 28);
        assert!(!is_prescribed(due, date(2026, 2, 27)));
        assert!(is_prescribed(due, date(2026, 2, 28)));
        // A leap-day due date prescribes on 28 Feb (no 29 Feb in 2029).
        assert_eq!(prescription_date(date(2024, 2, 29)), date(2029, 2, 28));
    }

    #[test]
    fn a_customer_takes_the_band_of_the_oldest_overdue_installment() {
        let config = BandConfig::default();
        let today = date(2026, 11, 22);
        let entries = [
            entry(date(2026, 10, 1), today, 1_000),  // 52 days
            entry(date(2026, 11, 20), today, 2_000), // 2 days
            entry(date(2026, 11, 25), today, 3_000), // in 3 days
            entry(date(2027, 1, 25), today, 4_000),  // far ahead: not on the board
            entry(date(2020, 1, 10), today, 5_000),  // prescribed
        ];
        assert_eq!(
            config.bands[customer_band(&config, &entries, today).unwrap()].label,
            "31–60 dias"
        );
        let mut builder = BoardBuilder::new(&config, today);
        builder.add_customer(7, &entries);
        builder.add_customer(8, &[entry(date(2026, 11, 24), today, 500)]);
        builder.add_customer(9, &[entry(date(2027, 3, 1), today, 500)]);
        let board = builder.finish();
        let row = |label: &str| {
            board
                .rows
                .iter()
                .find(|r| r.label.starts_with(label))
                .unwrap()
        };
        assert_eq!(row("31–60").amounts.customers, 1);
        assert_eq!(row("31–60").amounts.installments, 3);
        assert_eq!(row("31–60").amounts.total.cents(), 6_000);
        assert_eq!(row("Prescrito").amounts.customers, 1);
        assert_eq!(row("Prescrito").amounts.total.cents(), 5_000);
        assert_eq!(row("A vencer").amounts.customers, 1);
        assert_eq!(board.totals.customers, 2);
        assert_eq!(board.totals.installments, 5);
        assert_eq!(board.totals.total.cents(), 11_500);
        let row_sum: Money = board.rows.iter().map(|r| r.amounts.total).sum();
        assert_eq!(row_sum, board.totals.total);
    }
}
