"""A sigmoid neuron in numbered stages; the backward stages mirror them."""

# --8<-- [start:forward]
import math

from graphs import graph_svg
from show import figure

w0, w1, b = 1.5, -0.5, 0.25  # weights and bias
x0, x1 = 0.8, 2.0  # inputs

a0 = w0 * x0  # stage 1: the two products
a1 = w1 * x1
z = a0 + a1 + b  # stage 2: the net input
f = 1 / (1 + math.exp(-z))  # stage 3: the sigmoid, one gate
print(f"a0 = {a0:.4f}, a1 = {a1:.4f}, z = {z:.4f}, f = σ(z) = {f:.6f}")
# --8<-- [end:forward]

# --8<-- [start:backward]
df = 1.0
dz = f * (1 - f) * df  # stage 3 back: σ'(z) = σ(z)(1 − σ(z)), cached f
da0, da1, db = dz, dz, dz  # stage 2 back: add distributes
dw0, dx0 = x0 * da0, w0 * da0  # stage 1 back: multiply swaps
dw1, dx1 = x1 * da1, w1 * da1
print(f"dz = {dz:.6f}")
print(f"dw0 = {dw0:.6f}, dw1 = {dw1:.6f}, db = {db:.6f}")
print(f"dx0 = {dx0:.6f}, dx1 = {dx1:.6f}")
# --8<-- [end:backward]

# --8<-- [start:figure]

# (id, op, value, gradient) of every node, in the order they were computed
spec = [("b", "", b, db), ("w0", "", w0, dw0), ("x0", "", x0, dx0)]
spec += [("w1", "", w1, dw1), ("x1", "", x1, dx1), ("a0", "×", a0, da0)]
spec += [("a1", "×", a1, da1), ("z", "+", z, dz), ("f", "σ", f, df)]
nodes = [
    {"id": i, "label": i, "op": op, "value": v, "grad": g}
    for i, op, v, g in spec
]
edges = [("w0", "a0"), ("x0", "a0"), ("w1", "a1"), ("x1", "a1")]
edges += [("a0", "z"), ("a1", "z"), ("b", "z"), ("z", "f")]
title = "Sigmoid neuron f = σ(w0·x0 + w1·x1 + b)"
print(figure(graph_svg(nodes, edges, title, id_prefix="neuron")))
# --8<-- [end:figure]

assert abs(dw0 - x0 * f * (1 - f)) < 1e-15  # by hand: x0 σ'(z)
assert db == dz and 0 < dz <= 0.25  # σ' never exceeds 1/4
assert dw1 > max(dw0, db)  # w1 multiplies the largest input
