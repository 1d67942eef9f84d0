#!/usr/bin/env bash
# Builds Régua's .deb (the dist profile: thin LTO, stripped) with cargo-deb; prints its path
# and the sizes of the program and the package. Needs `cargo install cargo-deb`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile dist
deb=$(cargo deb --profile dist --no-build --no-strip | tail -n 1)
echo "program: target/dist/regua ($(du -h target/dist/regua | cut -f1))"
echo "package: $deb ($(du -h "$deb" | cut -f1))"
