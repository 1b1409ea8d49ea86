#!/usr/bin/env bash
# Writes real human chat prompts, one JSON object {"prompt": …} per line, for
# `distillscan synth --human-prompts FILE`.
#
# Source: chatterbot-corpus (PyPI, BSD-3-Clause), a multilingual dialog corpus of
# ~7,600 hand-written conversations in ~28 languages (English, Persian, Japanese,
# Italian, Chinese, Ukrainian, Korean, Portuguese, …) shipped as YAML inside the wheel.
# The user side of each conversation (turns 1, 3, 5, …) is kept, deduplicated.
# The package is installed into a private folder (no site-packages change, no deps).
#
# Usage: scripts/human-prompts.sh [OUT]   (default .build/human-prompts.jsonl)
# Exit 0 with the file written, 1 when the package or PyYAML cannot be had.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-.build/human-prompts.jsonl}
PKG=${HUMAN_PROMPTS_PACKAGE:-chatterbot-corpus==1.3.3}
dir=.build/human-prompts-pkg
if ! python3 -c 'import sys; sys.path.insert(0, "'"$dir"'"); import chatterbot_corpus' 2>/dev/null; then
  rm -rf "$dir"
  python3 -m pip install --quiet --no-deps --disable-pip-version-check --target "$dir" "$PKG" >&2 || {
    echo "human-prompts: cannot install $PKG from PyPI" >&2; exit 1; }
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
  python3 -m pip install --quiet --no-deps --disable-pip-version-check --target "$dir" 'pyyaml>=6,<7' >&2 || {
    echo "human-prompts: PyYAML is needed (apt-get install python3-yaml)" >&2; exit 1; }
fi
mkdir -p "$(dirname "$OUT")"
python3 - "$dir" "$OUT" <<'PY'
import glob, json, os, sys
pkg, out = sys.argv[1:]
sys.path.insert(0, pkg)
import yaml
root = os.path.join(pkg, "chatterbot_corpus", "data")
seen, rows, langs = set(), [], set()
for path in sorted(glob.glob(os.path.join(root, "*", "*.yml"))):
    lang = os.path.basename(os.path.dirname(path))
    with open(path, encoding="utf-8") as f:
        try:
            doc = yaml.safe_load(f) or {}
        except yaml.YAMLError:
            continue
    for conv in doc.get("conversations") or []:
        if not isinstance(conv, list):
            continue
        for turn in conv[0::2]:  # the user's side of the dialog
            if not isinstance(turn, str):
                continue
            p = " ".join(turn.split())
            if len(p) < 2 or p in seen:
                continue
            seen.add(p); langs.add(lang)
            rows.append(p)
with open(out, "w", encoding="utf-8") as f:
    for p in rows:
        f.write(json.dumps({"prompt": p}, ensure_ascii=False) + "\n")
print(f"human-prompts: {len(rows)} prompts in {len(langs)} languages -> {out}", file=sys.stderr)
PY
