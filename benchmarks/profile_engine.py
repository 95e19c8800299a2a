"""Where snippets/engine.py spends a training step, and what each change
to it bought.

The workload is bench_engine.py's: one training step of an MLP
[2, 16, 16, 1] on 100 points, 68,818 nodes. Two parts:

  per node   one step cut into its parts, in ns per node, for the engine
             as it was before issue 16 and as it is now. Measured in a
             fresh process per engine and round, on steps after the first
             (the first also pays for memory the process has not had
             yet), CPU time:
               model code and operator dispatch: the same model on stub
                 values whose operations return themselves;
               creating nodes: stub values that build the same nodes with
                 no checks, minus the line above;
               checks: the engine's forward pass minus the line above
                 (these three with the garbage collector off);
               garbage collector: every collection during the step, timed
                 with gc.callbacks;
               topological order, the backward loop, freeing the graph,
                 the update: timed around each call.
  changes    the first step and later steps of a fresh process
             (bench_engine.py's engine_script.py) for the engine before
             issue 16, then with each change added in turn (the last is
             engine.py as it is), and micrograd 0.1.0 for the ratio. The
             old code of each change is in engine_versions.py (OLD_CODE);
             a version is engine.py with the later changes' old code put
             back.

Rounds are interleaved; figures are medians over rounds.

Run: .venv/bin/python benchmarks/profile_engine.py [--rounds N] [--json F]
(the Part 2 page "How fast, and why" shows snippets/p2_profile.json,
written by adding: --json snippets/p2_profile.json)
"""

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_engine as bench  # noqa: E402  (puts snippets/ on sys.path)
import engine  # noqa: E402
import mlp  # noqa: E402
from engine_versions import OLD_CODE, undo  # noqa: E402

T = time.process_time

# --- stubs: the same model code with less and less work in each op -------


class Dispatch:  # operations that return themselves: model code only
    __slots__ = ("data", "grad")

    def __init__(self, data):
        self.data, self.grad = data, 0.0

    def __add__(self, other):
        return self

    __radd__ = __mul__ = __rmul__ = __add__

    def relu(self):
        return self


class Bare:  # the engine's nodes, made with no checks
    __slots__ = ("data", "grad", "parents", "local_grads", "op", "label")

    def __init__(self, data, parents=(), local_grads=(), op="", label=""):
        self.data = data
        self.grad = 0.0
        self.parents = parents
        self.local_grads = local_grads
        self.op = op
        self.label = label

    def __add__(self, other):
        other = other if type(other) is Bare else Bare(other)
        return Bare(self.data + other.data, (self, other), (1.0, 1.0), "+")

    def __mul__(self, other):
        other = other if type(other) is Bare else Bare(other)
        a, b = self.data, other.data
        return Bare(a * b, (self, other), (b, a), "*")

    __radd__, __rmul__ = __add__, __mul__

    def relu(self):
        x = self.data
        return Bare(max(x, 0.0), (self,), (1.0 if x > 0 else 0.0,), "relu")


def forward_without_gc(V, X, y):
    model = mlp.make_model(V)
    params = mlp.parameters(model)
    gc.disable()
    t = T()
    loss = mlp.loss_of(model, X, y, params)
    t = T() - t
    del loss
    gc.enable()
    return t


def profile_worker(keys, rounds=3):
    """Per-part CPU seconds of a training step (steps after the first)."""
    V = undo(engine.Value, keys)
    X, y = mlp.data()
    model = mlp.make_model(V)
    params = mlp.parameters(model)
    mlp.train_step(model, X, y)  # the first step: memory, warm caches
    gc_time, start = [0.0], [0.0]

    def on_gc(phase, info):
        if phase == "start":
            start[0] = T()
        else:
            gc_time[0] += T() - start[0]

    order_time = [0.0]
    topological_order = V.topological_order

    def timed_order(self):
        t = T()
        order = topological_order(self)
        order_time[0] += T() - t
        return order

    parts = []
    for _ in range(rounds):
        stubs = {
            "dispatch": forward_without_gc(Dispatch, X, y),
            "bare": forward_without_gc(Bare, X, y),
            "forward": forward_without_gc(V, X, y),
        }
        gc.collect()
        gc.callbacks.append(on_gc)
        gc_time[0] = order_time[0] = 0.0
        t0 = T()
        loss = mlp.loss_of(model, X, y, params)
        t1 = T()
        for p in params:
            p.grad = 0.0
        V.topological_order = timed_order
        loss.backward()
        V.topological_order = topological_order
        t2 = T()
        for p in params:
            p.data -= 0.05 * p.grad
        t3 = T()
        del loss
        t4 = T()
        gc.callbacks.remove(on_gc)
        parts.append(
            {
                "model code and operator dispatch": stubs["dispatch"],
                "creating nodes": stubs["bare"] - stubs["dispatch"],
                "checks": stubs["forward"] - stubs["bare"],
                "garbage collector": gc_time[0],
                "topological order": order_time[0],
                "backward loop": t2 - t1 - order_time[0],
                "update": t3 - t2,
                "freeing the graph": t4 - t3,
                "step": t4 - t0,
            }
        )
    print(json.dumps(parts))


def run(args):
    cmd = [sys.executable, __file__, *args]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def graph_size():
    """Nodes in a step's graph, and how many get gradient 0 (first step)."""
    V = engine.Value
    X, y = mlp.data()
    model = mlp.make_model(V)
    loss = mlp.loss_of(model, X, y, mlp.parameters(model))
    loss.backward()
    order = loss.topological_order()
    return len(order), sum(node.grad == 0.0 for node in order)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--profile-worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.profile_worker is not None:
        return profile_worker(args.profile_worker.split(","))

    load = [os.getloadavg()[0]]
    nodes, zeros = graph_size()
    all_keys = [key for key, _, _ in OLD_CODE]
    versions = {"before": ",".join(all_keys)}  # every change undone
    for i, (key, _, _) in enumerate(OLD_CODE):
        versions[key] = ",".join(all_keys[i + 1 :])  # changes up to key
    med = statistics.median

    # what each change bought: fresh processes, interleaved
    entries = {k: ("engine", undone) for k, undone in versions.items()}
    entries["micrograd"] = ("micrograd",)
    changes = bench.fresh_rounds(entries, args.rounds)

    # where the time goes: before and after, interleaved
    runs = {"before": [], "now": []}
    for r in range(args.rounds):
        keys = list(runs) if r % 2 == 0 else list(runs)[::-1]
        for k in keys:
            undone = versions["before"] if k == "before" else ""
            runs[k] += run(["--profile-worker", undone])
    per_node = {
        k: {part: med(p[part] for p in ps) for part in ps[0]}
        for k, ps in runs.items()
    }
    load.append(os.getloadavg()[0])

    result = {
        "python": sys.version.split()[0],
        "load": [round(x, 2) for x in load],
        "rounds": args.rounds,
        "nodes": nodes,
        "zero_grad_nodes": zeros,
        "changes": [{"key": k, "what": what} for k, what, _ in OLD_CODE],
        "fresh_process": changes,
        "parts_s": per_node,
    }
    print(
        f"Python {result['python']}, load average {load[0]:.1f} then "
        f"{load[1]:.1f}; {nodes:,} nodes a step; medians of "
        f"{args.rounds} rounds, CPU time"
    )
    print(f"\n{'per node (steps after the first)':<36}{'before':>9}{'now':>9}")
    for part in per_node["now"]:
        b, n = per_node["before"][part], per_node["now"][part]
        print(f"{part:<36}{b / nodes * 1e9:>7.0f}ns{n / nodes * 1e9:>7.0f}ns")
    mg = changes["micrograd"]["first"]
    print(f"\n{'fresh process':<44}{'1st step':>9}{'later':>9}{'vs mg':>7}")
    for k, what in [("before", "engine.py before issue 16")] + [
        (k, "+ " + what) for k, what, _ in OLD_CODE
    ]:
        c = changes[k]
        print(
            f"{what[:44]:<44}{c['first'] * 1e3:>7.1f}ms"
            f"{c['later'] * 1e3:>7.1f}ms{mg / c['first']:>6.1f}x"
        )
    c = changes["micrograd"]
    print(
        f"{'micrograd 0.1.0':<44}{c['first'] * 1e3:>7.1f}ms"
        f"{c['later'] * 1e3:>7.1f}ms"
    )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
