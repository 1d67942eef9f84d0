#!/usr/bin/env bash
# Renders Régua's icon (assets/icons/regua.svg) in the sizes the desktops ask for: PNGs for
# Linux (hicolor theme), a multi-size .ico for Windows, and 64×64 raw RGBA for the window.
# Needs rsvg-convert (librsvg2-bin) and ImageMagick. The outputs are committed.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
sizes=(16 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
    rsvg-convert -w "$size" -h "$size" regua.svg -o "regua-$size.png"
done
convert regua-16.png regua-24.png regua-32.png regua-48.png regua-64.png regua-256.png regua.ico
convert regua-64.png -depth 8 rgba:regua-64.rgba
ls -l regua-*.png regua.ico regua-64.rgba
