#!/usr/bin/env bash
# Detection quality on fresh synthetic corpora: several seeds, all three formats.
# Prints a Markdown table (account P/R/F1, B-cubed F1, benign accounts at medium+).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/distillscan}
SEEDS=${SEEDS:-"21 22 23"}
ACCOUNTS=${ACCOUNTS:-2000}
DAYS=${DAYS:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "| seed | format | accounts | campaign accounts | precision | recall | F1 | B-cubed F1 | campaigns found / true | benign at medium+ |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---|---:|"
for seed in $SEEDS; do
  for fmt in canonical litellm bedrock; do
    d="$tmp/$seed-$fmt"
    "$BIN" synth "$d" --seed "$seed" --accounts "$ACCOUNTS" --days "$DAYS" --format "$fmt" 2>/dev/null
    "$BIN" analyze "$d/logs" --accounts "$d/accounts.jsonl" --format json -o "$d/r.json" --quiet
    "$BIN" eval "$d/r.json" "$d/truth.json" --format json > "$d/e.json"
    python3 - "$d" "$seed" "$fmt" <<'PY'
import json, sys
d, seed, fmt = sys.argv[1:]
e = json.load(open(f"{d}/e.json")); r = json.load(open(f"{d}/r.json")); t = json.load(open(f"{d}/truth.json"))
print(f"| {seed} | {fmt} | {len(t['accounts'])} | {e['truth_campaign_accounts']} | {e['account']['precision']:.3f} | {e['account']['recall']:.3f} | "
      f"{e['account']['f1']:.3f} | {e['bcubed']['f1']:.3f} | {len(r['campaigns'])} / {len(t['campaigns'])} | {e['benign_at_medium_or_above']} |")
PY
    rm -rf "$d"
  done
done
