"""f = (x + y) · (y · z) as a graph: a value and a gradient on every node."""

# --8<-- [start:forward]
x, y, z = 1.5, -2.0, 3.0  # the inputs
q = x + y  # node q: +
r = y * z  # node r: ×   (y feeds q AND r: a fork)
f = q * r  # node f: ×   the output
# --8<-- [end:forward]

# --8<-- [start:backward]
df = 1.0  # ∂f/∂f = 1: start at the answer
dq = r * df  # f = q·r: the gradient to q is the other input, r
dr = q * df  # ... and to r it is q
dx = 1.0 * dq  # q = x + y: a sum passes the gradient on unchanged
dy = 1.0 * dq  # first path to y (through q)
dz = y * dr  # r = y·z: the gradient to z is the other input, y
dy += z * dr  # second path to y (through r): ADD it
# --8<-- [end:backward]

# --8<-- [start:graph]
# nodes in the order the forward pass computes them; edges: who feeds whom
nodes = [
    {"id": "x", "label": "x", "op": "", "value": x, "grad": dx},
    {"id": "y", "label": "y", "op": "", "value": y, "grad": dy},
    {"id": "z", "label": "z", "op": "", "value": z, "grad": dz},
    {"id": "q", "label": "q", "op": "+", "value": q, "grad": dq},
    {"id": "r", "label": "r", "op": "×", "value": r, "grad": dr},
    {"id": "f", "label": "f", "op": "×", "value": f, "grad": df},
]
edges = [("x", "q"), ("y", "q"), ("y", "r"), ("z", "r")]  # into q and r
edges += [("q", "f"), ("r", "f")]  # into f
# --8<-- [end:graph]

# by hand: f = (x + y)·y·z, so ∂f/∂x = yz, ∂f/∂y = yz + (x + y)z,
# ∂f/∂z = (x + y)y
assert f == (x + y) * y * z
assert (1.0 * dq, z * dr, dy) == (-6.0, -1.5, -7.5)  # two paths into y
assert (dx, dy, dz) == (y * z, y * z + (x + y) * z, (x + y) * y)
