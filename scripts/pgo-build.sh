#!/usr/bin/env bash
# Profile-guided release build (docs/performance.md, "Profile-guided build"): the release
# binary built once with LLVM's IR instrumentation, run over a training corpus of its
# own (a synth corpus of a seed the benchmark and the evaluations do not use, and the
# format fixtures), then built again with the counts it recorded, which tell the
# optimiser which branches are taken and which calls are hot. Same source, same
# semantics (no fast-math, no unchecked arithmetic): the reports are byte-identical to
# the plain build's, which `.ci/run` checks on every fixture.
#
# Usage: scripts/pgo-build.sh [extra swift build arguments, e.g. --static-swift-stdlib]
# Prints the optimised binary's path on its last line. PGO_DIR (default .build-pgo) holds
# both builds, the training corpus and the profile.
#
# A toolchain without llvm-profdata (LLVM_PROFDATA names another) or the profile runtime
# gets the plain release build in the same place, with a note: the binary is then as fast
# as `make release`'s.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
DIR=${PGO_DIR:-.build-pgo}
EXTRA=("$@")
OPTIMIZED="$DIR/optimized"

toolchain=$(dirname "$(readlink -f "$(command -v swiftc)")")
profdata=${LLVM_PROFDATA:-$toolchain/llvm-profdata}
runtime=$(ls "$toolchain"/../lib/clang/*/lib/linux/libclang_rt.profile-"$(uname -m)".a 2>/dev/null | head -1 || true)

# Every build here starts clean: SwiftPM does not rebuild what a changed profile (or a changed
# -Xswiftc flag) would change, and the profile must match the source it is applied to.
clean() { rm -rf "$("$SWIFT" build -c release --scratch-path "$1" "${EXTRA[@]}" --show-bin-path)"; }

plain() {
  echo "pgo-build: $1; building the plain release binary instead" >&2
  clean "$OPTIMIZED"
  "$SWIFT" build -c release --product distillscan --scratch-path "$OPTIMIZED" "${EXTRA[@]}" >&2
  echo "$("$SWIFT" build -c release --product distillscan --scratch-path "$OPTIMIZED" "${EXTRA[@]}" --show-bin-path)/distillscan"
}
[ -x "$profdata" ] || { plain "no llvm-profdata at $profdata"; exit 0; }
[ -n "$runtime" ] || { plain "no LLVM profile runtime (libclang_rt.profile) in the toolchain"; exit 0; }

# 1. Instrumented build. The frontend flag names the raw profile; the driver does not
#    link the profile runtime for IR instrumentation, so it is linked here.
echo "pgo-build: 1/3 instrumented build in $DIR/instrumented" >&2
clean "$DIR/instrumented"
"$SWIFT" build -c release --product distillscan --scratch-path "$DIR/instrumented" "${EXTRA[@]}" \
  -Xswiftc -Xfrontend -Xswiftc -ir-profile-generate="$DIR/unused.profraw" \
  -Xlinker "$runtime" -Xlinker -u__llvm_profile_runtime >&2
instrumented="$("$SWIFT" build -c release --product distillscan --scratch-path "$DIR/instrumented" "${EXTRA[@]}" --show-bin-path)/distillscan"

# 2. Training: what an investigator runs (analyze in two formats, the state-file path)
#    over ~100,000 requests, and the other log formats' fixtures. The profile of the
#    corpus generation itself is not kept.
echo "pgo-build: 2/3 training runs" >&2
train="$DIR/train" raw="$DIR/raw"
rm -rf "$raw" && mkdir -p "$raw"
if [ ! -f "$train/accounts.jsonl" ]; then
  rm -rf "$train"
  LLVM_PROFILE_FILE=/dev/null "$instrumented" synth "$train" --seed 2718 --accounts 1000 --days 10 --dirty-lines 20 > /dev/null
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
"$profdata" merge -o "$raw/merged.profdata" "$raw"/train-*.profraw
profile="$DIR/distillscan.profdata"
mv "$raw/merged.profdata" "$profile"

# 3. The optimised build, from the counts.
echo "pgo-build: 3/3 optimised build in $OPTIMIZED" >&2
clean "$OPTIMIZED"
"$SWIFT" build -c release --product distillscan --scratch-path "$OPTIMIZED" "${EXTRA[@]}" \
  -Xswiftc -Xfrontend -Xswiftc -ir-profile-use="$(readlink -f "$profile")" >&2
echo "$("$SWIFT" build -c release --product distillscan --scratch-path "$OPTIMIZED" "${EXTRA[@]}" --show-bin-path)/distillscan"
