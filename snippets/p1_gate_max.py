"""Max routes: the whole upstream gradient goes to the larger input."""

from graphs import graph_svg
from show import figure

x, y = 3.0, 5.0
m = max(x, y)
dm = 2.0  # the gradient arriving at m from the rest of the graph
dx = dm if x >= y else 0.0  # a tie goes to the first input, x
dy = dm if y > x else 0.0  # the smaller input gets nothing

nodes = [
    {"id": "x", "label": "x", "op": "", "value": x, "grad": dx},
    {"id": "y", "label": "y", "op": "", "value": y, "grad": dy},
    {"id": "m", "label": "m", "op": "max", "value": m, "grad": dm},
]
edges = [("x", "m"), ("y", "m")]
title = "Max gate: m = max(x, y), upstream 2"
print(figure(graph_svg(nodes, edges, title, id_prefix="gate-max")))

h = 1e-6  # the nudge check, with the rest of the graph as 2·m
for v, d, f in [(x, dx, lambda t: max(t, y)), (y, dy, lambda t: max(x, t))]:
    assert abs(dm * (f(v + h) - f(v - h)) / (2 * h) - d) < 1e-6
assert (dx, dy) == (0.0, dm)
