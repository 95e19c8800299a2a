"""Multiply swaps: each input's gradient is the OTHER input × upstream."""

from graphs import graph_svg
from show import figure

x, y = 3.0, -4.0
m = x * y
dm = 2.0  # the gradient arriving at m from the rest of the graph
dx = y * dm  # ∂(x·y)/∂x = y: the other input
dy = x * dm  # ∂(x·y)/∂y = x

nodes = [
    {"id": "x", "label": "x", "op": "", "value": x, "grad": dx},
    {"id": "y", "label": "y", "op": "", "value": y, "grad": dy},
    {"id": "m", "label": "m", "op": "×", "value": m, "grad": dm},
]
edges = [("x", "m"), ("y", "m")]
title = "Multiply gate: m = x·y, upstream 2"
print(figure(graph_svg(nodes, edges, title, id_prefix="gate-mul")))

assert (dx, dy) == (-8.0, 6.0)  # swapped (and scaled by the upstream 2)
