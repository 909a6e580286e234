#!/usr/bin/env bash
# Runs the same operations on the same tasks with taskwarrior 2.6 and with
# cchc, as whole processes, in one run, and prints the medians and ratios
# (see BENCHMARKS.md):
#
#   list: `task +OVERDUE list`              vs `cchc list --overdue`
#   edit: `task ID modify priority:H`       vs `cchc set ID --progress 20`
#
# Each edit really changes something: before every timed edit an untimed one
# sets the other value (priority:L, --progress 10). cchc's edit is durable
# (sled flush plus fsync of every store file); taskwarrior's is not fsynced.
#
# Usage: scripts/compare-taskwarrior.sh [TASKS]     (default 10000)
# Environment: RUNS (default 20), WARMUP (default 3), NO_HYPERFINE=1 to use
# the plain bash loop even when hyperfine is installed, KEEP=1 to keep the
# temporary folder, OWNER=1 to time cchc with its owner process running (as
# it runs whenever a screen is open, or after `cchc serve &`): commands then
# go through it instead of opening the store.
#
# Installs nothing. Needs taskwarrior (apt-get install taskwarrior); uses
# hyperfine when present (apt-get install hyperfine), else a bash loop.

set -euo pipefail

TASKS=${1:-10000}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}

cd "$(dirname "$0")/.."

if ! command -v task >/dev/null 2>&1; then
    echo "taskwarrior is not installed: apt-get install taskwarrior" >&2
    exit 1
fi
TW_VERSION=$(task --version 2>/dev/null || true)
case "$TW_VERSION" in
    2.6*) ;;
    *) echo "warning: taskwarrior $TW_VERSION, not 2.6; figures may differ" >&2 ;;
esac

echo "building cchc and the store generator (release)..." >&2
cargo build --release --quiet
cargo build --release --quiet --example gen_store
TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
CCHC=$TARGET_DIR/release/cchc
GEN=$TARGET_DIR/release/examples/gen_store

# Both tools must agree on "today": taskwarrior reads the real clock, so the
# dues are placed around the real today and cchc is given that day.
export TZ=UTC
TODAY=$(date +%F)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cchc-vs-task.XXXXXX")
if [ "${KEEP:-}" = 1 ]; then
    echo "keeping $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi

"$GEN" --tasks "$TASKS" --dir "$WORK/cchc" --today "$TODAY" \
    --taskwarrior-json "$WORK/tasks.json" >"$WORK/gen.txt"
value() { sed -n "s/^$1=//p" "$WORK/gen.txt"; }
EDIT_ID=$(value edit_id)
EDIT_UUID=$(value edit_uuid)
EXPECTED_OVERDUE=$(value overdue)

# taskwarrior: its own rc and data in the temporary folder; defaults except
# what non-interactive use needs.
export TASKRC=$WORK/taskrc
export TASKDATA=$WORK/task
mkdir -p "$TASKDATA"
cat >"$TASKRC" <<EOF
data.location=$TASKDATA
confirmation=off
verbose=nothing
json.array=on
EOF

# cchc: the generated store and the same today.
export CCHC_DATA=$WORK/cchc
export CCHC_TODAY=$TODAY

start=$(date +%s%N)
task import "$WORK/tasks.json" >/dev/null
import_ms=$(( ($(date +%s%N) - start) / 1000000 ))
task list >/dev/null 2>&1 || true # first report: garbage collection numbers the tasks
TW_ID=$(task _get "$EDIT_UUID.id")

tw_overdue=$(task +OVERDUE count)
cchc_overdue=$("$CCHC" list --overdue --format tsv | tail -n +2 | wc -l)
if [ "$tw_overdue" != "$EXPECTED_OVERDUE" ] || [ "$cchc_overdue" != "$EXPECTED_OVERDUE" ]; then
    echo "warning: overdue counts differ: generated $EXPECTED_OVERDUE," \
        "taskwarrior $tw_overdue, cchc $cchc_overdue" >&2
fi

OWNER_PID=
if [ "${OWNER:-}" = 1 ]; then
    export CCHC_CONFIG_DIR=$WORK/config
    mkdir -p "$CCHC_CONFIG_DIR"
    printf '[share]\nidle_seconds = 3600\n' >"$CCHC_CONFIG_DIR/config.toml"
    "$CCHC" serve >/dev/null 2>&1 &
    OWNER_PID=$!
    trap 'kill "$OWNER_PID" 2>/dev/null; [ "${KEEP:-}" = 1 ] || rm -rf "$WORK"' EXIT
    for _ in $(seq 100); do
        "$CCHC" status 2>/dev/null | grep -q "$OWNER_PID" && break
        sleep 0.1
    done
fi

echo "machine:     $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "tools:       taskwarrior $TW_VERSION; $("$CCHC" --version)"
echo "tasks:       $TASKS ($(value states) with a state, $(value history) history entries)"
echo "today:       $TODAY (TZ=UTC); overdue: taskwarrior $tw_overdue, cchc $cchc_overdue"
echo "edited task: taskwarrior id $TW_ID ($EDIT_UUID), cchc $EDIT_ID"
echo "cchc owner:  ${OWNER_PID:+running (pid $OWNER_PID): commands go through it}${OWNER_PID:-none: each command opens the store}"
echo "task import: ${import_ms} ms (once, informative)"

# median_ms PREPARE COMMAND...: runs COMMAND RUNS times (after WARMUP runs),
# PREPARE (may be empty) untimed before each, output to /dev/null; prints the
# median in milliseconds.
now_us() {
    if [ -n "${EPOCHREALTIME:-}" ]; then
        local t=${EPOCHREALTIME/[.,]/}
        echo "$t"
    else
        echo $(($(date +%s%N) / 1000))
    fi
}
median_ms() {
    local prepare=$1
    shift
    local i t0 t1 times=()
    for ((i = 0; i < WARMUP + RUNS; i++)); do
        if [ -n "$prepare" ]; then $prepare >/dev/null 2>&1; fi
        t0=$(now_us)
        "$@" >/dev/null 2>&1
        t1=$(now_us)
        if ((i >= WARMUP)); then times+=($((t1 - t0))); fi
    done
    printf '%s\n' "${times[@]}" | sort -n |
        awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f\n", m / 1000 }'
}

# hyperfine_medians_ms JSON: the medians of an export, in milliseconds, in order.
hyperfine_medians_ms() {
    grep -o '"median": *[0-9.eE+-]*' "$1" | sed 's/.*: *//' |
        awk '{ printf "%.2f\n", $1 * 1000 }'
}

if command -v hyperfine >/dev/null 2>&1 && [ "${NO_HYPERFINE:-}" != 1 ]; then
    METHOD="hyperfine $(hyperfine --version | awk '{print $2}') -N, $WARMUP warm-up + $RUNS runs, median"
    hyperfine -N --style basic --output null --warmup "$WARMUP" --runs "$RUNS" \
        --export-json "$WORK/list.json" \
        -n "task +OVERDUE list" "task +OVERDUE list" \
        -n "cchc list --overdue" "$CCHC list --overdue" >&2
    hyperfine -N --style basic --output null --warmup "$WARMUP" --runs "$RUNS" \
        --export-json "$WORK/edit.json" \
        --prepare "task $TW_ID modify priority:L" \
        -n "task $TW_ID modify priority:H" "task $TW_ID modify priority:H" \
        --prepare "$CCHC set $EDIT_ID --progress 10" \
        -n "cchc set $EDIT_ID --progress 20" "$CCHC set $EDIT_ID --progress 20" >&2
    { read -r tw_list; read -r cchc_list; } < <(hyperfine_medians_ms "$WORK/list.json")
    { read -r tw_edit; read -r cchc_edit; } < <(hyperfine_medians_ms "$WORK/edit.json")
else
    METHOD="bash loop, $WARMUP warm-up + $RUNS runs, median"
    tw_list=$(median_ms "" task +OVERDUE list)
    cchc_list=$(median_ms "" "$CCHC" list --overdue)
    tw_edit=$(median_ms "task $TW_ID modify priority:L" task "$TW_ID" modify priority:H)
    cchc_edit=$(median_ms "$CCHC set $EDIT_ID --progress 10" "$CCHC" set "$EDIT_ID" --progress 20)
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "method:      $METHOD"
echo
printf '%-6s %16s %16s %14s %6s\n' "" "taskwarrior ms" "cchc ms" "task/cchc" "aim"
printf '%-6s %16s %16s %13s× %5s×\n' list "$tw_list" "$cchc_list" "$(ratio "$tw_list" "$cchc_list")" 10
printf '%-6s %16s %16s %13s× %5s×\n' edit "$tw_edit" "$cchc_edit" "$(ratio "$tw_edit" "$cchc_edit")" 5
echo
echo "list: task +OVERDUE list  vs  CCHC_TODAY=$TODAY cchc list --overdue   (output to /dev/null)"
echo "edit: task $TW_ID modify priority:H  vs  cchc set $EDIT_ID --progress 20   (each after an untimed opposite edit)"
