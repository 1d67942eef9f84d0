//! The day-end report as a PDF: the same tables as the screen and the spreadsheet, in the
//! app's language (it is the owner's document, not the customer's).

use super::canvas::{Document, Page, Weight, text_width};
use super::model::Table;
use crate::error::Result;

const LEFT: f32 = 15.0;
const RIGHT: f32 = 195.0;
const BOTTOM: f32 = 280.0;
const LINE: f32 = 5.0;
const SIZE: f32 = 8.0;

fn is_figure(cell: &str) -> bool {
    !cell.is_empty()
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '−'))
}

/// Column widths proportional to their widest cell, spread over the page width.
fn column_edges(table: &Table) -> Vec<(f32, f32)> {
    let count = table.header.len().max(1);
    let mut widths = vec![10.0_f32; count];
    for row in std::iter::once(&table.header).chain(&table.rows) {
        for (index, cell) in row.iter().enumerate().take(count) {
            widths[index] = widths[index].max(text_width(cell, SIZE, Weight::Bold) + 4.0);
        }
    }
    let total: f32 = widths.iter().sum();
    let scale = (RIGHT - LEFT) / total;
    let mut x = LEFT;
    widths
        .iter()
        .map(|w| {
            let edge = (x, x + w * scale);
            x += w * scale;
            edge
        })
        .collect()
}

fn row(
    page: &mut Page,
    y: f32,
    cells: &[String],
    edges: &[(f32, f32)],
    numeric: &[bool],
    weight: Weight,
) {
    for (index, cell) in cells.iter().enumerate().take(edges.len()) {
        let (left, right) = edges[index];
        if numeric[index] {
            page.text_right(right - 1.0, y, SIZE, weight, cell);
        } else {
            page.text(left + 1.0, y, SIZE, weight, cell);
        }
    }
}

pub fn render(title: &str, subtitle: &str, tables: &[Table]) -> Result<Vec<u8>> {
    let mut document = Document::new(title)?;
    let mut page = document.page();
    page.text(LEFT, 20.0, 15.0, Weight::Bold, title);
    page.text(LEFT, 26.0, 9.0, Weight::Regular, subtitle);
    page.hline(LEFT, RIGHT, 29.0, 0.4);
    let mut y = 38.0;
    for table in tables {
        let needed = 14.0 + LINE * table.rows.len().min(3) as f32;
        if y + needed > BOTTOM {
            document.push(std::mem::replace(&mut page, document.page()));
            y = 20.0;
        }
        page.text(LEFT, y, 10.0, Weight::Bold, &table.title);
        y += 6.0;
        let edges = column_edges(table);
        let numeric: Vec<bool> = (0..table.header.len())
            .map(|column| {
                column > 0
                    && table
                        .rows
                        .iter()
                        .filter_map(|r| r.get(column))
                        .filter(|c| !c.is_empty())
                        .all(|c| is_figure(c))
            })
            .collect();
        page.shade(LEFT, y - 4.0, RIGHT - LEFT, 5.5);
        row(&mut page, y, &table.header, &edges, &numeric, Weight::Bold);
        y += LINE + 0.5;
        if table.rows.is_empty() {
            page.text(LEFT + 1.0, y, SIZE, Weight::Regular, "—");
            y += LINE;
        }
        for (index, cells) in table.rows.iter().enumerate() {
            if y > BOTTOM {
                document.push(std::mem::replace(&mut page, document.page()));
                y = 20.0;
                row(&mut page, y, &table.header, &edges, &numeric, Weight::Bold);
                y += LINE + 0.5;
            }
            let is_total = table.ends_with_total && index + 1 == table.rows.len();
            if is_total {
                page.hline(LEFT, RIGHT, y - 3.8, 0.2);
            }
            let weight = if is_total {
                Weight::Bold
            } else {
                Weight::Regular
            };
            row(&mut page, y, cells, &edges, &numeric, weight);
            y += LINE;
        }
        y += 6.0;
    }
    document.push(page);
    Ok(document.finish())
}
