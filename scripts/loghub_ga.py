#!/usr/bin/env python3
"""Grouping accuracy of `distillscan templates` on the 16 Loghub-2k systems (one configuration for all)."""
import csv, json, os, subprocess, sys, tempfile, time

root = sys.argv[1] if len(sys.argv) > 1 else "../shared/benchmarks/loghub"
binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/distillscan"
extra = sys.argv[3:]
systems = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
rows, total_lines, total_time = [], 0, 0.0
for s in systems:
    with open(os.path.join(root, s, f"{s}_2k.log_structured.csv"), newline="", encoding="utf-8") as f:
        data = list(csv.DictReader(f))
    contents = [r["Content"] for r in data]
    truth = [r["EventId"] for r in data]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
        tmp.write("\n".join(contents) + "\n")
        path = tmp.name
    start = time.perf_counter()
    out = subprocess.run([binary, "templates", path, "--input", "plain", "--format", "json", *extra], check=True, capture_output=True).stdout
    elapsed = time.perf_counter() - start
    os.unlink(path)
    pred = json.loads(out)["lines"]
    assert len(pred) == len(truth), (s, len(pred), len(truth))
    by_pred, by_truth = {}, {}
    for i, (p, t) in enumerate(zip(pred, truth)):
        by_pred.setdefault(p, set()).add(i)
        by_truth.setdefault(t, set()).add(i)
    correct = sum(1 for i in range(len(pred)) if by_pred[pred[i]] == by_truth[truth[i]])
    ga = correct / len(pred)
    rows.append((s, ga, len(by_pred), len(by_truth)))
    total_lines += len(pred)
    total_time += elapsed
print("| system | GA | templates mined | true templates |")
print("|---|---:|---:|---:|")
for s, ga, p, t in rows:
    print(f"| {s} | {ga:.3f} | {p} | {t} |")
avg = sum(r[1] for r in rows) / len(rows)
print(f"| **average** | **{avg:.3f}** | | |")
print(f"\n{total_lines} lines in {total_time:.2f} s of whole-process time (includes process start-up; see make bench for miner throughput)")
