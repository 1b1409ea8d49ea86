#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (Swift's -sanitize=fuzzer with AddressSanitizer)
# and runs each for FUZZ_SECONDS (default 60) from its committed seeds in Fuzz/Corpus.
# FUZZ_TARGETS picks targets; FUZZ_SEED fixes libFuzzer's seed and Swift's hashing (CI
# does: from the committed seeds, a CI run repeats the start of a clean run here instead
# of new ground; a failure is reproduced from its crash input). Unset, each run is new
# ground. New corpus entries go to .build-fuzz/corpus/<target> (not committed); a crash leaves its input (and, for a writer check, both renderings) in
# .build-fuzz/crashes/<target>/ and fails the run. (Not "artifacts": SwiftPM owns
# <scratch>/artifacts and empties it on the next build.)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"FuzzDecode FuzzGzip FuzzAccounts FuzzRules FuzzWriters"}
SCRATCH=$PWD/.build-fuzz
SEED_FLAG=()
# Swift seeds its hashing per process: with it random, the targets' dictionaries and sets
# would take other paths, and a fixed seed would not retrace a run.
if [ -n "${FUZZ_SEED:-}" ]; then SEED_FLAG=(-seed="$FUZZ_SEED"); export SWIFT_DETERMINISTIC_HASHING=1; fi
# Coverage flags: a plain --sanitize=fuzzer build links libFuzzer without coverage feedback.
(cd Fuzz && swift build --sanitize=fuzzer --sanitize=address \
  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table --scratch-path "$SCRATCH")
status=0
for t in $TARGETS; do
  mkdir -p "$SCRATCH/corpus/$t" "$SCRATCH/crashes/$t"
  echo "== $t: ${SECONDS_PER}s"
  # -timeout: one input running 10 s is a hang (an unbounded regex, a loop); -rss_limit_mb: a
  # decompression bomb must stay bounded.
  # The fuzzer takes the subshell's process id (exec): its scratch files are named for it.
  if ! (
    echo "$BASHPID" > "$SCRATCH/$t.pid"
    SWIFT_BACKTRACE=enable=no exec "$SCRATCH/debug/$t" "$SCRATCH/corpus/$t" "Fuzz/Corpus/$t" \
      -max_total_time="$SECONDS_PER" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$SCRATCH/crashes/$t/" -print_final_stats=1 "${SEED_FLAG[@]}" 2> "$SCRATCH/$t.log"
  ); then
    status=1
    echo "$t: FAILED; input and log in $SCRATCH/crashes/$t/ and $SCRATCH/$t.log"
    grep -E "fuzz invariant broken|ERROR: AddressSanitizer|Fatal error|SUMMARY|Test unit written" "$SCRATCH/$t.log" | head -8
    # Renderings a writer check kept, to see where hostile and tamed output part.
    for f in /dev/shm/distillscan-fuzz-"$(cat "$SCRATCH/$t.pid")"-* /tmp/distillscan-fuzz-"$(cat "$SCRATCH/$t.pid")"-*; do
      if [ -e "$f" ]; then mv "$f" "$SCRATCH/crashes/$t/"; fi
    done
  fi
  grep -E "^stat::number_of_executed_units|^Done" "$SCRATCH/$t.log" | tr '\n' ' '; echo
  # This run's scratch files only (Fuzz/Sources/FuzzSupport: distillscan-fuzz-<pid><suffix>,
  # a suffix starting with '-' or '.'); other fuzzers on the machine may be using theirs.
  pid=$(cat "$SCRATCH/$t.pid")
  rm -f /dev/shm/distillscan-fuzz-"$pid" /dev/shm/distillscan-fuzz-"$pid"[-.]* /tmp/distillscan-fuzz-"$pid" /tmp/distillscan-fuzz-"$pid"[-.]*
done
exit $status
