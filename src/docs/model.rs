//! What the documents print, already computed: the services fill these from the
//! database and the charges engine; the drawing modules only lay them out.

use chrono::NaiveDate;

use crate::boleto::account::Bank;
use crate::domain::customer::{Address, format_postal_code};
use crate::domain::money::Money;

/// A name with its CPF/CNPJ and address, as printed for payee and payer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub tax_id: String,
    pub address: String,
    pub city_line: String,
}

impl Party {
    pub fn new(name: &str, tax_id: String, address: &Address) -> Party {
        let mut street = address.street.clone();
        for part in [&address.number, &address.complement, &address.district] {
            if !part.is_empty() {
                street.push_str(", ");
                street.push_str(part);
            }
        }
        let postal_code = if address.postal_code.is_empty() {
            String::new()
        } else {
            format!("CEP {}", format_postal_code(&address.postal_code))
        };
        let city_line = [format!("{} – {}", address.city, address.state), postal_code]
            .into_iter()
            .filter(|part| !part.trim_matches([' ', '–']).is_empty())
            .collect::<Vec<_>>()
            .join("  ");
        Party {
            name: name.to_string(),
            tax_id,
            address: street,
            city_line,
        }
    }

    /// `Name – CPF 000.000.000-00`.
    pub fn name_and_id(&self) -> String {
        if self.tax_id.is_empty() {
            self.name.clone()
        } else {
            format!("{} – {}", self.name, self.tax_id)
        }
    }

    pub fn full_address(&self) -> String {
        format!("{} – {}", self.address, self.city_line)
    }
}

/// A registered boleto as printed on the ficha de compensação and the payer's receipt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoletoSlip {
    pub bank: Bank,
    pub barcode: String,
    pub digitable_line: String,
    pub payee: Party,
    pub agency_code: String,
    pub payer: Party,
    pub due_date: NaiveDate,
    pub amount: Money,
    pub our_number: String,
    /// Seu número: sale and installment, `123-4/10`.
    pub document_number: String,
    pub document_date: NaiveDate,
    pub processing_date: NaiveDate,
    pub wallet: String,
    /// Fine and interest as amounts and dates (spec §5.5), then the store's own lines.
    pub instructions: Vec<String>,
}

/// The installment's figures today, from the charges engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UpdatedAmount {
    pub as_of: NaiveDate,
    pub principal: Money,
    pub fine: Money,
    pub interest: Money,
    pub discount: Money,
    pub total: Money,
    pub days_overdue: i64,
}

/// A static Pix code for one installment: the payload and what it charges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PixCode {
    pub payload: String,
    pub amount: Money,
    pub key: String,
}

/// The store as printed at the top of receipts and reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreHeader {
    pub display_name: String,
    pub party: Party,
    pub phone: String,
    pub email: String,
}

pub fn date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// A titled table of a report, cells already formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The last row sums the others (printed bold).
    pub ends_with_total: bool,
}
