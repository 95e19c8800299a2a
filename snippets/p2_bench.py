"""The benchmark's stored result: engine.py against micrograd 0.1.0."""

import json
from pathlib import Path

import engine

root = Path(engine.__file__).parent.parent
r = json.loads((root / "docs/part-2/bench_engine.json").read_text())

print(f"Python {r['python']}, {r['machine']}, median of {r['rounds']} rounds")
print(f"{'':<27}{'engine.py':>10}{'micrograd':>11}{'ratio':>7}")
for key, name in [("step", "MLP step"), ("chain", "20,000-op chain")]:
    t, m = r["time_s"][key], r["peak_bytes"][key]
    ours, theirs = t["engine"] * 1e3, t["micrograd"] * 1e3
    print(f"{name + ', time':<27}{ours:>8.0f}ms{theirs:>9.0f}ms", end="")
    print(f"{theirs / ours:>6.1f}x")
    ours, theirs = m["engine"] / 2**20, m["micrograd"] / 2**20
    print(
        f"{name + ', peak memory':<27}{ours:>8.1f}MB{theirs:>9.1f}MB", end=""
    )
    print(f"{theirs / ours:>6.1f}x")

step = r["time_s"]["step"]
assert step["micrograd"] / step["engine"] >= 5  # the goal: 5x, as seen
