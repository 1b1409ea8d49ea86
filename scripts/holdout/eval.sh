#!/usr/bin/env bash
# Hold-out evaluation: generate independent corpora (scripts/holdout/gen.py), analyse them
# with distillscan, score with `distillscan eval`, print one Markdown table.
#
#   scripts/holdout/eval.sh [SEED...]          (default seeds 101..105)
#   BIN=path/to/distillscan ACCOUNTS=4000 DAYS=7 HARD=1 KEEP=1 scripts/holdout/eval.sh 101 102
#
# RESULTS_OUT=FILE keeps the per-run JSON lines (eval numbers, per-campaign recall, FPs).
# Runs every seed x {canonical, litellm, bedrock}, plus one canonical run of the first seed
# with --no-accounts-file. Prints the table, per-run misses / false positives, and the
# worst row (lowest F1) per format. Needs python3 (3.11) and a built distillscan.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${BIN:-$ROOT/.build/release/distillscan}"
ACCOUNTS="${ACCOUNTS:-4000}"
DAYS="${DAYS:-7}"
HARD_FLAG=""
[ "${HARD:-0}" = "1" ] && HARD_FLAG="--hard"
SEEDS=("$@")
[ ${#SEEDS[@]} -eq 0 ] && SEEDS=(101 102 103 104 105)
FORMATS=(canonical litellm bedrock)

if [ ! -x "$BIN" ]; then
  echo "eval.sh: $BIN not found; build it first (make release)" >&2
  exit 2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/holdout-eval.XXXXXX")"
if [ "${KEEP:-0}" != "1" ]; then trap 'rm -rf "$WORK"' EXIT; fi
RESULTS="$WORK/results.jsonl"
: >"$RESULTS"

run_one() { # seed format noacc(0|1)
  local seed="$1" fmt="$2" noacc="$3"
  local dir="$WORK/s${seed}-${fmt}-${noacc}"
  local genflags=() accflags=() label="$fmt"
  if [ "$noacc" = "1" ]; then genflags+=(--no-accounts-file); label="$fmt (no accounts file)"; fi
  local t0=$SECONDS
  python3 "$HERE/gen.py" "$dir" --seed "$seed" --format "$fmt" --accounts "$ACCOUNTS" --days "$DAYS" \
    $HARD_FLAG "${genflags[@]}" 2>"$dir.gen.log" || { cat "$dir.gen.log" >&2; return 1; }
  local tg=$((SECONDS - t0))
  [ "$noacc" = "1" ] || accflags=(--accounts "$dir/accounts.jsonl")
  local rc=0
  "$BIN" analyze "$dir/logs" "${accflags[@]}" --format json -o "$dir/r.json" --quiet || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then echo "eval.sh: analyze exited $rc on $dir" >&2; return 1; fi
  "$BIN" eval "$dir/r.json" "$dir/truth.json" --format json >"$dir/eval.json"
  local ta=$((SECONDS - t0 - tg))
  python3 - "$dir" "$seed" "$label" "$tg" "$ta" >>"$RESULTS" <<'PY'
import json, sys
d, seed, label, tg, ta = sys.argv[1:6]
e = json.load(open(d + "/eval.json"))
t = json.load(open(d + "/truth.json"))
r = json.load(open(d + "/r.json"))
print(json.dumps({
    "seed": int(seed), "format": label, "accounts": len(t["accounts"]),
    "campaign_accounts": e["truth_campaign_accounts"], "reported": e["reported_accounts"],
    "precision": e["account"]["precision"], "recall": e["account"]["recall"], "f1": e["account"]["f1"],
    "bcubed_f1": e["bcubed"]["f1"], "benign_medium": e["benign_at_medium_or_above"],
    "records": r.get("input", {}).get("records"), "gen_s": int(tg), "analyze_s": int(ta),
    "campaigns": e["campaigns"], "false_positives": e["false_positives"]}))
PY
  echo "eval.sh: seed $seed $label done (gen ${tg}s, analyze+eval ${ta}s)" >&2
  [ "${KEEP:-0}" = "1" ] || rm -rf "$dir"
}

for seed in "${SEEDS[@]}"; do
  for fmt in "${FORMATS[@]}"; do
    run_one "$seed" "$fmt" 0
  done
done
run_one "${SEEDS[0]}" canonical 1
[ -n "${RESULTS_OUT:-}" ] && cp "$RESULTS" "$RESULTS_OUT"

python3 - "$RESULTS" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
hdr = "| seed | format | accounts | records | campaign accounts | reported | precision | recall | F1 | B-cubed F1 | benign at medium+ |"
print(hdr)
print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print("| %d | %s | %d | %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %d |" % (
        r["seed"], r["format"], r["accounts"], r["records"], r["campaign_accounts"], r["reported"],
        r["precision"], r["recall"], r["f1"], r["bcubed_f1"], r["benign_medium"]))
print()
print("Per-campaign recall (fragments) and false positives by benign population:")
print()
for r in rows:
    camp = ", ".join("%s %s/%d %.2f%s" % (c["id"], c["style"], c["accounts"], c["recall"],
                     "" if c.get("fragments", 1) <= 1 else " (%d frags)" % c["fragments"]) for c in r["campaigns"])
    fp = ", ".join("%s %d (%s)" % (f["population"], f["accounts"], f.get("worst_severity", "?")) for f in r["false_positives"]) or "none"
    print("- seed %d %s: %s; FP: %s" % (r["seed"], r["format"], camp, fp))
print()
styles = {}
for r in rows:
    for c in r["campaigns"]:
        styles.setdefault(c["style"], []).append(c["recall"])
print("Mean recall by campaign mechanism: " + ", ".join("%s %.2f (n=%d)" % (s, sum(v) / len(v), len(v)) for s, v in sorted(styles.items())))
fps = {}
for r in rows:
    for f in r["false_positives"]:
        fps.setdefault(f["population"], [0, 0])
        fps[f["population"]][0] += f["accounts"]
        fps[f["population"]][1] += 1
print("False positives by benign population (accounts, runs): " + (", ".join("%s %d in %d runs" % (p, v[0], v[1]) for p, v in sorted(fps.items())) or "none"))
print()
print("Worst row per format (lowest account F1):")
print()
print("| format | seed | precision | recall | F1 | B-cubed F1 | benign at medium+ |")
print("|---|---:|---:|---:|---:|---:|---:|")
for fmt in dict.fromkeys(r["format"] for r in rows):
    w = min((r for r in rows if r["format"] == fmt), key=lambda r: (r["f1"], r["bcubed_f1"]))
    print("| %s | %d | %.3f | %.3f | %.3f | %.3f | %d |" % (fmt, w["seed"], w["precision"], w["recall"], w["f1"], w["bcubed_f1"], w["benign_medium"]))
PY
