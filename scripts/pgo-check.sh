#!/usr/bin/env bash
# The profile-guided build (scripts/pgo-build.sh) must write the same bytes as the plain
# release build: every fixture in every report format, the hostile fixture, a synth corpus
# at one and two threads, and the state-file path. Run by .ci/run; exits 1 on the first
# report that differs, naming it.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
"$SWIFT" build -c release --product distillscan >&2
plain="$("$SWIFT" build -c release --product distillscan --show-bin-path)/distillscan"
pgo=$(scripts/pgo-build.sh | tail -1)
[ -x "$pgo" ] || { echo "pgo-check: no binary from scripts/pgo-build.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checked=0
same() {  # name, distillscan arguments...: both binaries' output and exit status must be identical
  local name=$1 a=0 b=0; shift
  "$plain" "$@" > "$work/plain" 2> "$work/plain.err" || a=$?
  "$pgo" "$@" > "$work/pgo" 2> "$work/pgo.err" || b=$?
  [ -s "$work/plain" ] || { echo "pgo-check: $name wrote nothing (distillscan $*)" >&2; exit 1; }
  if [ "$a" != "$b" ] || ! cmp -s "$work/plain" "$work/pgo" || ! cmp -s "$work/plain.err" "$work/pgo.err"; then
    echo "pgo-check: $name differs between the plain and the profile-guided build (distillscan $*)" >&2; exit 1
  fi
  checked=$((checked + 1))
}
for fixture in demo bedrock litellm; do
  for format in markdown json ndjson csv dot html; do
    same "$fixture.$format" analyze "Fixtures/$fixture/logs" --accounts "Fixtures/$fixture/accounts.jsonl" --format "$format"
  done
done
for format in markdown json csv; do same "hostile.$format" analyze Fixtures/hostile/logs --format "$format"; done
"$plain" synth "$work/synth" --seed 31 --accounts 400 --days 5 > /dev/null
for threads in 1 2; do
  same "synth.threads$threads" analyze "$work/synth/logs" --accounts "$work/synth/accounts.jsonl" --format json --threads "$threads"
done
"$plain" profile "$work/synth/logs" --accounts "$work/synth/accounts.jsonl" -o "$work/plain.state" 2> /dev/null
"$pgo" profile "$work/synth/logs" --accounts "$work/synth/accounts.jsonl" -o "$work/pgo.state" 2> /dev/null
cmp -s "$work/plain.state" "$work/pgo.state" || { echo "pgo-check: the state files differ" >&2; exit 1; }
same "state.json" analyze "$work/plain.state" --accounts "$work/synth/accounts.jsonl" --format json
same "inspect" inspect Fixtures/demo/logs --format json
echo "pgo-check: $((checked + 1)) outputs byte-identical between $plain and $pgo"
