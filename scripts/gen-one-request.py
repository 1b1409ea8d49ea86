#!/usr/bin/env python3
"""Writes a corpus of N accounts with one request each (canonical gzip JSONL), for the
memory benchmark: `gen-one-request.py DIR [N] [FILES]`. Deterministic for the same N.

Each account has its own id, API key, IP address and prompt (a few words drawn from a
small vocabulary plus the account number), so that no sketch is shared across accounts."""
import gzip
import os
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000_000
files = int(sys.argv[3]) if len(sys.argv) > 3 else 4
os.makedirs(os.path.join(out, "logs"), exist_ok=True)

words = ["summarise", "translate", "explain", "the", "invoice", "order", "weather", "poem",
         "about", "a", "cat", "report", "quarterly", "figures", "in", "French", "briefly"]
agents = ["python-requests/2.31.0", "curl/8.5.0", "openai-python/1.30.1", "Mozilla/5.0 (X11; Linux x86_64)"]
models = ["iris-5-small", "iris-5-large"]
start = 1785542400  # 2026-08-01T00:00:00Z
per_file = (n + files - 1) // files
for f in range(files):
    lo, hi = f * per_file, min(n, (f + 1) * per_file)
    path = os.path.join(out, "logs", f"part-{f:02d}.jsonl.gz")
    with gzip.open(path, "wt", compresslevel=1, encoding="utf-8") as g:
        batch = []
        for i in range(lo, hi):
            prompt = " ".join(words[(i >> s) % len(words)] for s in (0, 3, 6, 9, 12)) + f" #{i}"
            batch.append(
                f'{{"ts":{start + i * 86400 * 30 // n},"request_id":"req_{i:010x}","account_id":"acct_{i:08x}",'
                f'"api_key_id":"key_{i:08x}","ip":"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}",'
                f'"user_agent":"{agents[i % 4]}","model":"{models[i % 2]}","endpoint":"/v1/messages","status":200,'
                f'"input_tokens":{12 + i % 50},"output_tokens":{40 + i % 400},"max_tokens":1024,"stop_reason":"end_turn",'
                f'"latency_ms":{300 + i % 900},"messages":[{{"role":"user","content":"{prompt}"}}]}}\n')
            if len(batch) == 50_000:
                g.write("".join(batch))
                batch = []
        g.write("".join(batch))
print(f"wrote {n} one-request accounts in {files} files under {out}/logs")
