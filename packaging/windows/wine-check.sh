#!/usr/bin/env bash
# Runs the Windows build under Wine (Debian's wine64) from a folder with accents and spaces:
# the version, a demo store in the user's AppData, the board, a backup and a PDF with
# accented names. Run after build.sh. Wine 8 lacks bcryptprimitives.dll (Windows 10 and 11
# have it), so a stub is built beside the program for the check.
set -euo pipefail
cd "$(dirname "$0")/../.."
exe="$PWD/target/x86_64-pc-windows-gnu/dist/regua.exe"
work=$(mktemp -d)
trap 'WINEPREFIX="$work/prefix" /usr/lib/wine/wineserver -w 2>/dev/null || true; rm -rf "$work"' EXIT
user=${USER:-$(id -un)}
folder="$work/Loja São João"
mkdir -p "$folder"
cp "$exe" "$folder/"
printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n' >"$work/stub.def"
x86_64-w64-mingw32-gcc -shared -o "$folder/bcryptprimitives.dll" \
    packaging/windows/prng-stub.c "$work/stub.def" -ladvapi32
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
wine=/usr/lib/wine/wine64
cd "$folder"
"$wine" ./regua.exe --version
"$wine" ./regua.exe --today 2026-11-22 demo --customers 20
test -s "$WINEPREFIX/drive_c/users/$user/AppData/Roaming/Regua/Regua/data/regua.sqlite"
"$wine" ./regua.exe --today 2026-11-22 board | head -n 4
"$wine" ./regua.exe backup --out "C:\\users\\$user\\Cópia da Loja.sqlite"
"$wine" ./regua.exe --today 2026-11-22 second-copy 3 --out "C:\\users\\$user\\segunda via — Conceição.pdf"
test -s "$WINEPREFIX/drive_c/users/$user/segunda via — Conceição.pdf"
echo "the Windows build works under Wine"
