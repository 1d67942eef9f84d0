//! A collection letter (carta de cobrança) for the ruler's letter steps: the store's
//! identification, the customer's name and address for the envelope, and the text of
//! the step's template with the installments itemized. Many letters print as one PDF,
//! one per page or more.

use chrono::NaiveDate;

use super::canvas::{Document, Page, Weight};
use super::model::{Party, StoreHeader, date};
use crate::error::Result;

pub struct Letter {
    pub store: StoreHeader,
    pub customer: Party,
    /// The store's city, for "Cidade, data".
    pub place: String,
    pub date: NaiveDate,
    pub subject: String,
    pub body: String,
}

const LEFT: f32 = 20.0;
const WIDTH: f32 = 170.0;
const BOTTOM: f32 = 275.0;
const SIZE: f32 = 10.0;

fn header(page: &mut Page, letter: &Letter) -> f32 {
    let store = &letter.store;
    page.text(LEFT, 20.0, 14.0, Weight::Bold, &store.display_name);
    page.text(LEFT, 26.0, 8.0, Weight::Regular, &store.party.name_and_id());
    page.text(
        LEFT,
        30.0,
        8.0,
        Weight::Regular,
        &store.party.full_address(),
    );
    page.text(
        LEFT,
        34.0,
        8.0,
        Weight::Regular,
        &format!("{}  {}", store.phone, store.email),
    );
    page.hline(LEFT, LEFT + WIDTH, 37.0, 0.3);
    // The envelope window: name and address only, nothing about the debt (CDC art. 42).
    let customer = &letter.customer;
    page.text(LEFT, 50.0, SIZE, Weight::Bold, &customer.name);
    page.text(LEFT, 55.0, SIZE, Weight::Regular, &customer.address);
    page.text(LEFT, 60.0, SIZE, Weight::Regular, &customer.city_line);
    page.text_right(
        LEFT + WIDTH,
        75.0,
        SIZE,
        Weight::Regular,
        &format!("{}, {}", letter.place, date(letter.date)),
    );
    page.paragraph(LEFT, 85.0, WIDTH, SIZE, Weight::Bold, &letter.subject) + 4.0
}

fn draw(document: &mut Document, letter: &Letter) {
    let mut page = document.page();
    let mut y = header(&mut page, letter);
    for line in letter.body.lines() {
        if line.trim().is_empty() {
            y += 3.0;
            continue;
        }
        if y > BOTTOM {
            document.push(page);
            page = document.page();
            y = 25.0;
        }
        y = page.paragraph(LEFT, y, WIDTH, SIZE, Weight::Regular, line);
    }
    document.push(page);
}

/// The letters as one PDF to print.
pub fn render(letters: &[Letter]) -> Result<Vec<u8>> {
    let mut document = Document::new("Cartas")?;
    for letter in letters {
        draw(&mut document, letter);
    }
    Ok(document.finish())
}
