#!/usr/bin/env python3
"""Writes Fixtures/hostile: small dirty inputs and the accounting a scan must give them
(issue 19). Every line is written with the fate it must meet, so expected.json is
derived from the inputs, never from distillscan's output. Byte-identical on every run."""
import gzip, io, json, os, sys, zlib
from collections import Counter

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "hostile")
logs = os.path.join(root, "logs")
os.makedirs(logs, exist_ok=True)

def rec(account, ts="2026-06-01T00:00:00Z", prompt="hello", **extra):
    d = {"ts": ts, "account_id": account, "messages": [{"role": "user", "content": prompt}]}
    d.update(extra)
    return json.dumps(d, ensure_ascii=True).encode()

R, B = "record", "skipped:blank"
lines = [
    (b"\xef\xbb\xbf" + rec("bom-first"), R),                       # a UTF-8 BOM
    (rec("crlf") + b"\r", R),                                       # CRLF line end
    (b"", B),
    (b"   \t ", B),
    (b"\r", B),
    (rec("- list item", prompt="visit www.evil.example or mail eve@evil.example, https://evil.example/x"), R),
    (rec("1. numbered"), R),
    (rec("0 www.evil.example"), R),                                 # autolinks on GitHub
    (rec("eve@evil.example"), R),
    (rec("\x1b[31mred\x1b[0m \u202eevil"), R),                       # escapes, bidi override
    (rec("<script>alert(1)</script>", prompt="| a | b |\n```\n# heading\n[x](javascript:alert(1))"), R),
    (rec("a" * 300), R),                                            # cut to 256 bytes
    (rec("huge-tokens", output_tokens=9e15, input_tokens=-1), R),   # dropped counts
    (b'{"ts":"2026-06-01T00:00:00Z","account_id":"a",', "malformed:invalid_json"),
    (b'{"ts":1780495333,"account_id":"a"} trailing', "malformed:invalid_json"),
    (b"[1,2]", "malformed:not_object"),
    (b'"text"', "malformed:not_object"),
    (b'{"ts":"2026-06-01T00:00:00Z"}', "malformed:missing_account"),
    (b'{"account_id":"a"}', "malformed:missing_timestamp"),
    (b'{"ts":"9999-12-31T00:00:00Z","account_id":"a"}', "malformed:bad_timestamp"),
    (b'{"ts":"0000-01-01T00:00:00Z","account_id":"a"}', "malformed:bad_timestamp"),
    (b'{"ts":"2026-02-31T00:00:00Z","account_id":"a"}', "malformed:bad_timestamp"),
    (b'{"ts":"2026-06-01T00:00:00Z","account_id":{"id":1}}', "malformed:wrong_type"),
    (b'{"ts":"2026-06-01T00:00:00Z","account_id":"a","p":"\xc3\x28"}', "malformed:invalid_utf8"),
    (b'{"ts":"2026-06-01T00:00:00Z","account_id":"a","p":"x\x00y"}', "malformed:nul_byte"),
    (b'{"ts":"2026-06-01T00:00:00Z","account_id":"a","x":' + b"[" * 100 + b"]" * 100 + b"}", "malformed:too_deep"),
    (rec("last-without-newline"), R),
]

def member(text):
    # Fixed mtime and no file name: the same bytes on every run.
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as g:
        g.write(text)
    return buf.getvalue()

def records(prefix, n):
    return b"".join(rec(f"{prefix}-{i}", prompt=f"question {i}") + b"\n" for i in range(n))

files = {}
body = b"\n".join(l for l, _ in lines)                            # the last line has no \n
files["lines.jsonl"] = (body, [f for _, f in lines], None)

# One whole member, then a second member cut inside its header: exactly 30 records, truncated.
whole = member(records("trunc", 30))
files["truncated.jsonl.gz"] = (whole + member(records("lost", 5))[:6], [R] * 30, "ends early")

# One whole member, then a member whose magic bytes were damaged: 20 records, then a tail that is not gzip.
second = bytearray(member(records("lost", 5))); second[1] = 0x8C
files["second-damaged.jsonl.gz"] = (member(records("first", 20)) + bytes(second), [R] * 20, "not gzip")

# A member whose CRC-32 was damaged: every record inflated before the check is kept.
crc = bytearray(member(records("crc", 10))); crc[-8] ^= 0xFF
files["crc.jsonl.gz"] = (bytes(crc), [R] * 10, "CRC-32")

expected = {"complete": False, "files": {}}
for name, (data, fates, error) in sorted(files.items()):
    with open(os.path.join(logs, name), "wb") as f:
        f.write(data)
    c = Counter(fates)
    expected["files"][name] = {
        "lines": len(fates),
        "records": c[R],
        "malformed": {k.split(":")[1]: v for k, v in sorted(c.items()) if k.startswith("malformed:")},
        "skipped": {k.split(":")[1]: v for k, v in sorted(c.items()) if k.startswith("skipped:")},
        "error": error,
    }
with open(os.path.join(root, "expected.json"), "w") as f:
    json.dump(expected, f, indent=2, sort_keys=True)
    f.write("\n")
