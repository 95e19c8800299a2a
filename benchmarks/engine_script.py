"""A training script as a user runs it, timed step by step: what
bench_engine.py means by "a fresh process".

    python engine_script.py engine|micrograd STEPS [PASSES [OLD_CODE]]

It imports no more than such a script would (the engine, `random` for the
data, `time`). What ran before the first step decides where the garbage
collector's passes fall in it: a pass over the whole graph built so far
costs tens of milliseconds, and whether one lands inside the first step
depends on the collector's counters, which carry over from imports and
set-up. So, after building the model, the script starts the collector
afresh (gc.collect()) and then makes PASSES passes of its middle
generation with short-lived objects, as a bigger script's imports might;
bench_engine.py gives each round a different PASSES (0-9), so its median
is over where in the collector's cycle the first step starts.
OLD_CODE (comma-separated keys of engine_versions.OLD_CODE) puts the old
code of those changes back into engine.py first. Prints the CPU seconds
of each step on one line, the wall-clock seconds on the next.
"""

import gc
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(os.path.dirname(HERE), "snippets")]

name, steps = sys.argv[1], int(sys.argv[2])
passes = int(sys.argv[3]) if len(sys.argv) > 3 else 0
if name == "micrograd":
    from micrograd.engine import Value
else:
    from engine import Value

    if len(sys.argv) > 4 and sys.argv[4]:
        import engine_versions

        engine_versions.undo(Value, sys.argv[4].split(","))
import mlp  # noqa: E402

X, y = mlp.data()
model = mlp.make_model(Value)
gc.collect()
for _ in range(passes):  # 7,000 new containers: one middle-generation pass
    junk = [[] for _ in range(gc.get_threshold()[0] * gc.get_threshold()[1])]
    del junk
cpu, wall = [], []
for _ in range(steps):
    c, w = time.process_time(), time.perf_counter()
    mlp.train_step(model, X, y)
    cpu.append(time.process_time() - c)
    wall.append(time.perf_counter() - w)
print(*cpu)
print(*wall)
