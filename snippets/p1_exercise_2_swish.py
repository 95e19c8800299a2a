"""Exercise 2, solution: the swish gate f = x·σ(w·x + b), staged."""

import math

import numpy as np
from gradcheck import numeric_grad
from p1_checks import check_swish


def forward(x, w, b):
    s = w * x  # [1]
    z = s + b  # [2]
    g = 1 / (1 + math.exp(-z))  # [3] σ(z)
    f = x * g  # [4]
    return f, (x, w, g)


def backward(df, cache):
    x, w, g = cache
    dx, dg = g * df, x * df  # [4] multiply swaps; x's first use
    dz = g * (1 - g) * dg  # [3] σ' = σ(1 − σ), from the cached g
    ds, db = dz, dz  # [2] add distributes
    dx += w * ds  # [1] multiply swaps; x's second use: add
    dw = x * ds
    return dx, dw, db


x, w, b = 1.5, -0.8, 0.4
f, cache = forward(x, w, b)
dx, dw, db = backward(1.0, cache)
print(f"f = {f:.6f}  dx = {dx:.6f}  dw = {dw:.6f}  db = {db:.6f}")
report = check_swish(forward, backward)
print(report)

assert report
v = np.array([x, w, b])  # central differences of the formula itself
num = numeric_grad(lambda: v[0] / (1 + math.exp(-(v[1] * v[0] + v[2]))), v)
assert np.allclose([dx, dw, db], num, rtol=1e-8, atol=1e-10)
