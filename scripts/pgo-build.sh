#!/usr/bin/env bash
# Profile-guided release build (docs/performance.md, "The profile-guided build"): the
# release binary built once with LLVM's IR instrumentation, run over a training corpus of
# its own (a synth corpus of a seed the benchmark and the evaluations do not use, and the
# format fixtures), then built again with the counts it recorded, which tell the
# optimiser which branches are taken and which calls are hot. Same source, same
# semantics (no fast-math, no unchecked arithmetic): the reports are byte-identical to
# the plain build's, which `.ci/run` checks (scripts/pgo-check.sh).
#
# Usage: scripts/pgo-build.sh [extra swift build arguments, e.g. --static-swift-stdlib]
# Prints the optimised binary's path on its last line. PGO_DIR (default .build-pgo) holds
# both builds, the training corpus and the profile; "$PGO_DIR/optimized/KIND" says which
# build the binary is ("profile-guided" or "plain").
#
# A toolchain without llvm-profdata (LLVM_PROFDATA names another) or the profile runtime
# gets the plain release build in the same place, with a note: the binary is then as fast
# as `make release`'s. PGO_REQUIRED=1 makes that an error instead (exit 1).
set -euo pipefail
shopt -s inherit_errexit  # a failed build inside $(...) stops the script
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
DIR=${PGO_DIR:-.build-pgo}
EXTRA=("$@")
OPTIMIZED="$DIR/optimized"
KIND="$OPTIMIZED/KIND"

swift_path=$(command -v "$SWIFT") || { echo "pgo-build: no '$SWIFT' on PATH (SWIFT names the swift driver)" >&2; exit 1; }
# llvm-profdata and the clang resource directory ship beside the driver that builds.
toolchain=$(dirname "$(readlink -f "$swift_path")")
profdata=${LLVM_PROFDATA:-$toolchain/llvm-profdata}
profdata=$(command -v "$profdata" || true)
runtime=""
for candidate in "$toolchain"/../lib/clang/*/lib/linux/libclang_rt.profile-"$(uname -m)".a; do
  [ -f "$candidate" ] && runtime=$candidate  # a Swift toolchain ships one clang; of several, the last
done

build() {  # scratch path, extra flags...: a clean release build of distillscan; prints its path
  local scratch=$1 bin; shift
  # SwiftPM does not rebuild what a changed profile (or a changed -Xswiftc flag) would
  # change, and the profile must match the source it is applied to: every build is clean.
  bin=$("$SWIFT" build -c release --product distillscan --scratch-path "$scratch" ${EXTRA[@]+"${EXTRA[@]}"} --show-bin-path)
  [ -n "$bin" ] && rm -rf "$bin"
  "$SWIFT" build -c release --product distillscan --scratch-path "$scratch" ${EXTRA[@]+"${EXTRA[@]}"} "$@" >&2
  echo "$bin/distillscan"
}

plain() {
  if [ "${PGO_REQUIRED:-0}" = 1 ]; then
    echo "pgo-build: $1, and PGO_REQUIRED=1: no profile-guided build" >&2; exit 1
  fi
  local bin
  bin=$(build "$OPTIMIZED")
  echo plain > "$KIND"
  echo "pgo-build: $1; this is the plain release build, not a profile-guided one" >&2
  echo "$bin"
  exit 0
}
[ -n "$profdata" ] && [ -x "$profdata" ] || plain "no llvm-profdata at ${LLVM_PROFDATA:-$toolchain/llvm-profdata}"
[ -n "$runtime" ] || plain "no LLVM profile runtime (libclang_rt.profile) in $toolchain/../lib/clang"

# 1. Instrumented build. The frontend flag names the raw profile; the driver does not
#    link the profile runtime for IR instrumentation, so it is linked here.
echo "pgo-build: 1/3 instrumented build in $DIR/instrumented" >&2
instrumented=$(build "$DIR/instrumented" \
  -Xswiftc -Xfrontend -Xswiftc -ir-profile-generate="$DIR/unused.profraw" \
  -Xlinker "$runtime" -Xlinker -u__llvm_profile_runtime)

# 2. Training: what an investigator runs (analyze in two formats, the state-file path)
#    over ~230,000 requests, and analyze of the other log formats' fixtures. The profile
#    of the corpus generation itself is not kept; the corpus is kept under a name that
#    carries its parameters.
echo "pgo-build: 2/3 training runs" >&2
synth_args=(--seed 2718 --accounts 1000 --days 10 --dirty-lines 20)
train="$DIR/train-seed2718-a1000-d10-dirty20" raw="$DIR/raw"
rm -rf "$raw" && mkdir -p "$raw"
if [ ! -f "$train/accounts.jsonl" ]; then
  rm -rf "$train"
  LLVM_PROFILE_FILE=/dev/null "$instrumented" synth "$train" "${synth_args[@]}" > /dev/null
fi
run() {
  LLVM_PROFILE_FILE="$raw/train-%p.profraw" "$instrumented" "$@" > /dev/null 2> "$raw/stderr" \
    || { echo "pgo-build: the training run 'distillscan $*' failed:" >&2; cat "$raw/stderr" >&2; exit 1; }
}
run analyze "$train/logs" --accounts "$train/accounts.jsonl" --format json
run analyze "$train/logs" --accounts "$train/accounts.jsonl" --format markdown --threads 1
run profile "$train/logs" --accounts "$train/accounts.jsonl" -o "$raw/train.state"
run analyze "$raw/train.state" --accounts "$train/accounts.jsonl" --format json
for fixture in demo bedrock litellm; do
  run analyze "Fixtures/$fixture/logs" --accounts "Fixtures/$fixture/accounts.jsonl" --format json
done
profile="$DIR/distillscan.profdata"
"$profdata" merge -o "$raw/merged.profdata" "$raw"/train-*.profraw
mv "$raw/merged.profdata" "$profile"

# 3. The optimised build, from the counts.
echo "pgo-build: 3/3 optimised build in $OPTIMIZED" >&2
rm -f "$KIND"
optimized=$(build "$OPTIMIZED" -Xswiftc -Xfrontend -Xswiftc -ir-profile-use="$(readlink -f "$profile")")
echo profile-guided > "$KIND"
echo "$optimized"
