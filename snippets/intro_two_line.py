"""The two-line picture, drawn from a real computation."""

import math

from diagrams import two_line_svg
from show import figure, table


def sigmoid(v):
    return 1 / (1 + math.exp(-v))


# --8<-- [start:steps]
# one row per step: forward rule, f, local rule, f' (its local derivative)
steps = [
    ("square", lambda v: v**2, "× 2x", lambda v: 2 * v),
    ("× 3", lambda v: 3 * v, "× 3", lambda v: 3.0),
    ("− 5", lambda v: v - 5, "× 1", lambda v: 1.0),
    ("σ", sigmoid, "× σ(1−σ)", lambda v: sigmoid(v) * (1 - sigmoid(v))),
]
names = ["x", "a", "b", "c", "y"]

values = [1.5]  # forward line, left to right
for _, f, _, _ in steps:
    values.append(f(values[-1]))

grads = [1.0]  # backward line, right to left, from dy/dy = 1
for i in reversed(range(len(steps))):
    local = steps[i][3](values[i])  # f' at the step's own input
    grads.insert(0, local * grads[0])  # local derivative × upstream
# --8<-- [end:steps]

svg = two_line_svg(
    names,
    values,
    grads,
    ops=[s[0] for s in steps],
    locals_=[s[2] for s in steps],
    title="Two-line picture of y = σ(3x² − 5) at x = 1.5",
)
print(figure(svg))
rules = [s[2] for s in steps] + ["start: dy/dy = 1"]
rows = [
    (n, f"{v:.4f}", r, f"{g:.4f}")
    for n, v, r, g in zip(names, values, rules, grads)
]
print(table(["value", "forward", "gradient is", "dy/d(value)"], rows))

x, y = values[0], values[-1]
assert y == sigmoid(3 * x**2 - 5)  # the line computes the formula
assert abs(grads[0] - 6 * x * y * (1 - y)) < 1e-12  # dy/dx by hand
