#!/usr/bin/env bash
# Regenerates the README's screenshots (assets/screenshots) from the demo store: the release
# app in a real window under Xvfb, signed in as the demo's owner. Needs xvfb, xdotool and
# ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release
.ci/screenshot assets/screenshots
