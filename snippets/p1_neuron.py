"""A sigmoid neuron in numbered stages; the backward stages mirror them."""

# --8<-- [start:forward]
import math

from graphs import graph_svg

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

nodes = [
    {"id": i, "label": i, "op": "", "value": v, "grad": g}
    for i, v, g in [("b", b, db), ("w0", w0, dw0), ("x0", x0, dx0),
                    ("w1", w1, dw1), ("x1", x1, dx1)]
] + [
    {"id": "a0", "label": "a0", "op": "*", "value": a0, "grad": da0},
    {"id": "a1", "label": "a1", "op": "*", "value": a1, "grad": da1},
    {"id": "z", "label": "z", "op": "+", "value": z, "grad": dz},
    {"id": "f", "label": "f", "op": "σ", "value": f, "grad": df},
]  # fmt: skip
edges = [("w0", "a0"), ("x0", "a0"), ("w1", "a1"), ("x1", "a1"),
         ("a0", "z"), ("a1", "z"), ("b", "z"), ("z", "f")]  # fmt: skip
print(graph_svg(nodes, edges, "Sigmoid neuron f = σ(w0·x0 + w1·x1 + b)",
                id_prefix="neuron"))  # fmt: skip
# --8<-- [end:figure]

assert abs(dw0 - x0 * f * (1 - f)) < 1e-15  # by hand: x0 σ'(z)
assert db == dz and 0 < dz <= 0.25  # σ' never exceeds 1/4
assert dw1 > max(dw0, db)  # w1 multiplies the largest input
