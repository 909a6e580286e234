#!/bin/sh
# Fuzzes the owner's protocol reader: valid requests with bytes flipped,
# inserted and cut, framed and unframed; 100,000 cases unless told.
#   scripts/fuzz-protocol.sh [CASES]
set -eu
CASES="${1:-100000}"
CCHC_FUZZ_CASES="$CASES" cargo test --test share -- mutated_frames_never_crash_the_reader
