"""Exercise: f = max(x·y, z) + x, gradients by the four patterns."""

from graphs import graph_svg
from show import figure

x, y, z = 2.0, -1.0, 0.5
p = x * y  # -2
m = max(p, z)  # 0.5: z wins
f = m + x

df = 1.0
dm, dx_direct = df, df  # add distributes
dp, dz = (dm, 0.0) if p >= z else (0.0, dm)  # routes to z; a tie: p
dx = y * dp + dx_direct  # multiply swaps (0 here), then the fork sums
dy = x * dp

nodes = [
    {"id": "x", "label": "x", "op": "", "value": x, "grad": dx},
    {"id": "y", "label": "y", "op": "", "value": y, "grad": dy},
    {"id": "z", "label": "z", "op": "", "value": z, "grad": dz},
    {"id": "p", "label": "p", "op": "×", "value": p, "grad": dp},
    {"id": "m", "label": "m", "op": "max", "value": m, "grad": dm},
    {"id": "f", "label": "f", "op": "+", "value": f, "grad": df},
]
edges = [("x", "p"), ("y", "p"), ("p", "m"), ("z", "m")]
edges += [("m", "f"), ("x", "f")]
title = "f = max(x·y, z) + x"
print(figure(graph_svg(nodes, edges, title, id_prefix="gate-ex")))

assert (dx, dy, dz) == (1.0, 0.0, 1.0)
