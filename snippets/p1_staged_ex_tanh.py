"""Exercise: a tanh neuron, f = tanh(w·x + b), in stages."""

import math

w, x, b = -0.7, 1.2, 0.3
s = w * x  # [1]
z = s + b  # [2]
f = math.tanh(z)  # [3] one gate: tanh'(z) = 1 − tanh(z)², cached f

df = 1.0
dz = (1 - f**2) * df  # [3] back
ds, db = dz, dz  # [2] back: add distributes
dw, dx = x * ds, w * ds  # [1] back: multiply swaps
print(f"f = {f:.6f}  dw = {dw:.6f}  dx = {dx:.6f}  db = {db:.6f}")


def fn(w, x, b):
    return math.tanh(w * x + b)


h = 1e-6
assert abs(dw - (fn(w + h, x, b) - fn(w - h, x, b)) / (2 * h)) < 1e-9
assert abs(dx - (fn(w, x + h, b) - fn(w, x - h, b)) / (2 * h)) < 1e-9
assert abs(db - (fn(w, x, b + h) - fn(w, x, b - h)) / (2 * h)) < 1e-9
