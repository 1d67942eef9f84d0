//! For a Windows build, compiles the resources (Régua's icon and the version shown in the
//! file's properties) with the MinGW resource compiler and links them into the program.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=packaging/windows/regua.rc");
    println!("cargo:rerun-if-changed=assets/icons/regua.ico");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("regua-rc.o");
    let version = env::var("CARGO_PKG_VERSION").expect("cargo sets the version");
    let mut numbers: Vec<String> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|part| part.parse::<u16>().unwrap_or(0).to_string())
        .collect();
    numbers.resize(4, "0".to_string());
    let windres = env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".into());
    let status = Command::new(&windres)
        .args([
            "--input",
            "packaging/windows/regua.rc",
            "--output-format=coff",
        ])
        .args(["--include-dir", "assets/icons"])
        .arg(format!("-DVERSION_NUMBERS={}", numbers.join(",")))
        .arg(format!("-DVERSION_TEXT=\\\"{version}\\\""))
        .arg("--output")
        .arg(&out)
        .status()
        .unwrap_or_else(|error| panic!("{windres} did not run ({error}): install gcc-mingw-w64"));
    assert!(
        status.success(),
        "{windres} failed on packaging/windows/regua.rc"
    );
    println!("cargo:rustc-link-arg-bins={}", out.display());
}
