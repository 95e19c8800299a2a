"""snippets/engine.py against micrograd 0.1.0, side by side in one run.

Two workloads, as a user sees them (garbage collector on, wall clock):
  step   one training step of an MLP [2, 16, 16, 1] (ReLU, micrograd's
         layout) on 100 points: forward, hinge loss + L2, zero grads,
         backward, SGD update. The same model code runs on both engines.
  chain  a chain 20,000 operations deep: forward and backward. micrograd's
         recursive topological sort needs a raised recursion limit here.
Each round times both engines (3 steps in a row, as in a training loop, so
garbage left by one step is paid for in the next), alternating which goes
first; we report medians over rounds, their ratio, and peak memory
(tracemalloc), measured separately so tracing does not slow the timing.

Run: .venv/bin/python benchmarks/bench_engine.py [--rounds N] [--json F]
(--json saves the medians; docs/part-2/backward-loop.md shows
snippets/bench_engine.json, beside p2_bench.py)
"""

import argparse
import gc
import json
import os
import platform
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "snippets"))
import engine  # noqa: E402

try:
    import micrograd.engine as mg
except ImportError:
    sys.exit("micrograd is missing: pip install micrograd==0.1.0")

SIZES, N_POINTS, CHAIN_OPS = [2, 16, 16, 1], 100, 20_000
STEPS = 3  # consecutive training steps per timing, as in a training loop


def make_model(V, seed=0):
    """Weights as lists of Values: the same numbers for both engines."""
    rnd = random.Random(seed)
    return [
        [
            ([V(rnd.uniform(-1, 1)) for _ in range(n_in)], V(0.0))
            for _ in range(n_out)
        ]
        for n_in, n_out in zip(SIZES, SIZES[1:])
    ]


def parameters(model):
    return [p for layer in model for w, b in layer for p in [*w, b]]


def forward(model, x):
    for i, layer in enumerate(model):
        x = [sum((wi * xi for wi, xi in zip(w, x)), b) for w, b in layer]
        if i < len(model) - 1:
            x = [v.relu() for v in x]
    return x[0]


def data(seed=1):
    rnd = random.Random(seed)
    X = [[rnd.uniform(-2, 2), rnd.uniform(-2, 2)] for _ in range(N_POINTS)]
    y = [1.0 if a * b > 0 else -1.0 for a, b in X]
    return X, y


def train_step(model, X, y, lr=0.05):
    params = parameters(model)
    scores = [forward(model, x) for x in X]
    losses = [(1 + -yi * si).relu() for yi, si in zip(y, scores)]
    loss = sum(losses) * (1.0 / len(losses))
    loss = loss + 1e-4 * sum(p * p for p in params)
    for p in params:
        p.grad = 0.0
    loss.backward()
    for p in params:
        p.data -= lr * p.grad
    return loss.data


def chain(V):
    x, w, b = V(0.5), V(0.9999), V(0.0001)
    v = x
    for _ in range(CHAIN_OPS // 2):
        v = v * w + b  # two operations a step
    v.backward()
    return x.grad


def timed(fn, *args, repeat=1):
    """Seconds per call over `repeat` consecutive calls, as in a loop."""
    gc.collect()  # each engine pays for its own garbage only
    t = time.perf_counter()
    for _ in range(repeat):
        fn(*args)
    return (time.perf_counter() - t) / repeat


def peak_memory(fn, repeat):
    gc.collect()
    tracemalloc.start()
    for _ in range(repeat):
        fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args()
    rounds = args.rounds
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3 * CHAIN_OPS))
    X, y = data()
    engines = {"engine": engine.Value, "micrograd": mg.Value}
    models = {k: make_model(V) for k, V in engines.items()}

    # same numbers from both engines before timing anything
    a, b = (train_step(models[k], X, y) for k in engines)
    assert abs(a - b) < 1e-9 * max(1, abs(a)), (a, b)
    a, b = (chain(V) for V in engines.values())
    assert abs(a - b) < 1e-9 * max(1, abs(a)), (a, b)

    times = {(k, w): [] for k in engines for w in ("step", "chain")}
    for r in range(rounds):
        order = list(engines) if r % 2 == 0 else list(engines)[::-1]
        for k in order:
            times[k, "step"].append(
                timed(train_step, models[k], X, y, repeat=STEPS)
            )
        for k in order:
            times[k, "chain"].append(timed(chain, engines[k]))

    result = {
        "python": sys.version.split()[0],
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "rounds": rounds,
        "steps_per_timing": STEPS,
        "time_s": {},
        "peak_bytes": {},
    }
    print(f"Python {result['python']}, {rounds} interleaved rounds")
    print(f"{'workload':<10}{'engine':>12}{'micrograd':>12}{'ratio':>8}")
    for w in ("step", "chain"):
        ours = statistics.median(times["engine", w])
        theirs = statistics.median(times["micrograd", w])
        result["time_s"][w] = {"engine": ours, "micrograd": theirs}
        print(
            f"{w:<10}{ours * 1e3:>10.1f}ms{theirs * 1e3:>10.1f}ms"
            f"{theirs / ours:>7.1f}x"
        )
    print(f"peak memory (tracemalloc), {STEPS} steps in a row / one chain:")
    for w, fn in (
        ("step", lambda k: train_step(models[k], X, y)),
        ("chain", lambda k: chain(engines[k])),
    ):
        repeat = STEPS if w == "step" else 1
        ours, theirs = (
            peak_memory(lambda k=k, fn=fn: fn(k), repeat) for k in engines
        )
        result["peak_bytes"][w] = {"engine": ours, "micrograd": theirs}
        print(
            f"{w:<10}{ours / 2**20:>10.1f}MB{theirs / 2**20:>10.1f}MB"
            f"{theirs / ours:>7.1f}x"
        )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


main()
