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
        crate::ui::system::open_external(&path);
    }
    Ok(path)
}
