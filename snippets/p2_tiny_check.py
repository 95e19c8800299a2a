"""The small engine's gradients against central differences."""

import math

import numpy as np
from p2_tiny import Value


def f(x, w, b):  # a neuron whose input is used twice: tanh(xw + b) * x
    return (x * w + b).tanh() * x


def f_float(x, w, b):  # the same on plain floats, to nudge
    return math.tanh(x * w + b) * x


rng = np.random.default_rng(0)
points = [tuple(round(float(v), 2) for v in rng.uniform(-2, 2, 3))
          for _ in range(3)]  # fmt: skip
points += [(3.0, 4.0, 1.0), (-1e4, 0.5, 0.0)]  # tanh flat; x extreme
h, worst = 1e-6, 0.0


def row(label, numbers):
    return f"{label:<20}" + "".join(f"{n:>11.5g}" for n in numbers)


print(f"{'x, w, b: backward()':<20}{'dx':>11}{'dw':>11}{'db':>11}")
for p in points:
    inputs = [Value(v) for v in p]
    f(*inputs).backward()
    grads = [v.grad for v in inputs]
    nudges = []
    for i in range(3):  # (f(p + h e_i) - f(p - h e_i)) / 2h
        up, down = list(p), list(p)
        up[i], down[i] = p[i] + h, p[i] - h
        nudges.append((f_float(*up) - f_float(*down)) / (2 * h))
    for g, n in zip(grads, nudges):
        worst = max(worst, abs(g - n) / max(1.0, abs(g), abs(n)))
    print(row(", ".join(f"{v:g}" for v in p), grads))
    print(row("   central diff.", nudges))
print(f"largest relative difference: {worst:.1e}")

assert worst < 1e-5  # backward() agrees with the nudges at every point
# at x = -1e4, tanh(xw + b) = -1 exactly: by hand, dx = -1, dw = db = 0
assert grads == [-1.0, 0.0, 0.0]
