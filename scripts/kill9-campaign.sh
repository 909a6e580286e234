#!/usr/bin/env bash
# kill -9 campaign: SIGKILLs `cchc import`, `cchc set` and the owner process
# (`cchc serve`) at random moments and checks, after every kill, that
#
#   1. the store still opens (`cchc list` exits 0), and
#   2. no acknowledged edit is lost: every `cchc set` that exited 0 and printed
#      "Saved …" before it could be killed, and every import that exited 0, is
#      in `cchc export` at the end (read straight from disk, no owner running).
#
# Scenarios (each in its own temporary data folder, `--data-dir`):
#
#   set    no owner runs; each trial starts `cchc set TASK --note k9-<trial>`
#          and SIGKILLs it after a random delay spread over 0..1.5x the
#          duration of an unkilled `set` (clamped to 10..60 ms), so some
#          trials finish and some are cut during start-up or mid-write.
#   import each trial seeds a fresh folder (the bundled plan, no edits), then
#          SIGKILLs `cchc import DUMP` after a random delay spread over
#          0..1.5x the duration of an unkilled import (clamped to 10..300 ms).
#          The store must then be exactly the old state or exactly the
#          imported one (never a mix), and when the import had not landed a
#          second `cchc import DUMP` must succeed.
#   migrate each trial copies the schema-5 fixture and SIGKILLs the first
#          `cchc list` on it (which splits its catalog into index and texts)
#          after a random delay; the store must open with everything it had.
#   owner  `cchc serve` runs; two writers loop `cchc set` with distinct notes
#          through it while the script SIGKILLs the owner 0..200 ms after it
#          answers. A new owner is started by a writer whose edit was in
#          flight (the client does that), or else by the script. An edit
#          reported "NOT SAVED" must really be absent.
#
# Usage:
#   scripts/kill9-campaign.sh [--trials N] [--bin PATH] [--only import|set|migrate|owner]
#                             [--keep-failed DIR]
#
#   --trials N         trials per scenario (default 200)
#   --bin PATH         the cchc binary (default: $CARGO_TARGET_DIR/release/cchc,
#                      else target/release/cchc; build it first with
#                      `cargo build --release`)
#   --only SCENARIO    run one scenario only
#   --keep-failed DIR  copy the data folder of each failing trial into DIR
#
# Progress, one character a trial: set "." finished, "k" killed; import "n"
# landed imported, "o" landed old (then imported again), "T" torn, "X" does
# not open; owner "k" owner killed, "-" it had stopped by itself. Failures are
# printed in full as they happen, then a summary per scenario: trials,
# acknowledged edits, lost ones and stores that would not open (both must be 0).
#
# Needs bash >= 5 (EPOCHREALTIME), jq and coreutils' timeout. Every command
# that is not meant to be killed runs under `timeout 30`; the killed ones are
# bounded by the kill itself. Temporary folders and every background process
# the script started (writers, owners) are removed on exit, also on Ctrl-C.
# "Today" is fixed with CCHC_TODAY=2027-03-10 and messages are in English.
#
# Exit status: 0 when every scenario passed, 1 when any failed, 2 on bad usage
# or a missing tool.

set -uo pipefail # not -e: the script inspects exit codes itself

TRIALS=200
BIN=""
ONLY=""
KEEP_FAILED=""

usage() {
    sed -n '/^# Usage:/,/^#   --keep-failed/p' "$0" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
    case "$1" in
        --trials) TRIALS=${2:-}; shift 2 ;;
        --bin) BIN=${2:-}; shift 2 ;;
        --only) ONLY=${2:-}; shift 2 ;;
        --keep-failed) KEEP_FAILED=${2:-}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

case "$TRIALS" in '' | *[!0-9]*) echo "--trials needs a number" >&2; exit 2 ;; esac
case "$ONLY" in '' | import | set | migrate | owner) ;; *) echo "--only import|set|migrate|owner" >&2; exit 2 ;; esac

REPO=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "$BIN" ]; then
    BIN="${CARGO_TARGET_DIR:-$REPO/target}/release/cchc"
fi
if [ ! -x "$BIN" ]; then
    echo "no cchc binary at $BIN: build it (cargo build --release) or pass --bin PATH" >&2
    exit 2
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
for tool in jq timeout; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done
if [ -z "${EPOCHREALTIME:-}" ]; then
    echo "bash >= 5 is needed (EPOCHREALTIME)" >&2
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cchc-k9.XXXXXX")
export CCHC_TODAY=2027-03-10
export CCHC_LANG=en
export CCHC_CONFIG_DIR="$WORK/config"
unset CCHC_DATA
mkdir -p "$CCHC_CONFIG_DIR"
# A stray owner (one a client started and the script missed) stops by itself.
printf '[share]\nidle_seconds = 5\n' >"$CCHC_CONFIG_DIR/config.toml"

WRITER_PIDS=() # the writer loops of the owner scenario
OWNER_PIDS=()  # the owners this script started itself
DATA_DIRS=()   # data folders that may have an owner running

# ---------------------------------------------------------------- clean-up

# The pid of the owner serving DIR, from the store's lock file, only when that
# process really is `cchc … --data-dir DIR serve`.
owner_pid_from_lock() {
    local dir=$1 pid
    pid=$(sed -n 's/^pid \([0-9][0-9]*\), .*cchc owner.*/\1/p' "$dir/cchc.lock" 2>/dev/null)
    [ -n "$pid" ] && is_owner_of "$pid" "$dir" && echo "$pid"
}

# True when PID is alive (not a zombie) and is `cchc … --data-dir DIR serve`.
is_owner_of() {
    local pid=$1 dir=$2 cmd state
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
    [ "$state" != Z ] || return 1
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    case "$cmd" in *"--data-dir $dir serve"*) return 0 ;; esac
    return 1
}

# Ends only what this script started, each checked by its id before the kill:
# the writers (children of this shell) and the owners serving its folders
# (started by it or by a cchc it ran).
writers_alive() {
    local pid
    for pid in "${WRITER_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done
    return 1
}

cleanup() {
    local pid dir i
    for dir in "${DATA_DIRS[@]}"; do touch "$dir.stop" 2>/dev/null; done
    # The writers stop after their current command; give them 3 s.
    for ((i = 0; i < 150; i++)); do
        writers_alive || break
        sleep 0.02
    done
    for pid in "${WRITER_PIDS[@]}"; do
        [ "$(awk '/^PPid:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" = $$ ] && kill -9 "$pid" 2>/dev/null
    done
    for dir in "${DATA_DIRS[@]}"; do
        for pid in "${OWNER_PIDS[@]}" $(owner_pid_from_lock "$dir"); do
            is_owner_of "$pid" "$dir" && kill -9 "$pid" 2>/dev/null
        done
    done
    for pid in "${WRITER_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

# ---------------------------------------------------------------- helpers

now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

# A random whole number in 0..MAX.
rand_upto() { echo $((((RANDOM << 15) | RANDOM) % ($1 + 1))); }

sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

clamp() { local v=$1; [ "$v" -lt "$2" ] && v=$2; [ "$v" -gt "$3" ] && v=$3; echo "$v"; }

# cchc on DIR, bounded in time: k9 DIR ARGS…
k9() { local dir=$1; shift; timeout 30 "$BIN" --lang en --data-dir "$dir" "$@"; }

# Runs cchc on DIR in the background and SIGKILLs it after DELAY ms:
# killed_run DIR DELAY OUT ARGS…  Sets KRC to its exit status (137 when the
# kill came first). Not under `timeout`: the kill bounds it.
killed_run() {
    local dir=$1 delay=$2 out=$3 pid
    shift 3
    "$BIN" --lang en --data-dir "$dir" "$@" >"$out.out" 2>"$out.err" &
    pid=$!
    sleep_ms "$delay"
    # Not yet reaped by `wait`, so the pid is still this child's (a zombie at
    # worst, when it finished first: then the kill does nothing).
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null # (no "Killed" job notice)
    KRC=$?
}

# True when the store in DIR opens; its error is left in OPEN_ERR.
store_opens() {
    OPEN_ERR=$(k9 "$1" list --format tsv 2>&1 >/dev/null)
    local rc=$?
    [ $rc -eq 0 ] || OPEN_ERR="exit $rc: $OPEN_ERR"
    return $rc
}

# The state an import must reproduce: tasks, overrides, targets, agenda,
# meetings and the history (without when/who, which an import keeps anyway).
state_of() {
    jq -S -c '{schema_version, tasks, overrides, targets, agenda, meetings,
               history: [(.history // [])[] | {seq, subject, field, old, new}]}' "$1"
}
describe() {
    jq -r '"\(.tasks | length) task record(s), \(.targets | length) target(s), \(.history | length) history entries"' "$1" 2>/dev/null ||
        echo "(not JSON)"
}

# Every k9- note anywhere in DIR's export, one a line, sorted.
notes_in() {
    k9 "$1" export | jq -r '.. | strings | select(startswith("k9-"))' | sort -u
}

# The first ids of the plan's tasks that are not recurring.
task_ids() {
    k9 "$1" list --format tsv | awk -F'\t' 'NR > 1 && $1 !~ /@/ {print $1}' | head -n "$2"
}

FAILED_SCENARIOS=()
SUMMARY=()
SCENARIO=""
FAILS=0

fail() {
    FAILS=$((FAILS + 1))
    printf '\nFAIL [%s] %s\n' "$SCENARIO" "$*"
}

keep() { # keep DIR NAME: a copy of a failing data folder, when asked for
    [ -n "$KEEP_FAILED" ] || return 0
    mkdir -p "$KEEP_FAILED" && cp -a "$1" "$KEEP_FAILED/$2" && echo "  (data folder kept in $KEEP_FAILED/$2)"
}

progress() { printf '%s' "$1"; }

finish_scenario() { # finish_scenario TRIALS ACKED LOST UNOPENABLE START_MS DETAIL
    local secs result
    secs=$(awk -v ms=$(($(now_ms) - $5)) 'BEGIN { printf "%.1f", ms / 1000 }')
    result=PASS
    if [ "$FAILS" -gt 0 ]; then result=FAIL; FAILED_SCENARIOS+=("$SCENARIO"); fi
    printf '\n'
    SUMMARY+=("$(printf '%-7s %6s %12s %5s %10s %7ss  %s  %s' \
        "$SCENARIO" "$1" "$2" "$3" "$4" "$secs" "$result" "$6")")
    printf '%s\n' "${SUMMARY[-1]}"
}

# ---------------------------------------------------------------- set

scenario_set() {
    SCENARIO=set
    FAILS=0
    local start dir task t0 dur maxdelay trial delay note acked=0 finished=0 killed=0
    local lost=0 unopenable=0 saved_anyway=0 odd=0 done_trials=0
    start=$(now_ms)
    dir="$WORK/set/data"
    mkdir -p "$WORK/set"
    store_opens "$dir" || { fail "a fresh store did not open: $OPEN_ERR"; finish_scenario 0 0 0 1 "$start" ""; return; }
    task=$(task_ids "$dir" 1)
    : >"$WORK/set/acked"

    # Three unkilled edits, to spread the kills over their median duration.
    local times=() m
    for m in 1 2 3; do
        t0=$(now_ms)
        if k9 "$dir" set "$task" --note "k9-0-$m" | grep -q '^Saved'; then echo "k9-0-$m" >>"$WORK/set/acked"; fi
        times+=($(($(now_ms) - t0)))
    done
    dur=$(median3 "${times[@]}")
    maxdelay=$(clamp $((dur * 3 / 2)) 10 60)
    echo "set: task $task, an unkilled set takes $dur ms (median of ${times[*]}); kills after 0..$maxdelay ms"

    for ((trial = 1; trial <= TRIALS; trial++)); do
        note="k9-$trial"
        delay=$(rand_upto "$maxdelay")
        killed_run "$dir" "$delay" "$WORK/set/last" set "$task" --note "$note"
        if [ "$KRC" -eq 0 ] && grep -q '^Saved' "$WORK/set/last.out"; then
            echo "$note" >>"$WORK/set/acked"
            finished=$((finished + 1))
            progress .
        elif [ "$KRC" -eq 137 ]; then
            killed=$((killed + 1))
            progress k
        else
            odd=$((odd + 1))
            fail "trial $trial: set exited $KRC without being killed (delay $delay ms): $(cat "$WORK/set/last.out" "$WORK/set/last.err")"
        fi
        if ! store_opens "$dir"; then
            unopenable=$((unopenable + 1))
            fail "trial $trial: the store does not open after set was killed at $delay ms (set exit $KRC): $OPEN_ERR"
            keep "$dir" "set-trial-$trial"
            break
        fi
        done_trials=$trial
    done

    acked=$(wc -l <"$WORK/set/acked")
    if [ "$unopenable" -eq 0 ]; then
        notes_in "$dir" >"$WORK/set/present" || fail "cchc export failed at the end"
        local missing
        missing=$(sort "$WORK/set/acked" | comm -23 - "$WORK/set/present")
        if [ -n "$missing" ]; then
            lost=$(echo "$missing" | wc -l)
            fail "acknowledged notes missing from the export: $(echo $missing)"
            keep "$dir" "set-lost"
        fi
        saved_anyway=$(comm -13 <(sort "$WORK/set/acked") "$WORK/set/present" | wc -l)
    fi
    finish_scenario "$done_trials" "$acked" "$lost" "$unopenable" "$start" \
        "finished $finished, killed $killed (of which saved anyway $saved_anyway), other exits $odd"
}

# ---------------------------------------------------------------- import

scenario_import() {
    SCENARIO=import
    FAILS=0
    local start base src dump dir t0 dur maxdelay trial delay state i id
    local acked=0 lost=0 unopenable=0 landed_old=0 landed_new=0 torn=0 reimport_failed=0
    start=$(now_ms)
    base="$WORK/import"
    src="$base/source"
    dump="$base/dump.json"
    dir="$base/data"
    mkdir -p "$base"

    # The dump: a store with a few edits of every kind a `set` can make.
    store_opens "$src" || { fail "a fresh store did not open: $OPEN_ERR"; finish_scenario 0 0 0 1 "$start" ""; return; }
    i=0
    for id in $(task_ids "$src" 6); do
        i=$((i + 1))
        k9 "$src" set "$id" --progress $((i * 10)) --note "k9-import-$i" >/dev/null &&
            k9 "$src" set "$id" --note "k9-import-$i-again" >/dev/null ||
            { fail "preparing the dump: set $id failed"; finish_scenario 0 0 0 0 "$start" ""; return; }
    done
    # The first target measured in % (a qualitative aim takes no 87,5).
    id=$(k9 "$src" targets --format tsv | awk -F'\t' 'NR > 1 && $4 == "%" {print $1; exit}')
    k9 "$src" target set "$id" 87,5 --note "k9-import-target" >/dev/null ||
        { fail "preparing the dump: target set $id failed"; finish_scenario 0 0 0 0 "$start" ""; return; }
    k9 "$src" export -o "$dump" || { fail "export -o failed"; finish_scenario 0 0 0 0 "$start" ""; return; }
    state_of "$dump" >"$base/new.state"

    # The state before: a freshly seeded store.
    store_opens "$dir" || { fail "a fresh store did not open: $OPEN_ERR"; finish_scenario 0 0 0 1 "$start" ""; return; }
    k9 "$dir" export >"$base/old.json" && state_of "$base/old.json" >"$base/old.state"

    # Three unkilled imports, to spread the kills over their median duration.
    local times=() m
    for m in 1 2 3; do
        rm -rf "$dir"
        store_opens "$dir" || { fail "a fresh store did not open: $OPEN_ERR"; finish_scenario 0 0 0 1 "$start" ""; return; }
        t0=$(now_ms)
        k9 "$dir" import "$dump" >/dev/null || { fail "an unkilled import failed"; finish_scenario 0 0 0 0 "$start" ""; return; }
        times+=($(($(now_ms) - t0)))
        k9 "$dir" export >"$base/now.json"
        if ! state_of "$base/now.json" | cmp -s - "$base/new.state"; then
            fail "an unkilled import does not reproduce the dump: $(describe "$base/now.json") vs $(describe "$dump")"
        fi
    done
    dur=$(median3 "${times[@]}")
    maxdelay=$(clamp $((dur * 3 / 2)) 10 300)
    echo "import: dump of $(describe "$dump"); an unkilled import takes $dur ms (median of ${times[*]}); kills after 0..$maxdelay ms"

    for ((trial = 1; trial <= TRIALS; trial++)); do
        rm -rf "$dir"
        if ! store_opens "$dir"; then
            fail "trial $trial: a fresh store did not open: $OPEN_ERR"
            unopenable=$((unopenable + 1))
            continue
        fi
        delay=$(rand_upto "$maxdelay")
        killed_run "$dir" "$delay" "$base/last" import "$dump"
        [ "$KRC" -eq 0 ] && acked=$((acked + 1))
        if ! store_opens "$dir"; then
            unopenable=$((unopenable + 1))
            progress X
            fail "trial $trial: the store does not open after import was killed at $delay ms (import exit $KRC, said: $(cat "$base/last.out" "$base/last.err" | tr '\n' ' ')): $OPEN_ERR"
            keep "$dir" "import-trial-$trial"
            continue
        fi
        k9 "$dir" export >"$base/now.json"
        state=torn
        if state_of "$base/now.json" | cmp -s - "$base/new.state"; then
            state=new
        elif state_of "$base/now.json" | cmp -s - "$base/old.state"; then
            state=old
        fi
        case "$state" in
            new) landed_new=$((landed_new + 1)); progress n ;;
            old) landed_old=$((landed_old + 1)); progress o ;;
            torn)
                torn=$((torn + 1)); progress T
                fail "trial $trial: after import was killed at $delay ms (exit $KRC) the store is neither the old state nor the dump: $(describe "$base/now.json")"
                keep "$dir" "import-trial-$trial"
                ;;
        esac
        if [ "$KRC" -eq 0 ] && [ "$state" != new ]; then
            lost=$((lost + 1))
            fail "trial $trial: import exited 0 but the store holds $(describe "$base/now.json")"
        fi
        if [ "$state" = old ]; then
            local out
            if ! out=$(k9 "$dir" import "$dump" 2>&1); then
                reimport_failed=$((reimport_failed + 1))
                fail "trial $trial: import again after the kill failed: $out"
                keep "$dir" "import-trial-$trial"
            elif ! k9 "$dir" export | state_of /dev/stdin | cmp -s - "$base/new.state"; then
                reimport_failed=$((reimport_failed + 1))
                fail "trial $trial: import again succeeded but the store does not match the dump"
            fi
        fi
    done
    finish_scenario "$TRIALS" "$acked" "$lost" "$unopenable" "$start" \
        "landed old $landed_old (re-import failed $reimport_failed), new $landed_new, torn $torn"
}

# ---------------------------------------------------------------- migrate

# A store of the previous schema (the schema-5 fixture) is split into the
# plan's index and its tasks' texts by the first command that opens it:
# killed at any moment, it must open afterwards with everything it had.
scenario_migrate() {
    SCENARIO=migrate
    FAILS=0
    local start base fixture dir t0 dur maxdelay trial delay times=() m
    local acked=0 lost=0 unopenable=0 migrated=0 not_yet=0
    start=$(now_ms)
    base="$WORK/migrate"
    fixture="$(dirname "$0")/../tests/fixtures/store-schema-5"
    dir="$base/data"
    mkdir -p "$base"
    for m in 1 2 3; do
        rm -rf "$dir" && cp -r "$fixture" "$dir"
        t0=$(now_ms)
        k9 "$dir" list --format tsv >/dev/null || { fail "an unkilled migration failed"; finish_scenario 0 0 0 1 "$start" ""; return; }
        times+=($(($(now_ms) - t0)))
    done
    k9 "$dir" export >"$base/migrated.json" && state_of "$base/migrated.json" >"$base/migrated.state"
    dur=$(median3 "${times[@]}")
    maxdelay=$(clamp $((dur * 3 / 2)) 10 300)
    echo "migrate: an unkilled first open of the schema-5 fixture takes $dur ms; kills after 0..$maxdelay ms"
    for ((trial = 1; trial <= TRIALS; trial++)); do
        rm -rf "$dir" && cp -r "$fixture" "$dir"
        delay=$(rand_upto "$maxdelay")
        killed_run "$dir" "$delay" "$base/last" list --format tsv
        [ "$KRC" -eq 0 ] && { acked=$((acked + 1)); migrated=$((migrated + 1)); } || not_yet=$((not_yet + 1))
        if ! store_opens "$dir"; then
            unopenable=$((unopenable + 1))
            progress X
            fail "trial $trial: the store does not open after its migration was killed at $delay ms: $OPEN_ERR"
            keep "$dir" "migrate-trial-$trial"
            continue
        fi
        k9 "$dir" export >"$base/now.json"
        if state_of "$base/now.json" | cmp -s - "$base/migrated.state"; then
            progress .
        else
            lost=$((lost + 1))
            progress L
            fail "trial $trial: after a migration killed at $delay ms the store holds $(describe "$base/now.json")"
            keep "$dir" "migrate-trial-$trial"
        fi
    done
    finish_scenario "$TRIALS" "$acked" "$lost" "$unopenable" "$start" \
        "first commands that finished $migrated, killed $not_yet"
}

# ---------------------------------------------------------------- owner

# Edits TASK in DIR through whichever owner runs, with notes k9-own-wW-J,
# until DIR.stop exists; logs "NOTE OUTCOME" lines to LOG.
writer() {
    local dir=$1 w=$2 task=$3 log=$4 j=0 note out rc outcome
    while [ ! -e "$dir.stop" ]; do
        j=$((j + 1))
        note="k9-own-w$w-$j"
        out=$(k9 "$dir" set "$task" --note "$note" 2>&1)
        rc=$?
        # After a reconnection the saved line follows "… WAS SAVED.".
        if [ $rc -eq 0 ] && grep -q '^Saved' <<<"$out"; then
            outcome=ack
        elif [[ $out == *"NOT SAVED"* ]]; then
            outcome=notsaved
        elif [[ $out == *"NOT KNOWN WHETHER SAVED"* ]]; then
            outcome=unknown
        else
            outcome="other(exit $rc): $(echo "$out" | head -n 1)"
        fi
        echo "$note $outcome" >>"$log"
    done
}

OWNER_STARTED=""   # the last `cchc serve` this script started itself

start_owner() {
    "$BIN" --lang en --data-dir "$1" serve >>"$1.owner-log" 2>&1 &
    OWNER_STARTED=$!
    OWNER_PIDS+=("$OWNER_STARTED")
    # Reaped by bash itself, without a "Killed" notice; kill -0 and /proc
    # tell whether it still runs.
    disown "$OWNER_STARTED"
}

# Sets OWNER_PID to the owner answering on DIR's socket, starting one when
# none answers (OWNER_BY_SCRIPT counts those the script started); fails
# after 20 s.
OWNER_PID=""
OWNER_BY_SCRIPT=0
ensure_owner() {
    local dir=$1 deadline pid
    deadline=$(($(now_ms) + 20000))
    while [ "$(now_ms)" -lt "$deadline" ]; do
        pid=$(k9 "$dir" status 2>/dev/null | sed -n 's/^Owner process: pid \([0-9][0-9]*\).*/\1/p')
        if [ -n "$pid" ] && is_owner_of "$pid" "$dir"; then
            [ "$pid" = "$OWNER_STARTED" ] && [ "$pid" != "$OWNER_PID" ] && OWNER_BY_SCRIPT=$((OWNER_BY_SCRIPT + 1))
            OWNER_PID=$pid
            return 0
        fi
        if [ -z "$OWNER_STARTED" ] || ! kill -0 "$OWNER_STARTED" 2>/dev/null ||
            [ "$(awk '{print $3}' "/proc/$OWNER_STARTED/stat" 2>/dev/null)" = Z ]; then
            start_owner "$dir"
        fi
        sleep 0.02
    done
    return 1
}

# Waits (up to 10 s) until PID is gone or a zombie.
wait_gone() {
    local pid=$1 i
    for ((i = 0; i < 500; i++)); do
        local state
        state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || break
        [ "$state" = Z ] && break
        sleep 0.02
    done
    return 0
}

scenario_owner() {
    SCENARIO=owner
    FAILS=0
    local start base dir tasks trial delay pid w wpids=() acked=0 lost=0 unopenable=0
    local done_trials=0 kills=0 notsaved=0 unknown=0 other=0 contradicted=0
    start=$(now_ms)
    base="$WORK/owner"
    dir="$base/data"
    mkdir -p "$base"
    DATA_DIRS+=("$dir")
    OWNER_STARTED=""
    store_opens "$dir" || { fail "a fresh store did not open: $OPEN_ERR"; finish_scenario 0 0 0 1 "$start" ""; return; }
    read -r -d '' -a tasks < <(task_ids "$dir" 2)
    OWNER_PID=""
    OWNER_BY_SCRIPT=0
    ensure_owner "$dir" || { fail "no owner could be started: $(tail -n 3 "$dir.owner-log" 2>/dev/null)"; finish_scenario 0 0 0 0 "$start" ""; return; }
    echo "owner: writers edit ${tasks[*]} through owner pid $OWNER_PID; kills 0..200 ms after an owner answers"

    rm -f "$dir.stop"
    for w in 1 2; do
        : >"$base/writer$w.log"
        writer "$dir" "$w" "${tasks[$((w - 1))]}" "$base/writer$w.log" &
        wpids+=($!)
        WRITER_PIDS+=($!)
    done

    for ((trial = 1; trial <= TRIALS; trial++)); do
        if ! ensure_owner "$dir"; then
            fail "trial $trial: no owner answered within 20 s: $(tail -n 3 "$dir.owner-log" 2>/dev/null)"
            break
        fi
        pid=$OWNER_PID
        delay=$(rand_upto 200)
        sleep_ms "$delay"
        if is_owner_of "$pid" "$dir"; then
            kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
            wait_gone "$pid"
            progress k
        else
            progress - # it stopped by itself (idle) before the kill
        fi
        done_trials=$trial
        if ! store_opens "$dir"; then
            unopenable=$((unopenable + 1))
            fail "trial $trial: the store does not open after the owner (pid $pid) was killed at $delay ms: $OPEN_ERR"
            keep "$dir" "owner-trial-$trial"
            break
        fi
    done

    # Stop the writers (each command is bounded by timeout 30), then kill the
    # last owner too, so that the final export reads the store from disk.
    touch "$dir.stop"
    for w in "${wpids[@]}"; do wait "$w" 2>/dev/null; done
    if pid=$(owner_pid_from_lock "$dir"); then
        kill -9 "$pid" 2>/dev/null
        wait_gone "$pid"
    fi

    cat "$base"/writer*.log >"$base/outcomes"
    awk '$2 == "ack" {print $1}' "$base/outcomes" | sort >"$base/acked"
    acked=$(wc -l <"$base/acked")
    notsaved=$(awk '$2 == "notsaved"' "$base/outcomes" | wc -l)
    unknown=$(awk '$2 == "unknown"' "$base/outcomes" | wc -l)
    other=$(awk '$2 ~ /^other/' "$base/outcomes" | wc -l)
    if [ "$other" -gt 0 ]; then
        echo "  edits refused for another reason ($other), first ones:"
        awk '$2 ~ /^other/' "$base/outcomes" | head -n 5 | sed 's/^/    /'
    fi
    if [ "$unopenable" -eq 0 ] && store_opens "$dir"; then
        notes_in "$dir" >"$base/present" || fail "cchc export failed at the end"
        local missing
        missing=$(comm -23 "$base/acked" "$base/present")
        if [ -n "$missing" ]; then
            lost=$(echo "$missing" | wc -l)
            fail "acknowledged notes missing from the export: $(echo $missing)"
            keep "$dir" "owner-lost"
        fi
        local lied
        lied=$(awk '$2 == "notsaved" {print $1}' "$base/outcomes" | sort | comm -12 - "$base/present")
        if [ -n "$lied" ]; then
            contradicted=$(echo "$lied" | wc -l)
            fail "edits reported NOT SAVED are in the store: $(echo $lied)"
        fi
    elif [ "$unopenable" -eq 0 ]; then
        unopenable=1
        fail "the store does not open once every process is gone: $OPEN_ERR"
        keep "$dir" "owner-final"
    fi
    finish_scenario "$done_trials" "$acked" "$lost" "$unopenable" "$start" \
        "owners killed $kills (started by the script $OWNER_BY_SCRIPT, else by a client); edits NOT SAVED $notsaved (but present: $contradicted), not known $unknown, other errors $other"
}

# ---------------------------------------------------------------- main

echo "kill -9 campaign: $TRIALS trial(s) per scenario, binary $BIN, work folder $WORK"
for s in set import migrate owner; do
    [ -z "$ONLY" ] || [ "$ONLY" = "$s" ] || continue
    "scenario_$s"
done

echo
echo "summary"
printf '%-7s %6s %12s %5s %10s %8s  %s\n' scenario trials acknowledged lost unopenable time result
printf '%s\n' "${SUMMARY[@]}"
if [ ${#FAILED_SCENARIOS[@]} -gt 0 ]; then
    echo "FAILED: ${FAILED_SCENARIOS[*]}"
    exit 1
fi
echo "all scenarios passed"
