"""Where a training step's time goes, per node: before and after."""

import gc
import json
from pathlib import Path

from show import note, table

# written by: benchmarks/profile_engine.py --json snippets/p2_profile.json
r = json.loads(Path(__file__).with_name("p2_profile.json").read_text())
before, now, n = r["parts_s"]["before"], r["parts_s"]["now"], r["nodes"]
rows = []
for part in now:
    if part in ("update", "step"):
        continue  # the update touches 337 weights, not 68,818 nodes
    b, a = before[part] / n * 1e9, now[part] / n * 1e9
    rows.append((part, f"{b:.0f} ns", f"{a:.0f} ns", f"{a - b:+.0f} ns"))
b, a = before["step"] / n * 1e9, now["step"] / n * 1e9
rows.append(
    ("the whole step", f"{b:.0f} ns", f"{a:.0f} ns", f"{a - b:+.0f} ns")
)
print(table(["per node", "before", "now", "change"], rows))
print(
    note(
        f"{n:,} nodes a step; CPU time, median of {r['rounds']} fresh "
        f"processes (load average {r['load'][0]:.1f}), steps after the first."
    )
)

gc_share = now["garbage collector"] / now["step"]
zeros = r["zero_grad_nodes"] / n
print(note(f"The garbage collector's share of a step now: {gc_share:.0%}."))
print(note(f"Nodes whose gradient is 0 in the first step: {zeros:.0%}."))

assert gc.get_threshold()[0] == 700  # a young pass every 700 new objects
assert zeros > 0.5  # "most nodes", as the page says
assert n == 68_818  # the MLP [2, 16, 16, 1] on 100 points, as the page says
biggest = max(now, key=lambda k: now[k] if k != "step" else 0)
assert biggest == "garbage collector"  # still the largest part
assert now["topological order"] < before["topological order"] * 0.7
assert now["step"] < before["step"]
