"""Exercise 3, solved: a neuron as one node; same gradients, fewer nodes."""

import math

import numpy as np
from engine import Value
from p2_checks import check_neuron


def neuron(ws, xs, b):
    """tanh(sum_i w_i x_i + b) as ONE node; ws, xs lists of n Values."""
    z = sum(w.data * x.data for w, x in zip(ws, xs)) + b.data
    t = math.tanh(z)
    dz = 1.0 - t * t  # d tanh(z)/dz; then dz/dw_i = x_i, dz/dx_i = w_i
    local_grads = [dz * x.data for x in xs] + [dz * w.data for w in ws]
    return Value(t, (*ws, *xs, b), (*local_grads, dz), "neuron")


def composed(ws, xs, b):  # the neuron of "Train a tiny network"
    return sum((w * x for w, x in zip(ws, xs)), b).tanh()


report = check_neuron(neuron)
print(report)
assert report

n = 16
w, x = np.random.default_rng(0).normal(size=(2, n))
grads, counts = [], []
for build in (neuron, composed):  # the same inputs, two graphs
    ws, xs, b = [Value(v) for v in w], [Value(v) for v in x], Value(0.1)
    out = build(ws, xs, b)
    out.backward()
    grads.append([v.grad for v in (*ws, *xs, b)])
    counts.append(len(out.topological_order()))
gap = np.max(np.abs(np.subtract(*grads)))
print(f"{n} inputs: one node: {counts[0]} nodes, composed: {counts[1]} nodes")
print(f"largest gradient difference: {gap:.1e}")

# inputs 2n + 1, plus 1 node; composed adds n products, n sums and tanh
assert counts == [2 * n + 2, (2 * n + 1) + n + n + 1]
assert gap < 1e-12
