//! Files the clerk saves (spreadsheets, PDFs): written beside the target and renamed into
//! place, so a full disk never leaves half a document under that name.

use std::path::Path;

use crate::error::{Error, Result};

fn partial_of(path: &Path) -> std::path::PathBuf {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    std::path::PathBuf::from(partial)
}

/// Fails, as writing would, when the file cannot be written there: for actions that must
/// not change the database unless their document can be saved.
pub fn check_writable(path: &Path) -> Result<()> {
    let partial = partial_of(path);
    std::fs::write(&partial, b"").map_err(|error| Error::io(path, error))?;
    let _ = std::fs::remove_file(&partial);
    Ok(())
}

pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let partial = partial_of(path);
    let result = std::fs::write(&partial, bytes).and_then(|_| std::fs::rename(&partial, path));
    if let Err(error) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(Error::io(path, error));
    }
    Ok(())
}
