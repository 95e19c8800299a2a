"""engine.py against micrograd 0.1.0: the benchmark's stored result."""

import json
from pathlib import Path

from show import note, table

# written by: benchmarks/bench_engine.py --json snippets/bench_engine.json
r = json.loads(Path(__file__).with_name("bench_engine.json").read_text())
fresh, same, peak = r["fresh_process"], r["one_process"], r["peak_bytes"]
rows = []
for what, t in [
    ("training step, the first in a fresh process", fresh["first"]),
    ("training step, the next three", fresh["later"]),
    ("three steps in a row, one process", same["step"]),
    ("a chain of 20,000 operations", same["chain"]),
]:
    ours, theirs = t["engine"] * 1e3, t["micrograd"] * 1e3
    row = f"{ours:.0f} ms", f"{theirs:.0f} ms", f"{theirs / ours:.1f}×"
    rows.append((what, *row))
for what, m in [("memory at its peak, a training step", peak["step"])]:
    ours, theirs = m["engine"] / 2**20, m["micrograd"] / 2**20
    row = f"{ours:.0f} MB", f"{theirs:.0f} MB", f"{theirs / ours:.1f}×"
    rows.append((what, *row))

headers = ["MLP [2, 16, 16, 1], 100 points", "engine.py", "micrograd", "ratio"]
print(table(headers, rows))
load = " then ".join(f"{x:.1f}" for x in r["load"])
print(
    note(
        f"Python {r['python']}, {r['machine']} (load average {load}); "
        f"CPU time, median of {r['rounds']} interleaved rounds."
    )
)

first = fresh["first"]["micrograd"] / fresh["first"]["engine"]
later = fresh["later"]["micrograd"] / fresh["later"]["engine"]
assert first >= 4  # at least 4x faster, even in a first step
assert later > first  # micrograd's later steps pay for earlier garbage
