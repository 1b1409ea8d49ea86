#!/usr/bin/env bash
# Incremental days (`make bench`, docs/scale-out.md): one state per day, and a 30-day window
# analysed from the states against a full re-scan of the same logs. Prints the cost ratio
# (wall and CPU seconds), state bytes per account and per request, and checks that the
# window's report equals the re-scan's apart from the command line.
#   BENCH_INC_CORPUS   corpus directory (generated once: 30 days, BENCH_INC_ACCOUNTS benign
#                      accounts, request rates times BENCH_INC_VOLUME)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/distillscan
[ -x /usr/bin/time ] || { echo "bench-incremental: install GNU time (apt-get install time) for CPU time and peak RSS" >&2; exit 1; }
DIR=${BENCH_INC_CORPUS:-bench-corpus/days30}
if [ ! -d "$DIR/logs" ]; then
  echo "generating $DIR (30 days) ..."
  "$BIN" synth "$DIR" --seed 303 --accounts "${BENCH_INC_ACCOUNTS:-2000}" --days 30 --volume "${BENCH_INC_VOLUME:-3}"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/days" "$work/weeks"
days=("$DIR"/logs/*.gz)
[ "${#days[@]}" -ge 30 ] || { echo "bench-incremental: $DIR has ${#days[@]} day files, 30 needed" >&2; exit 1; }
days=("${days[@]:0:30}")
accounts="$DIR/accounts.jsonl"

# timed LABEL CMD...: appends "label wall cpu rss_mib" to $work/times; stderr kept in $work/LABEL.err
timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" > /dev/null 2> "$work/$label.err" || { cat "$work/$label.err"; exit 1; }
  read -r wall user sys rss < "$work/t"
  echo "$label $wall $(echo "$user + $sys" | bc) $((rss / 1024))" >> "$work/times"
}
get() { awk -v l="$1" -v f="$2" '$1 == l { print $f }' "$work/times"; }

# 1. The daily job: each day's logs into a state.
for f in "${days[@]}"; do
  d=$(basename "$f" .jsonl.gz)
  timed "day-$d" "$BIN" profile "$f" -o "$work/days/$d.state" --threads 2 --no-progress
done
# 2. The weekly job: days 1-7, 8-14, 15-21 and 22-28 merged once (a day never changes after it closed).
for w in 0 1 2 3; do
  week=()
  for i in $(seq $((w * 7)) $((w * 7 + 6))); do week+=("$work/days/$(basename "${days[$i]}" .jsonl.gz).state"); done
  timed "week-$w" "$BIN" merge "${week[@]}" -o "$work/weeks/w$w.state" --threads 2
done
last2=("$work/days/$(basename "${days[28]}" .jsonl.gz).state" "$work/days/$(basename "${days[29]}" .jsonl.gz).state")

# 3. The window, three ways, alternating for steadier ratios on a shared machine.
for round in 1 2; do
  timed "rescan-$round" "$BIN" analyze "${days[@]}" --accounts "$accounts" --threads 2 --format json -o "$work/rescan.json" --no-progress
  timed "daily-$round" "$BIN" analyze "$work"/days/*.state --accounts "$accounts" --threads 2 --format json -o "$work/daily.json" --no-progress
  timed "rollup-$round" "$BIN" analyze "$work"/weeks/*.state "${last2[@]}" --accounts "$accounts" --threads 2 --format json -o "$work/rollup.json" --no-progress
done
timed merge30 "$BIN" merge "$work"/days/*.state -o "$work/all.state" --threads 2

python3 - "$work" "${#days[@]}" <<'PY'
import re, sys, os, statistics
work, ndays = sys.argv[1], int(sys.argv[2])
t = {}
for line in open(os.path.join(work, "times")):
    label, wall, cpu, rss = line.split()
    t[label] = (float(wall), float(cpu), int(rss))
strip = lambda p: re.sub(r'"command_line":\s*\[[^\]]*\]', '', open(os.path.join(work, p), encoding="utf-8").read())
same = strip("rescan.json") == strip("daily.json") == strip("rollup.json")
def med(prefix, i):
    return statistics.median(v[i] for k, v in t.items() if k.startswith(prefix + "-"))
# profile's summary line: "N input(s), R record(s), A account(s): B bytes written to ..."
days = []
for k in sorted(t):
    if k.startswith("day-"):
        m = re.search(r"(\d+) record\(s\), (\d+) account\(s\): (\d+) bytes", open(os.path.join(work, k + ".err")).read())
        days.append(tuple(int(x) for x in m.groups()))
m = re.search(r"(\d+) account\(s\): (\d+) bytes", open(os.path.join(work, "merge30.err")).read())
all_accounts, all_bytes = int(m.group(1)), int(m.group(2))
records = sum(d[0] for d in days)
day_bytes = sum(d[2] for d in days)
rescan = (med("rescan", 0), med("rescan", 1))
print(f"== incremental days: a {ndays}-day window, {records} requests, {all_accounts} accounts")
print(f"| {'run':44} | {'wall s':>7} | {'CPU s':>7} | {'vs re-scan (wall, CPU)':>22} | {'peak RSS':>9} |")
for label, name in [("rescan", "full re-scan of the 30 day files"), ("daily", "analyze 30 daily states"),
                    ("rollup", "analyze 4 weekly + 2 daily states")]:
    w, c = med(label, 0), med(label, 1)
    rss = max(v[2] for k, v in t.items() if k.startswith(label + "-"))
    print(f"| {name:44} | {w:7.2f} | {c:7.2f} | {w / rescan[0]:10.3f} {c / rescan[1]:11.3f} | {rss:5d} MiB |")
dw = sum(v[0] for k, v in t.items() if k.startswith("day-")) / len(days)
print(f"| {'daily job: profile one day (mean)':44} | {dw:7.2f} | {'':7} | {'':22} | {'':9} |")
ww = statistics.mean(v[0] for k, v in t.items() if k.startswith("week-"))
print(f"| {'weekly job: merge 7 daily states (mean)':44} | {ww:7.2f} | {'':7} | {'':22} | {max(v[2] for k, v in t.items() if k.startswith('week-')):5d} MiB |")
print(f"| {'merge 30 daily states':44} | {t['merge30'][0]:7.2f} | {t['merge30'][1]:7.2f} | {'':22} | {t['merge30'][2]:5d} MiB |")
print(f"incremental ratio (window from weekly + daily states / full re-scan): wall {med('rollup', 0) / rescan[0]:.3f}, CPU {med('rollup', 1) / rescan[1]:.3f} (target <= 0.10)")
print(f"incremental ratio (window from 30 daily states / full re-scan): wall {med('daily', 0) / rescan[0]:.3f}, CPU {med('daily', 1) / rescan[1]:.3f}")
print(f"state bytes per account: {sum(d[2] / d[1] for d in days) / len(days):.0f} (daily states, per account active that day), "
      f"{all_bytes / all_accounts:.0f} (the 30-day merged state)")
print(f"state bytes per request: {day_bytes / records:.1f} (daily states), {all_bytes / records:.1f} (the 30-day merged state)")
print("reports equal apart from the command line: " + ("yes" if same else "NO"))
if not same:
    sys.exit(1)
PY
