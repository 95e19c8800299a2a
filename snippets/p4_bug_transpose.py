"""Bug 1: a missing transpose, in a layer whose W is square."""

import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
x = rng.standard_normal((4, 5))  # a batch of 4 rows
W = rng.standard_normal((5, 5))  # square: the shapes cannot catch the bug
dout = rng.standard_normal((4, 5))  # d(loss)/d(out) from above


def forward():
    return x @ W  # out = x W, (4, 5)


# --8<-- [start:bug]
def backward_buggy(dout):
    return dout @ W  # dx = dout W: shapes fit, and it is wrong


def backward_fixed(dout):
    return dout @ W.T  # dx = dout W^T: (4, 5) @ (5, 5)


# --8<-- [end:bug]


num = numeric_grad(forward, x, dout)
errs = {}
for name, backward in (("buggy", backward_buggy), ("fixed", backward_fixed)):
    errs[name] = rel_error(backward(dout), num)
    print(f"{name}: relative error {errs[name]:.1e} -> "
          f"{verdict(errs[name])}")  # fmt: skip
assert verdict(errs["buggy"]) == "wrong" and verdict(errs["fixed"]) == "ok"
