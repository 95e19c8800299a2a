"""Bug 2: a forgotten local derivative (the sigmoid's slope)."""

import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
x = rng.standard_normal((4, 3))
W = rng.standard_normal((3, 2))
dout = rng.standard_normal((4, 2))


def forward():
    return np.exp(-np.logaddexp(0, -(x @ W)))  # σ(x W) = 1/(1 + e^-xW)


# --8<-- [start:bug]
def backward_buggy(dout):
    dz = dout  # forgot: out = σ(z) has its own local derivative
    return dz @ W.T


def backward_fixed(dout):
    s = forward()
    dz = dout * s * (1 - s)  # dσ/dz = σ(1 - σ), times the upstream
    return dz @ W.T


# --8<-- [end:bug]


num = numeric_grad(forward, x, dout)
errs = {}
for name, backward in (("buggy", backward_buggy), ("fixed", backward_fixed)):
    errs[name] = rel_error(backward(dout), num)
    print(f"{name}: relative error {errs[name]:.1e} -> "
          f"{verdict(errs[name])}")  # fmt: skip
assert verdict(errs["buggy"]) == "wrong" and verdict(errs["fixed"]) == "ok"
