"""A fork sums: a value used twice gets the sum of both gradients."""

from graphs import graph_svg
from show import figure

x, y, z = 2.0, 3.0, -1.5
a = x * y  # x is used here...
b = x * z  # ...and here
f = a + b

df = 1.0
da, db = df, df  # add distributes
dy, dz = x * da, x * db  # multiply swaps
dx = y * da + z * db  # the fork: both uses of x add up

nodes = [
    {"id": "x", "label": "x", "op": "", "value": x, "grad": dx},
    {"id": "y", "label": "y", "op": "", "value": y, "grad": dy},
    {"id": "z", "label": "z", "op": "", "value": z, "grad": dz},
    {"id": "a", "label": "a", "op": "×", "value": a, "grad": da},
    {"id": "b", "label": "b", "op": "×", "value": b, "grad": db},
    {"id": "f", "label": "f", "op": "+", "value": f, "grad": df},
]
edges = [("x", "a"), ("y", "a"), ("x", "b"), ("z", "b")]
edges += [("a", "f"), ("b", "f")]
title = "Fork: f = x·y + x·z, starting from ∂f/∂f = 1"
print(figure(graph_svg(nodes, edges, title, id_prefix="gate-fork")))

assert dx == y + z == 1.5  # by hand: f = x(y + z), so ∂f/∂x = y + z
h = 1e-6
assert abs(((x + h) * (y + z) - (x - h) * (y + z)) / (2 * h) - dx) < 1e-9
