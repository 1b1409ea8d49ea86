#!/usr/bin/env bash
# Instructions executed by `analyze`, counted by valgrind's cachegrind: the same for the
# same binary and input on any machine and at any load, where wall and CPU time on a
# shared 2-core VM vary by ±15 % from run to run. For comparing two builds of a hot-path
# change (reports must also be byte-identical): run it for both and compare the totals.
#
#   scripts/icount.sh BIN [LOG_DIR [ACCOUNTS]]
#
# Defaults to one day file of the bench corpus (~128,000 requests, ~40 s). One thread, so
# the count does not depend on scheduling. Instruction counts are a proxy: they ignore
# cache misses, which dominate the profile pass (a change that removes misses but not
# instructions shows here as nothing; measure it with `make bench` too).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:?usage: scripts/icount.sh BIN [LOG_DIR [ACCOUNTS]]}
LOGS=${2:-}
ACCOUNTS=${3:-bench-corpus/x1/accounts.jsonl}
if ! command -v valgrind >/dev/null; then
  echo "installing valgrind (apt-get install valgrind) for instruction counts"
  apt-get install -y -qq valgrind >/dev/null
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -z "$LOGS" ]; then
  [ -d bench-corpus/x1/logs ] || { echo "no bench corpus: run 'BENCH_SIZES=x1 make bench' once, or pass LOG_DIR"; exit 2; }
  # One fixed directory, so that reports of two builds name the same input and compare
  # byte for byte; the file is moved into place whole (two runs may start together).
  LOGS=bench-corpus/icount-day/logs
  if [ ! -d "$LOGS" ]; then
    mkdir -p "$WORK/day/logs"
    cp "$(ls bench-corpus/x1/logs/*.gz | sed -n 3p)" "$WORK/day/logs/"
    mkdir -p bench-corpus/icount-day
    mv -T "$WORK/day/logs" "$LOGS" 2>/dev/null || true
  fi
fi
ACC=()
[ -f "$ACCOUNTS" ] && ACC=(--accounts "$ACCOUNTS")
valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$WORK/cg.out" \
  "$BIN" analyze "$LOGS" "${ACC[@]}" --threads 1 --format json -o "$WORK/report.json" 2>&1 |
  sed -n 's/.*I *refs: *//p' | tr -d , | awk '{printf "instructions: %s\n", $1}'
sha256sum "$WORK/report.json" | awk '{print "report sha256: " $1}'
