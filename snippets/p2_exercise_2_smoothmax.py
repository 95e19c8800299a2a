"""Exercise 2, solved: log(e^a + e^b) as one node, safe at a = 1000."""

import math

from engine import Value, lift
from p2_checks import check_op


def smoothmax(a, b):
    """log(e^a + e^b) as ONE node; a and b are Values or numbers."""
    a, b = lift(a), lift(b)
    m = max(a.data, b.data)  # factor out e^m: no exp of a large number
    ea, eb = math.exp(a.data - m), math.exp(b.data - m)  # both <= 1
    out = m + math.log(ea + eb)
    # d(out)/da = e^a / (e^a + e^b), the share of a; the same for b
    return Value(out, (a, b), (ea / (ea + eb), eb / (ea + eb)), "smoothmax")


def ref(a, b):
    return math.log(math.exp(a) + math.exp(b))


report = check_op(smoothmax, ref)
print(report)
assert report

# the logistic loss of "Train a tiny network": log(1 + e^(-ys)) at ys = -1000
s = Value(-1000.0)
loss = smoothmax(0.0, -1.0 * s)  # y = +1
loss.backward()
print(f"smoothmax(0, -s): loss = {loss.data:.1f}, dloss/ds = {s.grad:+.4f}")
try:
    composed = (1 + (-1.0 * s).exp()).log().data  # from exp, + and log
except OverflowError as e:
    composed = f"OverflowError ({e})"
print(f"exp, + and log: {composed}")

# exact: at a = 1000, b = 999, out = 1000 + log(1 + e^-1), da = sigmoid(1)
a, b = Value(1000.0), Value(999.0)
out = smoothmax(a, b)
out.backward()
assert abs(out.data - (1000 + math.log1p(math.exp(-1)))) < 1e-12
assert abs(a.grad - 1 / (1 + math.exp(-1))) < 1e-15
assert abs(a.grad + b.grad - 1) < 1e-15  # the shares add up to 1
assert composed.startswith("OverflowError")
assert loss.data == 1000.0 and s.grad == -1.0  # log(1 + e^1000) ~ 1000
# one smoothmax node, on the product -1 * s: 5 nodes with the 3 leaves
assert loss.op == "smoothmax" and [p.op for p in loss.parents] == ["", "*"]
ops = sorted(v.op for v in loss.topological_order())
assert ops == ["", "", "", "*", "smoothmax"]
