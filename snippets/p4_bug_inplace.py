"""Bug 7: an in-place edit of an activation the backward pass cached."""

import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
x = rng.standard_normal((4, 3))
W = rng.standard_normal((3, 2))
dout = rng.standard_normal((4, 2))


# --8<-- [start:bug]
def forward(bug):
    s = np.exp(-np.logaddexp(0, -(x @ W)))  # σ(x W), without overflow
    cache = s  # the backward pass needs σ(z): keep it
    if bug:
        s *= 3.0  # in place "to save memory": the cache changes too
    else:
        s = s * 3.0  # a new array: the cache still holds σ(z)
    return s, cache


def backward(dout, cache):
    dz = dout * 3.0 * cache * (1 - cache)  # σ' = σ(1 - σ), from the cache
    return dz @ W.T


# --8<-- [end:bug]


num = numeric_grad(lambda: forward(bug=False)[0], x, dout)
errs = {}
for name, bug in (("buggy", True), ("fixed", False)):
    _, cache = forward(bug)
    errs[name] = rel_error(backward(dout, cache), num)
    print(f"{name}: relative error {errs[name]:.1e} -> "
          f"{verdict(errs[name])}")  # fmt: skip
assert verdict(errs["buggy"]) == "wrong" and verdict(errs["fixed"]) == "ok"
