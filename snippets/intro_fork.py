"""A value used twice: its gradients from both uses add up."""

from graphs import graph_svg
from show import figure

# --8<-- [start:fork]
x, y = 2.0, 3.0
a = x * y  # x is used here ...
f = a + x  # ... and here

df = 1.0
da = 1.0 * df  # ∂(a + x)/∂a = 1
dx = 1.0 * df  # ∂(a + x)/∂x = 1: the direct path
dy = x * da  # ∂(x·y)/∂y = x
dx += y * da  # ∂(x·y)/∂x = y: the second path ADDS to dx
# --8<-- [end:fork]

nodes = [
    {"id": "x", "label": "x", "op": "", "value": x, "grad": dx},
    {"id": "y", "label": "y", "op": "", "value": y, "grad": dy},
    {"id": "a", "label": "a", "op": "×", "value": a, "grad": da},
    {"id": "f", "label": "f", "op": "+", "value": f, "grad": df},
]
edges = [("x", "a"), ("y", "a"), ("a", "f"), ("x", "f")]
svg = graph_svg(nodes, edges, "f = x·y + x at x = 2, y = 3", id_prefix="fork")
print(figure(svg))


def fn(x, y):
    return x * y + x


h = 1e-6
assert abs(dx - (fn(x + h, y) - fn(x - h, y)) / (2 * h)) < 1e-6
assert abs(dy - (fn(x, y + h) - fn(x, y - h)) / (2 * h)) < 1e-6
assert dx == y + 1 and dy == x  # by hand: ∂f/∂x = y + 1, ∂f/∂y = x
