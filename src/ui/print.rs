//! Printing from the app: the PDF goes to the `documentos` folder beside the database and
//! opens in the system's PDF viewer, from which the clerk prints or saves it elsewhere.

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::services::files::write_whole;

/// Where printed documents are kept.
pub fn documents_folder(database: &Path) -> PathBuf {
    database
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("documentos")
}

/// Writes the PDF and, when `open` is set, asks the system to open it; returns the
/// file's path.
pub fn save_and_open(
    database: &Path,
    file_name: &str,
    bytes: &[u8],
    open: bool,
) -> Result<PathBuf> {
    let folder = documents_folder(database);
    std::fs::create_dir_all(&folder).map_err(|e| crate::error::Error::io(&folder, e))?;
    let path = folder.join(file_name);
    write_whole(&path, bytes)?;
    if open {
        open_in_viewer(&path);
    }
    Ok(path)
}

/// Best effort: without a viewer the file is still saved and its path shown.
fn open_in_viewer(path: &Path) {
    #[cfg(target_os = "windows")]
    let command = std::process::Command::new("cmd")
        .args(["/C", "start", ""])
        .arg(path)
        .spawn();
    #[cfg(target_os = "macos")]
    let command = std::process::Command::new("open").arg(path).spawn();
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let command = std::process::Command::new("xdg-open").arg(path).spawn();
    let _ = command;
}
