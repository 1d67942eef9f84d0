#!/usr/bin/env bash
# Builds Régua for Windows from Linux and its installer: target/Regua-Setup-<version>.exe.
# Needs the Rust target x86_64-pc-windows-gnu (rustup), Debian's gcc-mingw-w64-x86-64 and nsis.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=x86_64-pc-windows-gnu
rustup target list --installed | grep -qx "$target" || rustup target add "$target"
cargo build --profile dist --target "$target"
version=$(cargo metadata --no-deps --format-version 1 \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["version"])')
exe="$PWD/target/$target/dist/regua.exe"
out="$PWD/target/Regua-Setup-$version.exe"
makensis -V2 -DVERSION="$version" -DEXE="$exe" -DOUTFILE="$out" \
    -DICON="$PWD/assets/icons/regua.ico" -DGUIDE="$PWD/assets/guia.md" -DREADME="$PWD/README.md" \
    packaging/windows/regua.nsi
echo "program:   $exe ($(du -h "$exe" | cut -f1))"
echo "installer: $out ($(du -h "$out" | cut -f1))"
