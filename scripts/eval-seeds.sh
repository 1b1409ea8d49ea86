#!/usr/bin/env bash
# Detection quality on fresh synthetic corpora: SEEDS x {canonical, litellm, bedrock},
# plus one canonical run without the accounts file. Ordinary users and the dataset-replay
# campaign use real human prompts when scripts/human-prompts.sh can make them.
# Prints a Markdown table per run, the WORST seed per format (lowest account F1, then
# lowest B-cubed F1; and the most benign accounts at medium+), and per-population
# recall / false positives over all runs.
#
# Environment: BIN, SEEDS (default 21..30), ACCOUNTS (2000), DAYS (7),
#   HUMAN_PROMPTS (a prompts file; "none" to use the internal pools only),
#   KEEP (a folder to keep every run's report, truth and eval JSON in).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/distillscan}
SEEDS=${SEEDS:-"21 22 23 24 25 26 27 28 29 30"}
ACCOUNTS=${ACCOUNTS:-2000}
DAYS=${DAYS:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
HUMAN_PROMPTS=${HUMAN_PROMPTS:-}
if [ -z "$HUMAN_PROMPTS" ]; then
  if scripts/human-prompts.sh "$tmp/human-prompts.jsonl" 2>"$tmp/hp.log"; then HUMAN_PROMPTS="$tmp/human-prompts.jsonl"
  else echo "note: no human prompts ($(tail -1 "$tmp/hp.log")); internal pools only" >&2; HUMAN_PROMPTS=none; fi
fi
human=()
[ "$HUMAN_PROMPTS" != none ] && human=(--human-prompts "$HUMAN_PROMPTS")
results="$tmp/results.jsonl"
: > "$results"

run() {  # seed format accounts-file(yes|no) label
  local seed=$1 fmt=$2 acc=$3 label=$4 d="$tmp/$1-$4"
  local extra=()
  [ "$acc" = no ] && extra=(--no-accounts-file)
  "$BIN" synth "$d" --seed "$seed" --accounts "$ACCOUNTS" --days "$DAYS" --format "$fmt" "${human[@]}" "${extra[@]}" 2>/dev/null
  local accounts=()
  [ "$acc" = yes ] && accounts=(--accounts "$d/accounts.jsonl")
  "$BIN" analyze "$d/logs" "${accounts[@]}" --format json -o "$d/r.json" --quiet || true
  "$BIN" eval "$d/r.json" "$d/truth.json" --format json > "$d/e.json"
  python3 - "$d" "$seed" "$label" >> "$results" <<'PY'
import json, sys
d, seed, label = sys.argv[1:]
e = json.load(open(f"{d}/e.json")); r = json.load(open(f"{d}/r.json")); t = json.load(open(f"{d}/truth.json"))
print(json.dumps({"seed": int(seed), "format": label, "accounts": len(t["accounts"]), "truth_campaign_accounts": e["truth_campaign_accounts"],
                  "precision": e["account"]["precision"], "recall": e["account"]["recall"], "f1": e["account"]["f1"], "bcubed_f1": e["bcubed"]["f1"],
                  "found": len(r["campaigns"]), "true": len(t["campaigns"]), "benign_medium": e["benign_at_medium_or_above"],
                  "logs": t.get("logs", {}), "campaigns": e["campaigns"], "false_positives": e["false_positives"]}))
PY
  if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP/$seed-$label"; cp "$d/r.json" "$d/e.json" "$d/truth.json" "$KEEP/$seed-$label/"; fi
  rm -rf "$d"
}

for seed in $SEEDS; do
  for fmt in canonical litellm bedrock; do run "$seed" "$fmt" yes "$fmt"; done
done
first=$(echo "$SEEDS" | awk '{print $1}')
run "$first" canonical no "canonical-no-accounts"

python3 - "$results" "$HUMAN_PROMPTS" <<'PY'
import json, sys, collections
rows = [json.loads(l) for l in open(sys.argv[1])]
print(f"human prompts: {'none' if sys.argv[2] == 'none' else 'yes'}\n")
print("| seed | format | ts | IPs | accounts | campaign accounts | precision | recall | F1 | B-cubed F1 | campaigns found / true | benign at medium+ |")
print("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|")
for r in rows:
    lg = r["logs"]
    print(f"| {r['seed']} | {r['format']} | {'s' if lg.get('timestamps') == 'seconds' else 'ms'} | {'yes' if lg.get('ips') else 'no'} | {r['accounts']} | "
          f"{r['truth_campaign_accounts']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['bcubed_f1']:.3f} | {r['found']} / {r['true']} | {r['benign_medium']} |")
print("\n## Worst seed per format\n")
print("| format | worst seed (F1, then B-cubed) | account F1 | B-cubed F1 | benign at medium+ | most benign at medium+ (seed) |")
print("|---|---:|---:|---:|---:|---:|")
by = collections.defaultdict(list)
for r in rows: by[r["format"]].append(r)
for fmt, rs in by.items():
    w = min(rs, key=lambda r: (r["f1"], r["bcubed_f1"], -r["benign_medium"]))
    b = max(rs, key=lambda r: (r["benign_medium"], -r["f1"]))
    print(f"| {fmt} | {w['seed']} | {w['f1']:.3f} | {w['bcubed_f1']:.3f} | {w['benign_medium']} | {b['benign_medium']} ({b['seed']}) |")
print("\n## Campaign recall by style (all runs)\n")
print("| style | runs | mean recall | min recall (seed/format) | mean fragments |")
print("|---|---:|---:|---:|---:|")
st = collections.defaultdict(list)
for r in rows:
    for c in r["campaigns"]: st[c["style"]].append((c["recall"], c["fragments"], f"{r['seed']}/{r['format']}"))
for s, v in sorted(st.items(), key=lambda kv: sum(x[0] for x in kv[1]) / len(kv[1])):
    m = min(v, key=lambda x: x[0])
    print(f"| {s} | {len(v)} | {sum(x[0] for x in v) / len(v):.3f} | {m[0]:.3f} ({m[2]}) | {sum(x[1] for x in v) / len(v):.1f} |")
print("\n## Benign accounts reported (all runs)\n")
fp = collections.defaultdict(lambda: [0, 0, collections.Counter()])
for r in rows:
    for p in r["false_positives"]:
        fp[p["population"]][0] += 1; fp[p["population"]][1] += p["accounts"]; fp[p["population"]][2][p["worst_severity"]] += 1
if not fp: print("None.")
else:
    print("| population | runs reported | accounts (sum) | worst severity per run |")
    print("|---|---:|---:|---|")
    for p, (n, a, sev) in sorted(fp.items(), key=lambda kv: -kv[1][1]):
        print(f"| {p} | {n} | {a} | {', '.join(f'{k} x{v}' for k, v in sorted(sev.items()))} |")
PY
