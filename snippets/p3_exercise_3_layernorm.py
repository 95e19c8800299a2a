"""Exercise 3: layer normalization, forward and backward, on a batch."""

import numpy as np
from gradcheck import check_layer, verdict
from p3_checks import EPS, check_layernorm


def layernorm_forward(x, g, b):
    """x (N, D), g (D,), b (D,) -> out (N, D); each row normalized."""
    mu = x.mean(axis=1, keepdims=True)  # (N, 1)
    std = np.sqrt(x.var(axis=1, keepdims=True) + EPS)  # (N, 1)
    xhat = (x - mu) / std  # (N, D): each row has mean 0, variance ~1
    return g * xhat + b, (xhat, std, g)


def layernorm_backward(dout, cache):
    xhat, std, g = cache
    dg = (dout * xhat).sum(axis=0)  # (D,): g is used by every row
    db = dout.sum(axis=0)  # (D,)
    dxhat = dout * g  # (N, D)
    # three paths from x: direct, through mu, through the variance
    dx = (
        dxhat
        - dxhat.mean(axis=1, keepdims=True)
        - xhat * (dxhat * xhat).mean(axis=1, keepdims=True)
    ) / std
    return dx, dg, db


report = check_layernorm(layernorm_forward, layernorm_backward)
print(report)

rng = np.random.default_rng(0)
x = rng.normal(size=(3, 6)) * 4 - 2
g, b = rng.normal(size=6), rng.normal(size=6)
out, cache = layernorm_forward(x, g, b)
dout = rng.normal(size=out.shape)
dx = layernorm_backward(dout, cache)[0]
# shifting a row by c leaves out unchanged, so the rows of dx sum to 0
print("every row of dx sums to 0:", np.allclose(dx.sum(axis=1), 0))
assert np.allclose(dx.sum(axis=1), 0, atol=1e-12)
naive = dout * g / cache[1]  # mean and variance taken as constants
assert not np.allclose(naive.sum(axis=1), 0, atol=1e-3)  # fails the test
errors = check_layer(layernorm_forward, layernorm_backward, x, g, b)
assert report and all(
    verdict(e) == "ok" for e in errors
)  # central differences
