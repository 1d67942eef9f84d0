// On Windows the app opens without a console window; the command line attaches to the
// console it was typed in.
#![cfg_attr(windows, windows_subsystem = "windows")]

use regua::i18n::{self, Language};

fn main() {
    #[cfg(windows)]
    attach_parent_console();
    i18n::select(Language::from_env());
    let code = regua::cli::run(std::env::args().collect());
    std::process::exit(code);
}

/// Writes to the console of the command prompt that started Régua, if there is one; from
/// the Start menu there is none and nothing changes.
#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and has no other precondition; it fails
    // harmlessly when the parent has no console.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}
