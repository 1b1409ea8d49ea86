#!/usr/bin/env python3
"""Writes a corpus of many small campaigns among many ordinary accounts (canonical gzip
JSONL), for the benchmark's scaling case: `gen-many-campaigns.py DIR [CLUSTERS] [ORDINARY]`.
Deterministic for the same arguments.

Each cluster is six accounts on one /24, one client, one prompt template of its own and
its own pacing, asking for long answers; no two clusters share anything, so each is a
campaign of its own. The ordinary accounts send a few short notes each. The work per
campaign must not grow with the dump (the twenty-third session found scoring walking
every prompt sample once per campaign)."""
import gzip
import json
import os
import random
import sys

out = sys.argv[1]
clusters = int(sys.argv[2]) if len(sys.argv) > 2 else 1200
ordinary = int(sys.argv[3]) if len(sys.argv) > 3 else 40000
random.seed(5)
os.makedirs(os.path.join(out, "logs"), exist_ok=True)
vocab = ("alpha bravo cedar delta ember fjord garnet harbor indigo juniper kestrel lumen marble nectar onyx "
         "prism quartz raven sable tundra umber velvet willow xenon yarrow zephyr amber basalt cobalt dune").split()
words = [a + b for a in vocab for b in vocab]
start = 1785542400  # 2026-08-01T00:00:00Z


def record(ts, account, key, ip, agent, tls, prompt, max_tokens, output):
    return {"ts": ts, "account_id": account, "api_key_id": key, "ip": ip, "user_agent": agent, "tls_ja3": tls,
            "model": "m-large", "status": 200, "input_tokens": 50, "output_tokens": output, "max_tokens": max_tokens,
            "stop_reason": "end_turn", "messages": [{"role": "user", "content": prompt}]}


records = []
for c in range(clusters):
    head, tail = " ".join(random.sample(words, 14)), " ".join(random.sample(words, 10))
    agent, tls = f"client-{c}/1.{c % 7}", "%032x" % random.getrandbits(128)
    for m in range(6):
        for k in range(24):
            ts = start + (c * 211) % 86400 + k * (2900 + c * 3) + m * 97 + random.randint(0, 600)
            records.append(record(ts, f"c{c:05d}_{m}", f"key_{c}_{m}", f"10.{c // 200}.{c % 200}.{m + 1}", agent, tls,
                                  f"{head} item {k * 13 + m} {tail}", 8192, 3900 + random.randint(0, 200)))
for b in range(ordinary):
    agent = random.choice(["Mozilla/5.0", "python-requests/2.31", "curl/8.0"])
    for k in range(10):
        note = f"note {b} {k}: " + " ".join(random.sample(words, 10))
        records.append(record(start + random.randint(0, 86400), f"user{b:06d}", f"kb{b}", f"172.{b % 250}.{k % 3}.{b % 200}",
                              agent, "%032x" % (b * 7919), note, 512, random.randint(20, 300)))
records.sort(key=lambda r: r["ts"])
# mtime=0 and no file name in the header: the same arguments give the same bytes.
with open(os.path.join(out, "logs", "day.jsonl.gz"), "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as f:
    for r in records:
        f.write((json.dumps(r) + "\n").encode("utf-8"))
print(f"{len(records)} requests: {clusters} clusters of 6 accounts, {ordinary} ordinary accounts")
