"""One function, both modes: dual numbers forward, the engine backward."""

import math

from engine import Value
from p4_dual import Dual


# --8<-- [start:f]
def f(xs):  # many inputs, one output: Σ tanh(x_i · x_{i+1})
    out = 0.0
    for a, b in zip(xs, xs[1:]):
        out = out + (a * b).tanh()
    return out


# --8<-- [end:f]


xs = [0.3, -1.2, 0.8, 2.0]
n = len(xs)

# --8<-- [start:forward]
forward = []  # forward mode: one pass per input, seeding that input
for i in range(n):
    duals = [Dual(v, 1.0 if j == i else 0.0) for j, v in enumerate(xs)]
    forward.append(f(duals).dot)  # df/dx_i, one number per pass
# --8<-- [end:forward]

# --8<-- [start:reverse]
values = [Value(v) for v in xs]  # reverse mode: one forward, one backward
f(values).backward()
reverse = [v.grad for v in values]  # every df/dx_i at once
# --8<-- [end:reverse]

print("input   forward mode   reverse mode")
for i in range(n):
    print(f"x{i}   {forward[i]:14.10f} {reverse[i]:14.10f}")
print(f"passes: forward mode {n}, reverse mode 1 forward + 1 backward")
assert all(abs(a - b) < 1e-12 for a, b in zip(forward, reverse))
sech2 = [1 - math.tanh(a * b) ** 2 for a, b in zip(xs, xs[1:])]
# df/dx_i = sech²(x_{i-1} x_i) x_{i-1} + sech²(x_i x_{i+1}) x_{i+1}
by_hand = [
    (sech2[i - 1] * xs[i - 1] if i > 0 else 0)
    + (sech2[i] * xs[i + 1] if i < n - 1 else 0)
    for i in range(n)
]
assert all(abs(a - b) < 1e-12 for a, b in zip(reverse, by_hand))
