//! A single boleto on A4: what `regua boleto make` draws for a bank's homologation.

use super::canvas::{Document, Weight};
use super::ficha::boleto_parts;
use super::model::BoletoSlip;
use crate::error::Result;

pub fn render(slip: &BoletoSlip, title: &str) -> Result<Vec<u8>> {
    let mut document = Document::new(title)?;
    let mut page = document.page();
    page.text(10.0, 16.0, 14.0, Weight::Bold, title);
    page.text(10.0, 22.0, 8.0, Weight::Regular, &slip.payee.name_and_id());
    boleto_parts(&mut page, slip)?;
    document.push(page);
    Ok(document.finish())
}
