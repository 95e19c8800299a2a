"""Bug 3: `=` instead of `+=` where a value is used twice."""

import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
x = rng.standard_normal((4, 3))
W = rng.standard_normal((3, 3)) / 2
dout = rng.standard_normal((4, 3))


def forward():
    return x + np.tanh(x @ W)  # a residual block: x is used twice


# --8<-- [start:bug]
def backward_buggy(dout):
    dx = dout  # the skip path: d(out)/dx through "x +" is the identity
    dz = dout * (1 - np.tanh(x @ W) ** 2)
    dx = dz @ W.T  # `=` throws the skip path's gradient away
    return dx


def backward_fixed(dout):
    dx = dout.copy()  # a copy: `+=` on dout itself would change dout
    dz = dout * (1 - np.tanh(x @ W) ** 2)
    dx += dz @ W.T  # gradients from the two uses add up
    return dx


# --8<-- [end:bug]


num = numeric_grad(forward, x, dout)
errs = {}
for name, backward in (("buggy", backward_buggy), ("fixed", backward_fixed)):
    errs[name] = rel_error(backward(dout), num)
    print(f"{name}: relative error {errs[name]:.1e} -> "
          f"{verdict(errs[name])}")  # fmt: skip
assert verdict(errs["buggy"]) == "wrong" and verdict(errs["fixed"]) == "ok"
