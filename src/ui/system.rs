//! Handing a file or a link to the system: the PDF viewer, the browser (WhatsApp Web).

use std::ffi::OsStr;

/// Best effort: without a viewer or browser nothing happens and the app goes on.
pub fn open_external(target: impl AsRef<OsStr>) {
    let target = target.as_ref();
    #[cfg(target_os = "windows")]
    let command = std::process::Command::new("cmd")
        .args(["/C", "start", ""])
        .arg(target)
        .spawn();
    #[cfg(target_os = "macos")]
    let command = std::process::Command::new("open").arg(target).spawn();
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let command = std::process::Command::new("xdg-open").arg(target).spawn();
    let _ = command;
}
