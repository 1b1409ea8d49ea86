#!/usr/bin/env bash
# `make test-spark`: runs scripts/spark_analyze.py in Spark local mode (local[2]) on the demo
# fixtures and checks that its report equals a single-process `analyze` byte for byte apart
# from the manifest's command line. Installs Java (Debian default-jre-headless) and PySpark
# (pip) when missing; quiet and idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/distillscan}
[ -x "$BIN" ] || swift build --product distillscan

SUDO=()
[ "$(id -u)" -ne 0 ] && SUDO=(sudo)
if ! command -v java >/dev/null 2>&1; then
  echo "test-spark: installing default-jre-headless (Java for Spark)" >&2
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
if ! python3 -c "import pyspark" 2>/dev/null && ! python3 -m pip --version >/dev/null 2>&1; then
  echo "test-spark: installing python3-pip" >&2
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
fi
if ! python3 -c "import pyspark" 2>/dev/null; then
  echo "test-spark: installing pyspark (pip)" >&2
  python3 -m pip install --quiet pyspark 2>/dev/null || python3 -m pip install --quiet --break-system-packages pyspark
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$(pwd)
inputs=("$root/Fixtures/demo/logs" "$root/Fixtures/hostile/logs")
accounts="$root/Fixtures/demo/accounts.jsonl"
set +e
"$BIN" analyze "${inputs[@]}" --accounts "$accounts" --format json -o "$work/single.json" --quiet --no-progress 2> "$work/single.log"
single=$?
PYSPARK_PYTHON=python3 python3 scripts/spark_analyze.py --bin "$BIN" --work "$work/states" --shards 3 --master 'local[2]' \
  --accounts "$accounts" --format json -o "$work/spark.json" "${inputs[@]}" 2> "$work/spark.log"
spark=$?
set -e
if [ "$spark" -ne "$single" ]; then
  tail -30 "$work/spark.log" >&2
  echo "test-spark: FAIL: exit code $spark from Spark, $single from one process" >&2
  exit 1
fi
python3 - "$work/single.json" "$work/spark.json" <<'PY'
import re, sys
strip = lambda p: re.sub(r'"command_line":\s*\[[^\]]*\]', '', open(p, encoding="utf-8").read())
a, b = strip(sys.argv[1]), strip(sys.argv[2])
if a != b:
    sys.exit("test-spark: FAIL: the Spark report differs from the single-process one")
print(f"test-spark: ok: the Spark report (3 profile tasks, tree merge, local[2]) equals the single-process one ({len(a)} bytes, command line aside)")
PY
