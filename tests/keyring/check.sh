#!/usr/bin/env bash
# The SMTP password goes to the desktop's keyring when there is one: starts a private
# D-Bus session with gnome-keyring's Secret Service, saves a password through
# `regua outbox password`, reads it back with secret-tool, and checks that no file
# was written beside the database.
# Usage: tests/keyring/check.sh path/to/regua   (needs gnome-keyring, dbus, libsecret-tools)
set -euo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export REGUA_BIN=$bin WORK=$work
dbus-run-session -- bash -c '
    set -euo pipefail
    eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
    said=$(printf "senha-do-teste\n" | LANG=pt_BR.UTF-8 "$REGUA_BIN" --db "$WORK/regua.sqlite" outbox password)
    echo "$said"
    case "$said" in *"cofre de senhas do sistema"*) ;; *) echo "not kept in the keyring"; exit 1 ;; esac
    found=$(secret-tool search --all service br.regua.smtp 2>&1)
    case "$found" in *"secret = senha-do-teste"*) ;; *) echo "keyring has: $found"; exit 1 ;; esac
    if [ -e "$WORK/regua.sqlite.smtp-secret" ]; then echo "a plain file was written"; exit 1; fi
    if grep -a -q "senha-do-teste" "$WORK"/regua.sqlite*; then echo "the password is in the database"; exit 1; fi
    echo "keyring: the password is in the Secret Service, not in a file nor in the database"
' 2>&1 | grep -v "Failed to set fd limit"
