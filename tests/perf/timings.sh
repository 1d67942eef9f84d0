#!/usr/bin/env bash
# Builds the release binary, creates the 50,000-customer demo store in a temporary
# folder and times the commands the foundation issue sets figures for:
#   regua demo --customers 50000   < 30 s
#   regua board                    < 300 ms (whole process)
#   regua customer show <CPF>      < 50 ms  (whole process)
#   regua ruler run (a day)        < 2 s, a second run < 1 s; outbox >= 20 messages/s
# Usage: tests/perf/timings.sh [customers]   (run from the repository root)
set -euo pipefail
customers=${1:-50000}
today=2026-11-22
cargo build --release --quiet
bin=target/release/regua
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/regua.sqlite"

ms() { echo $(( ($2 - $1) / 1000000 )); }

start=$(date +%s%N)
summary=$("$bin" --db "$db" --today "$today" --json demo --customers "$customers")
end=$(date +%s%N)
demo_ms=$(ms "$start" "$end")
installments=$(echo "$summary" | sed -n 's/.*"installments": \([0-9]*\).*/\1/p')

# The first run after the demo also makes the day's backup: do it once, untimed.
"$bin" --db "$db" --today "$today" board >/dev/null

time_runs() {
    local runs=$1; shift
    local times=()
    for _ in $(seq "$runs"); do
        local s e
        s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N)
        times+=("$(ms "$s" "$e")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "best %d ms, median %d ms, worst %d ms", a[1], a[int((NR+1)/2)], a[NR]}'
}

cpf=$("$bin" --db "$db" --today "$today" --json customer show 1234 | sed -n 's/.*"tax_id_formatted": "\(.*\)".*/\1/p')
echo "customers: $customers  installments: $installments"
echo "regua demo --customers $customers: ${demo_ms} ms"
echo "regua board: $(time_runs 10 "$bin" --db "$db" --today "$today" board)"
echo "regua board --json: $(time_runs 10 "$bin" --db "$db" --today "$today" --json board)"
echo "regua customer show $cpf: $(time_runs 20 "$bin" --db "$db" --today "$today" customer show "$cpf")"
echo "regua customer find conceicao (name search): $(time_runs 10 "$bin" --db "$db" --today "$today" customer find conceicao)"

# The app: update + view timings in process (tiny-skia), then the real window under Xvfb.
ICED_TEST_BACKEND=tiny-skia cargo test --release --quiet --test it ui_performance -- --ignored --nocapture 2>/dev/null \
    | grep -E "launch|switching|keystroke|resident" || true
echo "== negotiation (in process, release)"
cargo test --release --test it options_for_sixty -- --nocapture 2>/dev/null \
    | grep -E "negotiation options" || true
echo "== collection ruler (whole process, Monday 23/11 at 10:00)"
echo "regua ruler run --dry-run: $(time_runs 3 "$bin" --db "$db" --today 2026-11-23 ruler run --now 10:00 --dry-run)"
s=$(date +%s%N); "$bin" --db "$db" --today 2026-11-23 ruler run --now 10:00 >/dev/null; e=$(date +%s%N)
echo "regua ruler run (plans and queues): $(ms "$s" "$e") ms"
echo "regua ruler run again (nothing new): $(time_runs 3 "$bin" --db "$db" --today 2026-11-23 ruler run --now 10:00)"
echo "== ruler and outbox (in process, release, loopback SMTP server)"
cargo test --release --test it -- --ignored collection_timings --nocapture 2>/dev/null \
    | grep -E "ruler|outbox" || true
echo "== documents (in process, release)"
cargo test --release --test it -- --ignored document_timings --nocapture 2>/dev/null \
    | grep -E "second copy|carnê|drawing|encoding" || true
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
    Xvfb :96 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    start=$(date +%s%N)
    DISPLAY=:96 ICED_BACKEND=tiny-skia "$bin" --db "$db" --today "$today" >/dev/null 2>&1 &
    app=$!
    window=""
    for _ in $(seq 200); do
        window=$(DISPLAY=:96 xdotool search --name "gua" 2>/dev/null | head -n 1 || true)
        [ -n "$window" ] && break
        sleep 0.05
    done
    shown=$(date +%s%N)
    echo "app window shown after $(ms "$start" "$shown") ms"
    sleep 5
    echo "app resident memory with the counter screen open: $(awk '/VmRSS/ {print $2, $3}' /proc/$app/status)"
    kill $app $xvfb 2>/dev/null || true
fi
