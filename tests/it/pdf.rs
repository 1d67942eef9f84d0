//! Reading the PDFs back as a bank, a Pix app and a person would: `pdftoppm` + `zbarimg`,
//! `pdftotext`, `pdfinfo`, `pdffonts`. Shared by the document tests.

use std::path::Path;
use std::process::Command;

use crate::support::*;

pub fn demo(folder: &Folder, customers: &str) {
    ok(
        &folder.db(),
        &["--today", TODAY, "demo", "--customers", customers],
    );
}

/// The single value `sql` returns.
pub fn value<T: rusqlite::types::FromSql>(
    db: &Path,
    sql: &str,
    params: impl rusqlite::Params,
) -> T {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(sql, params, |row| row.get(0))
        .unwrap()
}

/// What `zbarimg` reads on page `page` rendered at `dpi`: (ITF codes, QR payloads), told
/// apart by the symbology prefix zbar prints (`I2/5:`, `QR-Code:`).
pub fn decode(pdf: &Path, dpi: u32, page: u32) -> (Vec<String>, Vec<String>) {
    let folder = tempfile::tempdir().unwrap();
    let prefix = folder.path().join("page");
    let status = Command::new("pdftoppm")
        .arg("-r")
        .arg(dpi.to_string())
        .arg("-png")
        .arg("-f")
        .arg(page.to_string())
        .arg("-l")
        .arg(page.to_string())
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success(), "pdftoppm failed on {}", pdf.display());
    let images: Vec<_> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "png"))
        .collect();
    assert_eq!(images.len(), 1, "one image for page {page}");
    let output = Command::new("zbarimg")
        .args(["-q", "-Sdisable", "-Si25.enable", "-Sqrcode.enable"])
        .arg(&images[0])
        .output()
        .expect("zbarimg (zbar-tools) is installed");
    let mut itf = Vec::new();
    let mut qr = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        if let Some(code) = line.strip_prefix("I2/5:") {
            itf.push(code.to_string());
        } else if let Some(payload) = line.strip_prefix("QR-Code:") {
            qr.push(payload.to_string());
        }
    }
    (itf, qr)
}

pub fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(output.status.success(), "pdftotext failed");
    String::from_utf8(output.stdout).unwrap()
}

pub fn pdf_pages(pdf: &Path) -> usize {
    let output = Command::new("pdfinfo").arg(pdf).output().unwrap();
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .expect("pdfinfo gives the page count")
        .trim()
        .parse()
        .unwrap()
}

/// `pdffonts`: every font is embedded and subset.
pub fn assert_fonts_embedded_and_subset(pdf: &Path) {
    let output = Command::new("pdffonts").arg(pdf).output().unwrap();
    assert!(output.status.success());
    let listing = String::from_utf8_lossy(&output.stdout).into_owned();
    let fonts: Vec<&str> = listing.lines().skip(2).filter(|l| !l.is_empty()).collect();
    assert!(!fonts.is_empty(), "no fonts:\n{listing}");
    for font in fonts {
        // name type encoding emb sub uni object-number generation
        let fields: Vec<&str> = font.split_whitespace().collect();
        let n = fields.len();
        assert!(n >= 6, "{font}");
        assert_eq!(
            (fields[n - 5], fields[n - 4]),
            ("yes", "yes"),
            "not embedded and subset:\n{listing}"
        );
    }
}
