"""A formula can pass its check in float64 and still fail in float32:
an unshifted softmax loss, right in float64, overflows in float32."""

import numpy as np
from gradcheck import check_loss, verdict


def softmax_loss_unshifted(s, y):
    """Mean cross-entropy, exp(s) taken as is: no max subtracted."""
    n = len(y)
    e = np.exp(s)  # overflows once a score passes log(max float)
    p = e / e.sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(n), y]).mean()
    ds = p.copy()
    ds[np.arange(n), y] -= 1
    return loss, ds / n


rng = np.random.default_rng(0)
s = rng.standard_normal((4, 5)) * 30 + 60  # largest near 100
y = rng.integers(0, 5, size=4)
err = check_loss(softmax_loss_unshifted, s, y)
print(f"largest score {s.max():.1f}; check in float64: {err:.0e}, "
      f"{verdict(err)}")  # fmt: skip
with np.errstate(all="ignore"):  # let it fail quietly
    loss32, ds32 = softmax_loss_unshifted(s.astype(np.float32), y)
print(f"the same code in float32: loss {loss32}, "
      f"{np.isnan(ds32).sum()} of {ds32.size} gradients are nan")  # fmt: skip

assert verdict(err) == "ok" and s.max() > np.log(np.finfo(np.float32).max)
assert not np.isfinite(loss32) and np.isnan(ds32).any()
