"""Exercise 3: a plausible wrong attempt, and what the checker says."""

import math

import numpy as np
from engine import Value
from p2_checks import check_neuron, neuron_point


def neuron(ws, xs, b):
    z = sum(w.data * x.data for w, x in zip(ws, xs)) + b.data
    out = math.tanh(z)
    # the slopes of w.x + b, but tanh's own slope is forgotten
    local_grads = [x.data for x in xs] + [w.data for w in ws] + [1.0]
    return Value(out, (*ws, *xs, b), tuple(local_grads), "neuron")


print("local derivatives of w.x + b only:")
report = check_neuron(neuron)
print(report)
assert not report

w, x, b = np.split(neuron_point(), [3, 6])  # the checker's point, n = 3
t = math.tanh(w @ x + b[0])
factor = 1 / (1 - t * t)  # the slope of tanh, left out, upside down
print(f"1 / (1 - t^2) at that point: {factor:.4g}")
off = f"{factor:.4g} times the right one: a missing or extra factor"
assert report[1:] == [f"d{v}: {off}" for v in "wxb"]
