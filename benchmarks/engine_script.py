"""A training script as a user runs it, timed step by step: what
bench_engine.py means by "a fresh process".

    python engine_script.py engine|micrograd STEPS [OLD_CODE_KEYS]

It imports no more than such a script would (the engine, `random` for the
data, `time`), because what ran before the first step decides where the
garbage collector's passes fall in it: its counters carry over from the
imports. OLD_CODE_KEYS (comma-separated, see engine_versions.py) puts the
old code of those changes back into engine.py first. Prints the CPU
seconds of each step on one line, the wall-clock seconds on the next.
"""

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(os.path.dirname(HERE), "snippets")]

name, steps = sys.argv[1], int(sys.argv[2])
if name == "micrograd":
    from micrograd.engine import Value
else:
    from engine import Value

    if len(sys.argv) > 3 and sys.argv[3]:
        import engine_versions

        engine_versions.undo(Value, sys.argv[3].split(","))
import mlp  # noqa: E402

X, y = mlp.data()
model = mlp.make_model(Value)
cpu, wall = [], []
for _ in range(steps):
    c, w = time.process_time(), time.perf_counter()
    mlp.train_step(model, X, y)
    cpu.append(time.process_time() - c)
    wall.append(time.perf_counter() - w)
print(*cpu)
print(*wall)
