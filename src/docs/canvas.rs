//! A small drawing surface over printpdf: millimetres from the top-left corner of an A4
//! page, as the FEBRABAN drawings are measured. printpdf's API changes between minor
//! versions; every call to it lives here.

use std::sync::OnceLock;

use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, WindingOrder,
};

use super::fonts::{BOLD_FONT_BYTES, FONT_BYTES};
use super::itf;
use crate::error::{Error, Result};

pub const A4_WIDTH: f32 = 210.0;
pub const A4_HEIGHT: f32 = 297.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

struct Metrics {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| Metrics {
        // The fonts are compiled in and known to parse (tested).
        regular: ttf_parser::Face::parse(FONT_BYTES, 0).expect("embedded regular font"),
        bold: ttf_parser::Face::parse(BOLD_FONT_BYTES, 0).expect("embedded bold font"),
    })
}

/// Width in millimetres of `text` at `size` points.
pub fn text_width(text: &str, size: f32, weight: Weight) -> f32 {
    let face = match weight {
        Weight::Regular => &metrics().regular,
        Weight::Bold => &metrics().bold,
    };
    let units: u32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|glyph| face.glyph_hor_advance(glyph))
                .map_or(0, u32::from)
        })
        .sum();
    units as f32 / f32::from(face.units_per_em()) * size / PT_PER_MM
}

/// Breaks `text` into lines no wider than `width` millimetres.
pub fn wrap(text: &str, width: f32, size: f32, weight: Weight) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && text_width(&candidate, size, weight) > width {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            } else {
                line = candidate;
            }
        }
        lines.push(line);
    }
    lines
}

/// A document being drawn: pages of A4, the two faces of DejaVu Sans embedded and subset.
pub struct Document {
    pdf: PdfDocument,
    regular: FontId,
    bold: FontId,
    pages: Vec<PdfPage>,
}

/// One page's drawing operations.
pub struct Page {
    ops: Vec<Op>,
    regular: FontId,
    bold: FontId,
    /// The fill colour last set, so it is set again only when it changes.
    fill: Option<Fill>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fill {
    Black,
    Shade,
}

/// Millimetres to points, rounded to 0.01 pt (3.5 µm): short numbers in the content
/// stream make the files smaller and quicker to compress.
fn pt(mm: f32) -> Pt {
    Pt((mm * PT_PER_MM * 100.0).round() / 100.0)
}

fn point(x: f32, y: f32) -> Point {
    Point {
        x: pt(x),
        y: pt(A4_HEIGHT - y),
    }
}

fn black() -> Color {
    grey(0.0)
}

fn grey(level: f32) -> Color {
    Color::Rgb(Rgb {
        r: level,
        g: level,
        b: level,
        icc_profile: None,
    })
}

impl Document {
    pub fn new(title: &str) -> Result<Document> {
        let parse = |bytes: &[u8]| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .ok_or_else(|| Error::Pdf("DejaVu Sans".to_string()))
        };
        let mut pdf = PdfDocument::new(title);
        let regular = pdf.add_font(&parse(FONT_BYTES)?);
        let bold = pdf.add_font(&parse(BOLD_FONT_BYTES)?);
        Ok(Document {
            pdf,
            regular,
            bold,
            pages: Vec::new(),
        })
    }

    pub fn page(&self) -> Page {
        Page {
            ops: Vec::new(),
            regular: self.regular.clone(),
            bold: self.bold.clone(),
            fill: None,
        }
    }

    pub fn push(&mut self, page: Page) {
        self.pages
            .push(PdfPage::new(Mm(A4_WIDTH), Mm(A4_HEIGHT), page.ops));
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn finish(mut self) -> Vec<u8> {
        let pages = std::mem::take(&mut self.pages);
        self.pdf
            .with_pages(pages)
            .save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}

impl Page {
    fn set_fill(&mut self, fill: Fill) {
        if self.fill != Some(fill) {
            let col = match fill {
                Fill::Black => black(),
                Fill::Shade => grey(0.92),
            };
            self.ops.push(Op::SetFillColor { col });
            self.fill = Some(fill);
        }
    }

    /// Text with its baseline at `y`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, text: &str) {
        if text.is_empty() {
            return;
        }
        let font = match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        };
        self.set_fill(Fill::Black);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetTextCursor { pos: point(x, y) },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    pub fn text_right(&mut self, right: f32, y: f32, size: f32, weight: Weight, text: &str) {
        let x = right - text_width(text, size, weight);
        self.text(x, y, size, weight, text);
    }

    pub fn text_centered(&mut self, centre: f32, y: f32, size: f32, weight: Weight, text: &str) {
        let x = centre - text_width(text, size, weight) / 2.0;
        self.text(x, y, size, weight, text);
    }

    /// Wrapped text from baseline `y`; returns the baseline after the last line.
    pub fn paragraph(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        size: f32,
        weight: Weight,
        text: &str,
    ) -> f32 {
        let leading = size * 1.3 / PT_PER_MM;
        let mut y = y;
        for line in wrap(text, width, size, weight) {
            self.text(x, y, size, weight, &line);
            y += leading;
        }
        y
    }

    fn rect_op(x: f32, y: f32, width: f32, height: f32, mode: PaintMode) -> Op {
        let lower_left = point(x, y + height);
        Op::DrawRectangle {
            rectangle: Rect {
                x: lower_left.x,
                y: lower_left.y,
                width: pt(width),
                height: pt(height),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        }
    }

    /// A filled black rectangle with its top-left corner at (`x`, `y`).
    pub fn fill(&mut self, x: f32, y: f32, width: f32, height: f32) {
        self.set_fill(Fill::Black);
        self.ops
            .push(Self::rect_op(x, y, width, height, PaintMode::Fill));
    }

    /// A light grey band behind a heading or a total.
    pub fn shade(&mut self, x: f32, y: f32, width: f32, height: f32) {
        self.set_fill(Fill::Shade);
        self.ops
            .push(Self::rect_op(x, y, width, height, PaintMode::Fill));
    }

    pub fn frame(&mut self, x: f32, y: f32, width: f32, height: f32, thickness: f32) {
        self.ops.extend([
            Op::SetOutlineColor { col: black() },
            Op::SetOutlineThickness {
                pt: Pt(thickness * PT_PER_MM),
            },
            Op::SetLineDashPattern {
                dash: LineDashPattern::solid(),
            },
            Self::rect_op(x, y, width, height, PaintMode::Stroke),
        ]);
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, dash: LineDashPattern) {
        self.ops.extend([
            Op::SetOutlineColor { col: black() },
            Op::SetOutlineThickness {
                pt: Pt(thickness * PT_PER_MM),
            },
            Op::SetLineDashPattern { dash },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: point(from.0, from.1),
                            bezier: false,
                        },
                        LinePoint {
                            p: point(to.0, to.1),
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            },
        ]);
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, thickness: f32) {
        self.line((x1, y), (x2, y), thickness, LineDashPattern::solid());
    }

    pub fn vline(&mut self, x: f32, y1: f32, y2: f32, thickness: f32) {
        self.line((x, y1), (x, y2), thickness, LineDashPattern::solid());
    }

    /// The dotted line where the clerk cuts the page.
    pub fn cut_line(&mut self, x1: f32, x2: f32, y: f32) {
        self.line(
            (x1, y),
            (x2, y),
            0.2,
            LineDashPattern::new(0.0, &[3.0, 2.0]),
        );
    }

    pub fn cut_line_vertical(&mut self, x: f32, y1: f32, y2: f32) {
        self.line(
            (x, y1),
            (x, y2),
            0.2,
            LineDashPattern::new(0.0, &[3.0, 2.0]),
        );
    }

    /// The boleto barcode: Interleaved 2 of 5 as exact vector bars, `width` millimetres
    /// long and `height` tall, top-left at (`x`, `y`). The caller leaves the quiet zones.
    pub fn itf(&mut self, x: f32, y: f32, width: f32, height: f32, digits: &str) -> Result<()> {
        let (bars, total) = itf::bars(digits).ok_or_else(|| Error::Pdf(format!("ITF {digits}")))?;
        let narrow = width / total as f32;
        self.set_fill(Fill::Black);
        for (start, units) in bars {
            self.ops.push(Self::rect_op(
                x + start as f32 * narrow,
                y,
                units as f32 * narrow,
                height,
                PaintMode::Fill,
            ));
        }
        Ok(())
    }

    /// A QR code as vector modules, `size` millimetres square with its four-module quiet
    /// zone inside, top-left at (`x`, `y`).
    pub fn qr(&mut self, x: f32, y: f32, size: f32, code: &QrModules) {
        let module = size / (code.width + 8) as f32;
        let origin = (x + 4.0 * module, y + 4.0 * module);
        self.set_fill(Fill::Black);
        for (column, row, width, height) in dark_rectangles(&code.colors, code.width) {
            self.ops.push(Self::rect_op(
                origin.0 + column as f32 * module,
                origin.1 + row as f32 * module,
                width as f32 * module,
                height as f32 * module,
                PaintMode::Fill,
            ));
        }
    }
}

/// A QR code's modules, encoded apart from drawing so many can be encoded at once.
pub struct QrModules {
    colors: Vec<qrcode::Color>,
    width: usize,
}

impl QrModules {
    pub fn encode(payload: &str) -> Result<QrModules> {
        let code = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M)
            .map_err(|e| Error::Pdf(e.to_string()))?;
        Ok(QrModules {
            width: code.width(),
            colors: code.to_colors(),
        })
    }

    /// Encodes every payload, spread over the machine's cores (choosing the mask is
    /// most of a carnê's drawing time).
    pub fn encode_all(payloads: &[&str]) -> Result<Vec<QrModules>> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = payloads.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let workers: Vec<_> = payloads
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|p| QrModules::encode(p))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            let mut all = Vec::with_capacity(payloads.len());
            for worker in workers {
                let encoded = worker.join().map_err(|_| Error::Pdf("QR".to_string()))?;
                for code in encoded {
                    all.push(code?);
                }
            }
            Ok(all)
        })
    }
}

/// The dark modules of a QR as few rectangles: runs along each row, stacked downwards
/// while the rows below repeat the same run. (column, row, width, height) in modules.
fn dark_rectangles(colors: &[qrcode::Color], modules: usize) -> Vec<(usize, usize, usize, usize)> {
    let dark = |row: usize, column: usize| colors[row * modules + column] == qrcode::Color::Dark;
    let mut runs: Vec<Vec<(usize, usize)>> = Vec::with_capacity(modules);
    for row in 0..modules {
        let mut found = Vec::new();
        let mut column = 0;
        while column < modules {
            if dark(row, column) {
                let start = column;
                while column < modules && dark(row, column) {
                    column += 1;
                }
                found.push((start, column - start));
            } else {
                column += 1;
            }
        }
        runs.push(found);
    }
    let mut rectangles = Vec::new();
    for row in 0..modules {
        let row_runs = std::mem::take(&mut runs[row]);
        for (start, width) in row_runs {
            let mut height = 1;
            while row + height < modules {
                let below = &mut runs[row + height];
                match below.iter().position(|run| *run == (start, width)) {
                    Some(index) => {
                        below.remove(index);
                        height += 1;
                    }
                    None => break,
                }
            }
            rectangles.push((start, row, width, height));
        }
    }
    rectangles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_rectangles_cover_exactly_the_dark_modules() {
        let code =
            qrcode::QrCode::new("00020126360014br.gov.bcb.pix0114123456780001955204").unwrap();
        let modules = code.width();
        let colors = code.to_colors();
        let mut painted = vec![false; colors.len()];
        for (column, row, width, height) in dark_rectangles(&colors, modules) {
            for r in row..row + height {
                for c in column..column + width {
                    assert!(!painted[r * modules + c], "painted twice");
                    painted[r * modules + c] = true;
                }
            }
        }
        for (index, color) in colors.iter().enumerate() {
            assert_eq!(painted[index], *color == qrcode::Color::Dark);
        }
    }

    #[test]
    fn text_is_measured_with_the_embedded_font() {
        let narrow = text_width("iiii", 10.0, Weight::Regular);
        let wide = text_width("MMMM", 10.0, Weight::Regular);
        assert!(wide > narrow * 2.0);
        assert!(
            text_width("R$ 1.234,56", 10.0, Weight::Bold)
                > text_width("R$ 1.234,56", 10.0, Weight::Regular)
        );
        assert_eq!(
            wrap("um dois três", 1000.0, 10.0, Weight::Regular),
            ["um dois três"]
        );
        assert_eq!(wrap("um dois três", 5.0, 10.0, Weight::Regular).len(), 3);
    }
}
