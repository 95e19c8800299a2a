"""Check your own backward pass: which gradient is wrong, and how."""

# --8<-- [start:yours]
import numpy as np
from gradcheck import check_and_explain

rng = np.random.default_rng(0)


def my_forward(x, w, b):  # an affine layer: out = x @ w + b
    return x @ w + b, (x, w)


def my_backward(dout, cache):  # three classic slips, one per gradient
    x, w = cache
    dx = dout @ w  # should be dout @ w.T
    dw = x.T @ dout / len(x)  # should not divide by the batch size
    db = -dout.sum(axis=0)  # should not flip the sign
    return dx, dw, db


x, w, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 3)), rng.normal(size=3)
for line in check_and_explain(my_forward, my_backward, x, w, b, names="xwb"):
    print(line)
# --8<-- [end:yours]

lines = check_and_explain(my_forward, my_backward, x, w, b, names="xwb")
assert lines[0].startswith("dx: wrong pattern")  # square w: shapes agree
assert lines[1] == "dw: 0.25 times the right one: a missing or extra factor"
assert lines[2] == "db: wrong sign"
