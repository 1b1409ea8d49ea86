#!/usr/bin/env bash
# Regenerates the committed fixture corpora (byte-identical for the same seeds and version).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/distillscan}
rm -rf Fixtures/demo Fixtures/litellm Fixtures/bedrock
"$BIN" synth Fixtures/demo --seed 11 --accounts 300 --days 3 --format canonical --dirty-lines 2
"$BIN" synth Fixtures/litellm --seed 12 --accounts 200 --days 2 --format litellm
"$BIN" synth Fixtures/bedrock --seed 13 --accounts 200 --days 2 --format bedrock
python3 scripts/hostile-corpus.py   # Fixtures/hostile: dirty inputs and their expected accounting
du -sh Fixtures/*
