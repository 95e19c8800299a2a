"""Exercise: backward of a per-feature scale, Y = X * s, s of shape (D,)."""

import numpy as np
from gradcheck import check_layer, verdict


def scale_forward(x, s):
    return x * s, (x, s)  # s (D,) is broadcast over the N rows


# --8<-- [start:solution]
def scale_backward(dout, cache):
    x, s = cache
    dx = dout * s  # (N, D) * (D,) -> (N, D): elementwise, mul swaps
    ds = (dout * x).sum(axis=0)  # (N, D) -> (D,): s was used by every row
    return dx, ds
    # --8<-- [end:solution]


rng = np.random.default_rng(0)
x, s = rng.standard_normal((5, 3)), rng.standard_normal(3)
errors = check_layer(scale_forward, scale_backward, x, s, rng=rng)
print("dx, ds relative errors:", ", ".join(f"{e:.0e}" for e in errors))
assert all(verdict(e) == "ok" for e in errors)
