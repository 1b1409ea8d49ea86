#!/usr/bin/env bash
# The profile-guided build (scripts/pgo-build.sh) must write the same bytes as the plain
# release build: the three format fixtures in every report format, the hostile fixture in
# three, a synth corpus at one and two threads, the state file and analyze of it, and
# inspect. Run by .ci/run; exits 1 on the first output that differs, naming it, and when
# the toolchain cannot make a profile-guided build (PGO_REQUIRED=1).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
"$SWIFT" build -c release --product distillscan >&2
plain="$("$SWIFT" build -c release --product distillscan --show-bin-path)/distillscan"
pgo=$(PGO_REQUIRED=1 scripts/pgo-build.sh | tail -1)
[ -x "$pgo" ] || { echo "pgo-check: no binary from scripts/pgo-build.sh" >&2; exit 1; }
kind=$(cat "${PGO_DIR:-.build-pgo}/optimized/KIND" 2>/dev/null || true)
[ "$kind" = profile-guided ] || { echo "pgo-check: $pgo is not a profile-guided build ('$kind')" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/plain.dir" "$work/pgo.dir"
root=$(pwd)
checked=0
same() {  # name, distillscan arguments...: both binaries' output, standard error and exit status must be identical
  local name=$1 a=0 b=0; shift
  # Each build runs in a directory of its own, so that a relative output path (-o) is
  # named the same in both builds' messages.
  (cd "$work/plain.dir" && "$plain" "$@") > "$work/plain" 2> "$work/plain.err" || a=$?
  (cd "$work/pgo.dir" && "$pgo" "$@") > "$work/pgo" 2> "$work/pgo.err" || b=$?
  [ -s "$work/plain" ] || [ -s "$work/plain.err" ] || { echo "pgo-check: $name wrote nothing (distillscan $*)" >&2; exit 1; }
  if [ "$a" != "$b" ] || ! cmp -s "$work/plain" "$work/pgo" || ! cmp -s "$work/plain.err" "$work/pgo.err"; then
    echo "pgo-check: $name differs between the plain and the profile-guided build (distillscan $*)" >&2; exit 1
  fi
  checked=$((checked + 1))
}
for fixture in demo bedrock litellm; do
  for format in markdown json ndjson csv dot html; do
    same "$fixture.$format" analyze "$root/Fixtures/$fixture/logs" --accounts "$root/Fixtures/$fixture/accounts.jsonl" --format "$format"
  done
done
for format in markdown json csv; do same "hostile.$format" analyze "$root"/Fixtures/hostile/logs --format "$format"; done
"$plain" synth "$work/synth" --seed 31 --accounts 400 --days 5 > /dev/null
for threads in 1 2; do
  same "synth.threads$threads" analyze "$work/synth/logs" --accounts "$work/synth/accounts.jsonl" --format json --threads "$threads"
done
same "profile" profile "$work/synth/logs" --accounts "$work/synth/accounts.jsonl" -o synth.state
cmp -s "$work/plain.dir/synth.state" "$work/pgo.dir/synth.state" || { echo "pgo-check: the state files differ" >&2; exit 1; }
same "state.json" analyze synth.state --accounts "$work/synth/accounts.jsonl" --format json
same "inspect" inspect "$root"/Fixtures/demo/logs --format json
echo "pgo-check: $((checked + 1)) outputs byte-identical between $plain and $pgo"
