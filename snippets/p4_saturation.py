"""Saturation: larger sigmoid weights push units to the flat ends."""

import numpy as np
from layers import sigmoid_forward

rng = np.random.default_rng(0)
depth, width, batch = 10, 100, 64
x = rng.standard_normal((batch, width))
dout = rng.standard_normal((batch, width)) / batch


def sigmoid(z):  # 1 / (1 + e^-z), without overflow for any z
    return sigmoid_forward(z)[0]


print("weight std   std of z   saturated   mean σ'   ‖dx‖ / ‖dout‖")
rows = {}
for gain in (0.5, 1, 4, 16):
    std = gain / np.sqrt(width)
    Ws = [rng.standard_normal((width, width)) * std for _ in range(depth)]
    h, slopes, zs = x, [], []
    for W in Ws:
        zs.append(h @ W)
        h = sigmoid(zs[-1])
        slopes.append(h * (1 - h))  # σ'(z) = σ(z)(1 - σ(z)) <= 1/4
    dh = dout
    for W, s in zip(Ws[::-1], slopes[::-1]):
        dh = (dh * s) @ W.T  # through σ, then through z = h W
    z_std = np.std(zs[-1])  # the top layer's z
    sat = np.mean(np.concatenate(slopes) < 0.01)  # |z| > 4.6: flat
    mean_slope = np.mean(np.concatenate(slopes))
    ratio = np.linalg.norm(dh) / np.linalg.norm(dout)
    rows[gain] = sat, mean_slope, ratio
    print(f"{gain:>5g}/√n {z_std:10.2f} {sat:10.1%} {mean_slope:9.4f} "
          f"{ratio:18.1e}")  # fmt: skip

assert rows[16][0] > 0.5 > rows[1][0] == 0  # big weights: most units flat
assert all(r[1] <= 0.25 for r in rows.values())  # σ' never exceeds 1/4
assert rows[1][2] < 1e-6 and rows[0.5][2] < rows[1][2]  # small: vanish
assert rows[16][1] < rows[1][1] / 5  # big: most σ' near 0, few carry it
assert rows[16][2] > 1e-2  # the total norm survives, through few units
