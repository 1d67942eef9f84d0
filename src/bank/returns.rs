//! What a return file says of one boleto, whatever its layout, and why a file is not
//! read at all.

use chrono::NaiveDate;

use super::record::FieldError;
use crate::domain::money::Money;

/// One title in a return (CNAB 240 segments T and U, or a CNAB 400 detail).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnEntry {
    /// The line of the title (segment T in CNAB 240).
    pub line: usize,
    /// The bank's ocorrência.
    pub movement: u64,
    pub our_number: String,
    pub document_number: String,
    pub due_date: Option<NaiveDate>,
    pub amount: Money,
    /// The bank's reason codes (rejections), two digits each.
    pub reasons: Vec<String>,
    /// Fine and interest the payer paid.
    pub charges_paid: Money,
    pub discount: Money,
    /// What the payer paid, charges included.
    pub paid: Money,
    pub occurred_on: Option<NaiveDate>,
    pub credited_on: Option<NaiveDate>,
}

/// Why a file is not a return of the layout at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotAReturn {
    Empty,
    /// A line of another width, with its number.
    Width(usize),
    /// The first line is not the header of a return.
    Header,
    Field(FieldError),
}
