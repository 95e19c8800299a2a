"""Softmax and cross-entropy as two separate backward steps: the step
through -log p_y divides by p_y, and a confident wrong answer makes p_y
round to 0. Fused, the division never happens."""

import numpy as np
from layers import softmax_loss


def unfused(s, y):
    """Loss and ds by two backward steps: -log p_y, then softmax."""
    e = np.exp(s - s.max())  # even the stable, shifted softmax ...
    p = e / e.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        loss = -np.log(p[y])
        dp = np.zeros_like(p)
        dp[y] = -1 / p[y]  # ... divides by p_y here: 1/0 = inf
        ds = p * (dp - dp @ p)  # the softmax VJP: 0 * inf = nan
    return loss, ds


for dtype, gap in ((np.float64, 800.0), (np.float32, 120.0)):
    s = np.array([gap, 0.0, 1.0], dtype=dtype)  # class 1 is right
    loss, ds = unfused(s, 1)
    fused, dfused = softmax_loss(s[None], np.array([1]))
    with np.errstate(under="ignore"):  # exp(-g) rounds to 0 from here:
        zero = next(g for g in range(2000) if np.exp(-dtype(g)) == 0)
    print(
        f"{np.dtype(dtype).name}: p_y is exactly 0 once the right class "
        f"is {zero} below the best; here it is {gap:g} below"
    )
    print(f"  unfused: loss {loss}, ds {ds}")
    print(f"  fused:   loss {fused:.1f}, ds {dfused[0]}")
    assert np.isinf(loss) and np.isnan(ds).all()  # the unfused pair fails
    assert np.isfinite(fused) and abs(fused - gap) < 1e-3 * gap
    assert np.allclose(dfused[0], [1, -1, 0])  # p - onehot(y), finite
    assert dfused.dtype == dtype and zero < gap

s = np.array([2.0, 0.0, 1.0])  # ordinary scores: both ways agree
assert np.allclose(unfused(s, 1)[1], softmax_loss(s[None], [1])[1][0])
