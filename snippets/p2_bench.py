"""The benchmark's stored result: engine.py against micrograd 0.1.0."""

import json
from pathlib import Path

# the benchmark's medians, saved beside this file by
# benchmarks/bench_engine.py --json bench_engine.json
r = json.loads(Path(__file__).with_name("bench_engine.json").read_text())
rows = []  # (what, engine.py, micrograd, micrograd / engine.py)
for key, name in [("step", "MLP step"), ("chain", "20,000-op chain")]:
    t, m = r["time_s"][key], r["peak_bytes"][key]
    ms = t["engine"] * 1e3, t["micrograd"] * 1e3
    mb = m["engine"] / 2**20, m["micrograd"] / 2**20
    rows.append((f"{name}, time", f"{ms[0]:.0f} ms", f"{ms[1]:.0f} ms", ms))
    rows.append((f"{name}, memory", f"{mb[0]:.1f} MB", f"{mb[1]:.1f} MB", mb))

print(f"Python {r['python']}, {r['machine']}, median of {r['rounds']} rounds")
print(f"{'':<24}{'engine.py':>10}{'micrograd':>11}{'ratio':>7}")
for name, ours, theirs, (a, b) in rows:
    print(f"{name:<24}{ours:>10}{theirs:>11}{b / a:>6.1f}x")

step = r["time_s"]["step"]
assert step["micrograd"] / step["engine"] >= 5  # the goal: 5x, as seen
