"""Why a gradient costs a small constant times the function, whatever
the function: counted on the engine's graph, then timed side by side."""

import statistics
import time

import numpy as np
from engine import Value
from layers import (
    affine_backward,
    affine_forward,
    softmax_loss,
    tanh_backward,
    tanh_forward,
)
from p4_timing import one_blas_thread
from show import note, table

rng = np.random.default_rng(0)
X, T = rng.standard_normal((8, 4)), rng.standard_normal(8)  # engine data
V1 = [[Value(w) for w in row] for row in rng.standard_normal((4, 16)) / 2]
V2 = [Value(w) for w in rng.standard_normal(16) / 4]


def engine_loss():  # a 4-16-1 tanh network on 8 examples, one scalar each
    loss = 0
    for x, t in zip(X.tolist(), T.tolist()):
        h = [sum((w[j] * xi for w, xi in zip(V1, x)), Value(0.0)).tanh()
             for j in range(16)]  # fmt: skip
        y = sum((v * hj for v, hj in zip(V2, h)), Value(0.0))
        loss = loss + (y - t) ** 2
    return loss / len(T)


# --8<-- [start:count]
graph = engine_loss().topological_order()
ops = [v for v in graph if v.parents]  # each one forward operation
edges = sum(len(v.parents) for v in ops)  # each one backward multiply-add
print(
    f"engine graph: {len(ops)} operations, {edges} local derivatives: "
    f"{edges / len(ops):.2f} backward multiply-adds per operation"
)
# --8<-- [end:count]

Xb, yb = rng.standard_normal((256, 64)), rng.integers(0, 10, 256)  # layers
W1, W2 = rng.standard_normal((64, 256)) / 8, rng.standard_normal((256, 10))
b1, b2 = np.zeros(256), np.zeros(10)


def net_forward():
    h, c1 = affine_forward(Xb, W1, b1)
    a, c2 = tanh_forward(h)
    s, c3 = affine_forward(a, W2, b2)
    return softmax_loss(s, yb), (c1, c2, c3)


def net_backward(state):
    (_, ds), (c1, c2, c3) = state
    da = affine_backward(ds, c3)[0]
    affine_backward(tanh_backward(da, c2), c1, input_grad=False)


def timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - start


runs = {"engine, 4-16-1 on 8 rows": [], "layers.py, 64-256-10, batch 256": []}
with one_blas_thread():
    for _ in range(9):  # interleaved rounds: a busy moment hits all
        loss, t_f = timed(engine_loss)
        _, t_b = timed(loss.backward)
        runs["engine, 4-16-1 on 8 rows"].append((t_f, t_b))
        state, t_f = timed(net_forward)
        _, t_b = timed(net_backward, state)
        runs["layers.py, 64-256-10, batch 256"].append((t_f, t_b))
rows, fastest = [], {}
for name, r in runs.items():
    ratio = statistics.median(b / f for f, b in r)
    fastest[name] = min(b for _, b in r) / min(f for f, _ in r)
    rows.append((name, f"{statistics.median(f for f, _ in r) * 1e3:.2f}",
                 f"{statistics.median(b for _, b in r) * 1e3:.2f}",
                 f"{ratio:.2f}"))  # fmt: skip
print(table(["program", "forward, ms", "backward, ms", "backward ÷ forward"],
            rows, "median of 9 interleaved rounds, on the machine that "
            "built this page"))  # fmt: skip
print(note("fastest rounds, backward ÷ forward: " + ", ".join(
    f"{v:.2f}" for v in fastest.values())))  # fmt: skip

assert edges <= 2 * len(ops)  # no operation has more than two inputs
assert all(0.1 < v < 10 for v in fastest.values())  # a small constant
