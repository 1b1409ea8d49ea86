#!/usr/bin/env python3
"""distillscan on Apache Spark: profile shards as Spark tasks, merge the states as a tree,
analyze the result.

    spark-submit scripts/spark_analyze.py --bin /opt/distillscan --work /shared/run-2026-06-01 \
        --shards 64 -o report.json --format json --accounts /shared/accounts.jsonl -- /shared/logs/

Stage 1 runs `distillscan profile INPUT... --shard k/N -o WORK/shard-k.state` for k = 1..N
as N tasks; stage 2 merges the states pairwise, one Spark stage per level of the tree
(`distillscan merge a b -o c`); the driver then runs `distillscan analyze FINAL.state`.
The work directory must be visible to every executor under the same path (local disk in
local mode, NFS or a FUSE-mounted bucket on a cluster), and so must the binary and the
inputs. States are written atomically, so a retried or speculative task is harmless.
The report equals `distillscan analyze INPUT...` byte for byte apart from the manifest's
command line (docs/scale-out.md).
"""
import argparse
import os
import subprocess
import sys

from pyspark.sql import SparkSession


def run(cmd):
    """Runs one distillscan command; exit 3 (an input not fully read) is a result, not a failure."""
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(cmd)} exited with {p.returncode}: {p.stderr.strip()}")
    return p.returncode, p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="distillscan binary (same path on every executor)")
    ap.add_argument("--work", required=True, help="shared directory for the state files")
    ap.add_argument("--shards", type=int, required=True, help="number of profile tasks")
    ap.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    ap.add_argument("--accounts", help="accounts file, read by the final analyze")
    ap.add_argument("--format", default="markdown")
    ap.add_argument("--threads", type=int, default=1, help="threads per distillscan task")
    ap.add_argument("-o", "--output", required=True, help="report file")
    ap.add_argument("inputs", nargs="+", help="log files, directories or globs")
    a = ap.parse_args()

    binary = os.path.abspath(a.bin)
    work = os.path.abspath(a.work)
    os.makedirs(work, exist_ok=True)
    inputs = [os.path.abspath(i) for i in a.inputs]
    n, threads = a.shards, str(a.threads)

    builder = SparkSession.builder.appName("distillscan")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        def profile(k):
            out = os.path.join(work, f"shard-{k}-of-{n}.state")
            code, _ = run([binary, "profile", *inputs, "--shard", f"{k}/{n}", "-o", out, "--quiet", "--no-progress", "--threads", threads])
            return out, code

        shards = sc.parallelize(range(1, n + 1), n).map(profile).collect()
        incomplete = any(code == 3 for _, code in shards)
        level, states = 0, sorted(path for path, _ in shards)
        while len(states) > 1:
            level += 1
            pairs = [(i, states[i:i + 2]) for i in range(0, len(states), 2)]

            def merge(item, level=level):
                i, group = item
                if len(group) == 1:
                    return group[0]
                out = os.path.join(work, f"merge-{level}-{i // 2}.state")
                run([binary, "merge", *group, "-o", out, "--quiet", "--threads", threads])
                return out

            states = sorted(sc.parallelize(pairs, len(pairs)).map(merge).collect())
    finally:
        spark.stop()

    cmd = [binary, "analyze", states[0], "--format", a.format, "-o", a.output, "--quiet", "--no-progress"]
    if a.accounts:
        cmd += ["--accounts", os.path.abspath(a.accounts)]
    p = subprocess.run(cmd)
    if p.returncode not in (0, 3):
        sys.exit(p.returncode)
    sys.exit(3 if incomplete or p.returncode == 3 else 0)


if __name__ == "__main__":
    main()
