//! The delinquency board: every band with its customers and updated amounts.

use chrono::{Duration, NaiveDate};

use crate::domain::band::{Board, BoardBuilder, BoardEntry};
use crate::domain::charges::charges_at;
use crate::error::Result;
use crate::services::settings;
use crate::store::{Database, ledger};

pub fn board(db: &Database, today: NaiveDate) -> Result<Board> {
    let settings = settings::load(db)?;
    let calendar = settings.calendar();
    let horizon = today - Duration::days(settings.bands.horizon_days());
    let rows = ledger::collectible_until(db.conn(), today, horizon)?;
    let mut builder = BoardBuilder::new(&settings.bands, today);
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
            builder.add_customer(row.customer_id, &entries);
            entries.clear();
        }
    }
    Ok(builder.finish())
}
