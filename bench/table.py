#!/usr/bin/env python3
"""Turns a bench summary.txt (WRK/MEM/START lines from the anchors' lib.sh) into Markdown tables:
requests/s, p50, p99 per server and connection count, each row's ratio to nginx serving the static file,
and Broadsheet's ratios to the peers at the same connection count."""
import re
import sys

rows, extra = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("WRK "):
        rows.append((line.split()[1], dict(re.findall(r"(\w+)=(\S+)", line))))
    elif line.startswith(("MEM ", "START ")):
        extra.append(line.strip())

def rps(label, c):
    for l, f in rows:
        if l == label and f["c"] == c and f["rps"] != "?":
            return float(f["rps"])
    return None

nginx_label = next((l for l, _ in rows if l in ("nginx-static-gzip-off", "nginx-static")), None)
print("| server | connections | requests/s | p50 | p99 | vs nginx static |")
print("|---|---|---|---|---|---|")
for label, f in rows:
    base = rps(nginx_label, f["c"]) if nginx_label else None
    ratio = "%.1f%%" % (100 * float(f["rps"]) / base) if base and f["rps"] != "?" else "—"
    print("| %s | %s | %s | %s | %s | %s |" % (label, f["c"], f["rps"], f["p50"], f["p99"], ratio))

pairs = [("broadsheet-cached-gzip", "nginx-static-gzip-on"), ("broadsheet-cached-br", "nginx-static-gzip-on")]
for peer in sorted({l for l, _ in rows if l.startswith(("wordpress", "ghost"))}):
    pairs.append(("broadsheet-uncached", peer))
    pairs.append(("broadsheet-cached", peer))
lines = []
for ours, theirs in pairs:
    for c in ("16", "64"):
        a, b = rps(ours, c), rps(theirs, c)
        if a and b:
            lines.append("| %s / %s | %s | %.1f× |" % (ours, theirs, c, a / b))
if lines:
    print()
    print("| ratio | connections | |")
    print("|---|---|---|")
    print("\n".join(lines))
print()
for line in extra:
    print("- `%s`" % line)
