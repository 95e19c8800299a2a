"""Exercise 1: count the passes that fill a Jacobian, both ways."""

import math

from engine import Value
from p4_dual import Dual

w = [1.0, 2.0, 3.0, 4.0, 5.0]
x = [0.3, -0.5, 0.2, 0.1, -0.4]
calls = 0  # evaluations of g, either kind of number


def g(xs):  # R^5 -> R^2: (Σ x_i², tanh(Σ w_i x_i))
    global calls
    calls += 1
    return [sum(v * v for v in xs), sum(a * v for a, v in zip(w, xs)).tanh()]


# forward mode: one pass per input, seeded with slope 1: one column each
columns = []
for i in range(len(x)):
    outs = g([Dual(v, float(j == i)) for j, v in enumerate(x)])
    columns.append([y.dot for y in outs])
forward_passes, calls = calls, 0

# reverse mode: one pass of g records the graph; then one backward pass
# per output, each giving that output's gradient: one row each
vs = [Value(v) for v in x]
outs, rows = g(vs), []
for y in outs:
    y.zero_grad()  # the inputs still hold the previous row's gradient
    y.backward()
    rows.append([v.grad for v in vs])
reverse_passes = len(rows)

print(f"forward mode: {forward_passes} passes of g on dual numbers")
print(f"reverse mode: {calls} pass of g, {reverse_passes} backward passes")
for k, row in enumerate(rows):
    print(f"row {k}: " + " ".join(f"{d:8.4f}" for d in row))
for name, n, m in [
    ("loss of a 10⁶-weight net", 10**6, 1),
    ("1 parameter, 1000 outputs", 1, 1000),
    ("g", 5, 2),
]:
    best = "reverse" if m < n else "forward" if n < m else "either"
    print(f"{name:26} n={n:<8} m={m:<5} forward {n}, reverse {m}: {best}")

assert (forward_passes, calls, reverse_passes) == (5, 1, 2)  # n, 1, m
assert all(abs(columns[i][k] - rows[k][i]) < 1e-12
           for i in range(5) for k in range(2))  # fmt: skip
t = math.tanh(sum(a * v for a, v in zip(w, x)))
assert rows[0] == [2 * v for v in x]  # d(Σ x²)/dx_i = 2 x_i, exactly
assert all(abs(d - (1 - t * t) * a) < 1e-15 for d, a in zip(rows[1], w))
