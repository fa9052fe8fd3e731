#!/usr/bin/env python3
"""Turns a bench summary.txt (WRK/MEM/START lines) into a Markdown table with each row's ratio to nginx."""
import re
import sys

rows, extra = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("WRK "):
        fields = dict(re.findall(r"(\w+)=(\S+)", line))
        rows.append((line.split()[1], fields))
    elif line.startswith(("MEM ", "START ")):
        extra.append(line.strip())

nginx = {f["c"]: float(f["rps"]) for label, f in rows if label.startswith("nginx-static") and "gzip-on" not in label}
print("| what | connections | requests/s | p50 | p99 | vs nginx static |")
print("|---|---|---|---|---|---|")
for label, f in rows:
    base = nginx.get(f["c"])
    ratio = "%.1f%%" % (100 * float(f["rps"]) / base) if base and f["rps"] != "?" else "—"
    print("| %s | %s | %s | %s | %s | %s |" % (label, f["c"], f["rps"], f["p50"], f["p99"], ratio))
for line in extra:
    print()
    print("`%s`" % line)
