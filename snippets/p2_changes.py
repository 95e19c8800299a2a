"""What each change to engine.py bought, in a fresh process."""

import json
from pathlib import Path

from show import note, table

# written by: benchmarks/profile_engine.py --json snippets/p2_profile.json
r = json.loads(Path(__file__).with_name("p2_profile.json").read_text())
t = r["fresh_process"]
mg = t["micrograd"]["first"]
steps = [("before", "engine.py before these changes")]
steps += [(c["key"], "+ " + c["what"]) for c in r["changes"]]
rows = []
for key, what in steps:
    first, later = t[key]["first"] * 1e3, t[key]["later"] * 1e3
    rows.append(
        (
            what,
            f"{first:.0f} ms",
            f"{later:.0f} ms",
            f"{mg * 1e3 / first:.1f}×",
        )
    )
rows.append(
    (
        "micrograd 0.1.0",
        f"{mg * 1e3:.0f} ms",
        f"{t['micrograd']['later'] * 1e3:.0f} ms",
        "",
    )
)
headers = ["version", "first step", "steps 2-4", "micrograd / it"]
print(table(headers, rows))
print(
    note(
        f"CPU time, median of {r['rounds']} rounds of fresh processes "
        f"(load average {r['load'][0]:.1f} then {r['load'][1]:.1f})."
    )
)

assert len(r["changes"]) == 5  # "five changes"
last = r["changes"][-1]["key"]  # engine.py as it is
assert t[last]["first"] < t["before"]["first"]  # faster in the end
assert t[last]["later"] < t["before"]["later"]
