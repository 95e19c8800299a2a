"""Add distributes: each input gets the upstream gradient, unchanged."""

from graphs import graph_svg
from show import figure

x, y, z = 2.0, -1.0, 4.0
s = x + y + z
ds = 2.0  # the gradient arriving at s from the rest of the graph
# ∂(x + y + z)/∂x = 1, and the same for y and z: copy ds to each
dx, dy, dz = 1.0 * ds, 1.0 * ds, 1.0 * ds

nodes = [
    {"id": "x", "label": "x", "op": "", "value": x, "grad": dx},
    {"id": "y", "label": "y", "op": "", "value": y, "grad": dy},
    {"id": "z", "label": "z", "op": "", "value": z, "grad": dz},
    {"id": "s", "label": "s", "op": "+", "value": s, "grad": ds},
]
edges = [("x", "s"), ("y", "s"), ("z", "s")]
title = "Add gate: s = x + y + z, upstream 2"
print(figure(graph_svg(nodes, edges, title, id_prefix="gate-add")))

assert dx == dy == dz == ds  # every input gets exactly the upstream
