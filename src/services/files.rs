//! Files the clerk saves (spreadsheets, PDFs): written beside the target and renamed into
//! place, so a full disk never leaves half a document under that name.

use std::path::Path;

use crate::error::{Error, Result};

pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let result = std::fs::write(&partial, bytes).and_then(|_| std::fs::rename(&partial, path));
    if let Err(error) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(Error::io(path, error));
    }
    Ok(())
}
