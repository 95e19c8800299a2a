"""snippets/engine.py against micrograd 0.1.0, as a user runs them.

The workload (mlp.py): one training step of an MLP [2, 16, 16, 1] (ReLU,
micrograd's layout) on 100 points: forward, hinge loss + L2, zero grads,
backward, SGD update, 68,818 nodes. The same model code runs on both
engines, with the garbage collector on, as in any script.

Two ways to time it:
  fresh process  each engine in a new interpreter running
                 engine_script.py, a training script as small as a user's:
                 build the model, then time each of the first 4 steps.
                 "first" is the first step, "later" the median of steps
                 2-4. Round r starts the first step at a different point
                 of the garbage collector's cycle (r % 10, see
                 engine_script.py), as different scripts would.
  one process    both engines in this process, 3 steps in a row per
                 timing, after a gc.collect() (how this file measured
                 before issue 16).
Rounds alternate which engine goes first; every figure is a median over
rounds, so a noisy neighbour slows both engines alike. Times are CPU time
of the process (time.process_time): on a machine shared with other jobs,
wall-clock time also counts the waits for a free core; on an idle machine
the two agree. Wall-clock medians are printed and saved too.

Why the figures differ: micrograd's closures make reference cycles, so
each step's graph is garbage that only the cycle collector can free. A
fresh process's first step has none of it yet; every later step builds
its graph while the collector still walks what the last one left, so
later steps cost micrograd more and the ratio grows. The one-process
figure times 3 steps in a row: mostly later steps.

The first step is also the most fragile figure: the collector's counters
carry over from whatever ran before it (imports, building the model), and
they decide whether a full collection, which walks the whole graph built
so far, falls inside the first step; measured at one fixed point of the
collector's cycle, the first-step ratio moves by a third from one point to
the next. Hence the rounds over ten starting points, and the median.

Also in one process: a chain 20,000 operations deep (micrograd's
recursive topological sort needs a raised recursion limit there) and the
peak memory of each workload (tracemalloc, measured apart from timing).

Run: .venv/bin/python benchmarks/bench_engine.py [--rounds N] [--json F]
(the Part 2 page "How fast, and why" shows snippets/bench_engine.json,
written by adding: --json snippets/bench_engine.json)
"""

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "snippets")]
import mlp  # noqa: E402

STEPS = 3  # one process: consecutive training steps per timing
FRESH_STEPS = 4  # fresh process: the first step, then 3 later ones
SCRIPT = HERE / "engine_script.py"


def fresh(name, passes=0, old_code=""):
    """engine_script.py in a new interpreter: CPU and wall s per step."""
    cmd = [sys.executable, str(SCRIPT), name, str(FRESH_STEPS)]
    cmd += [str(passes), old_code]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    cpu, wall = out.stdout.splitlines()[:2]
    return {
        "cpu": [*map(float, cpu.split())],
        "wall": [*map(float, wall.split())],
    }


def fresh_rounds(entries, rounds):
    """entries: {key: (name, old_code)}; medians over interleaved rounds.
    Round r starts every first step at collector passes r % 10."""
    runs = {k: [] for k in entries}
    for r in range(rounds):
        keys = list(entries) if r % 2 == 0 else list(entries)[::-1]
        for k in keys:
            name, *old_code = entries[k]
            runs[k].append(fresh(name, r % 10, *old_code))
    med = statistics.median
    return {
        k: {
            "first": med(t["cpu"][0] for t in ts),
            "later": med(med(t["cpu"][1:]) for t in ts),
            "wall_first": med(t["wall"][0] for t in ts),
            "wall_later": med(med(t["wall"][1:]) for t in ts),
        }
        for k, ts in runs.items()
    }


def value_classes():
    try:
        import micrograd.engine as mg
    except ImportError:
        sys.exit("micrograd is missing: pip install micrograd==0.1.0")
    import engine

    return {"engine": engine.Value, "micrograd": mg.Value}


def timed(fn, *args, repeat=1):
    """CPU and wall seconds per call over `repeat` calls in a row."""
    gc.collect()  # each engine pays for its own garbage only
    c, w = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        fn(*args)
    return (
        (time.process_time() - c) / repeat,
        (time.perf_counter() - w) / repeat,
    )


def peak_memory(fn, repeat):
    gc.collect()
    tracemalloc.start()
    for _ in range(repeat):
        fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def one_process(rounds):
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3 * mlp.CHAIN_OPS))
    X, y = mlp.data()
    engines = value_classes()
    models = {k: mlp.make_model(V) for k, V in engines.items()}

    # same numbers from both engines before timing anything
    a, b = (mlp.train_step(models[k], X, y) for k in engines)
    assert abs(a - b) < 1e-9 * max(1, abs(a)), (a, b)
    a, b = (mlp.chain(V) for V in engines.values())
    assert abs(a - b) < 1e-9 * max(1, abs(a)), (a, b)

    times = {(k, w): [] for k in engines for w in ("step", "chain")}
    for r in range(rounds):
        order = list(engines) if r % 2 == 0 else list(engines)[::-1]
        for k in order:
            t = timed(mlp.train_step, models[k], X, y, repeat=STEPS)
            times[k, "step"].append(t)
        for k in order:
            times[k, "chain"].append(timed(mlp.chain, engines[k]))
    result = {}
    for w in ("step", "chain"):
        med = statistics.median
        result[w] = {k: med(c for c, _ in times[k, w]) for k in engines}
        result["wall_" + w] = {
            k: med(t for _, t in times[k, w]) for k in engines
        }
    peaks = {}
    for w, fn, repeat in (
        ("step", lambda k: mlp.train_step(models[k], X, y), STEPS),
        ("chain", lambda k: mlp.chain(engines[k]), 1),
    ):
        peaks[w] = {
            k: peak_memory(lambda k=k, fn=fn: fn(k), repeat) for k in engines
        }
    return result, peaks


def row(name, ours, theirs, unit="ms", scale=1e3):
    return (
        f"{name:<28}{ours * scale:>9.1f}{unit}{theirs * scale:>9.1f}{unit}"
        f"{theirs / ours:>7.1f}x"
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args()

    load = [os.getloadavg()[0]]
    entries = {"engine": ("engine",), "micrograd": ("micrograd",)}
    new = fresh_rounds(entries, args.rounds)
    same, peaks = one_process(args.rounds)
    load.append(os.getloadavg()[0])

    result = {
        "python": sys.version.split()[0],
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "load": [round(x, 2) for x in load],
        "rounds": args.rounds,
        "fresh_process": {
            k: {e: new[e][k] for e in entries} for k in new["engine"]
        },
        "one_process": same,
        "peak_bytes": peaks,
    }
    print(
        f"Python {result['python']}, {result['machine']}, load average "
        f"{load[0]:.1f} then {load[1]:.1f}; medians of {args.rounds} "
        "interleaved rounds, CPU time (wall clock's ratio in brackets)"
    )
    print(f"{'MLP training step':<28}{'engine.py':>11}{'micrograd':>11}")
    fp = result["fresh_process"]
    for label, key in [
        ("fresh process, 1st step", "first"),
        ("fresh process, steps 2-4", "later"),
    ]:
        e, m = fp[key]["engine"], fp[key]["micrograd"]
        we, wm = fp["wall_" + key]["engine"], fp["wall_" + key]["micrograd"]
        print(row(label, e, m) + f"  ({wm / we:.1f}x)")
    e, m = same["step"]["engine"], same["step"]["micrograd"]
    we, wm = same["wall_step"]["engine"], same["wall_step"]["micrograd"]
    print(row(f"one process, {STEPS} in a row", e, m) + f"  ({wm / we:.1f}x)")
    e, m = same["chain"]["engine"], same["chain"]["micrograd"]
    print(row("20,000-op chain", e, m))
    for w, label in [
        ("step", "peak memory, MLP step"),
        ("chain", "... chain"),
    ]:
        e, m = peaks[w]["engine"], peaks[w]["micrograd"]
        print(row(label, e, m, "MB", 2**-20))
    print(
        "Why they differ: micrograd's closures leave each step's graph to "
        "the cycle\ncollector. A fresh process's first step has no such "
        "garbage yet; later steps\n(and so the one-process figure, 3 steps "
        "in a row) pay for the steps before."
    )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
