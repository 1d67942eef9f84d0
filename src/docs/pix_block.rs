//! The Pix QR with its "copia e cola" text, as printed on carnês, receipts and second
//! copies.

use super::canvas::{Page, QrModules, Weight, text_width as measure};
use super::model::PixCode;

/// Draws the QR of `pix` (`size` mm square, already encoded as `code`) at (`x`, `y`) and,
/// to its right within `text_width` millimetres, the amount and the payload to copy.
/// Returns the bottom edge.
pub fn pix_block(
    page: &mut Page,
    (x, y): (f32, f32),
    size: f32,
    text_width: f32,
    pix: &PixCode,
    code: &QrModules,
) -> f32 {
    page.qr(x, y, size, code);
    let text_x = x + size + 2.0;
    page.text(
        text_x,
        y + 4.0,
        8.0,
        Weight::Bold,
        &format!("Pague com Pix: {}", pix.amount.format_brl()),
    );
    page.text(
        text_x,
        y + 7.5,
        6.5,
        Weight::Regular,
        &format!("Chave: {}", pix.key),
    );
    page.text(text_x, y + 11.0, 6.0, Weight::Regular, "Pix copia e cola:");
    let mut line_y = y + 14.0;
    // The payload has no spaces: break it by width, character by character.
    let mut line = String::new();
    for c in pix.payload.chars() {
        line.push(c);
        if measure(&line, 5.5, Weight::Regular) > text_width {
            let last = line.pop().unwrap_or(c);
            page.text(text_x, line_y, 5.5, Weight::Regular, &line);
            line_y += 2.6;
            line = last.to_string();
        }
    }
    page.text(text_x, line_y, 5.5, Weight::Regular, &line);
    (y + size).max(line_y + 1.0)
}
