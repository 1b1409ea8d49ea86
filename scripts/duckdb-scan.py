#!/usr/bin/env python3
"""DuckDB's two-column scan of gzip JSONL logs: the reference `make bench` times beside
`zcat` (issue 20). Reads only `account_id` and a second per-request column
(`api_key_id`: the bench corpus logs no client IP) and groups by account, on 2 threads.
Usage: duckdb-scan.py 'DIR/*.gz' [threads]"""
import sys

import duckdb

con = duckdb.connect()
con.execute(f"SET threads TO {int(sys.argv[2]) if len(sys.argv) > 2 else 2}")
rows = con.execute(
    """SELECT account_id, count(*) AS requests, count(DISTINCT api_key_id) AS keys
    FROM read_json(?, format = 'newline_delimited', compression = 'gzip',
        columns = {account_id: 'VARCHAR', api_key_id: 'VARCHAR'},
        ignore_errors = true, maximum_object_size = 16777216)
    GROUP BY account_id""",
    [sys.argv[1]],
).fetchall()
print(f"{len(rows)} accounts, {sum(r[1] for r in rows)} requests")
