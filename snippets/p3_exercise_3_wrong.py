"""Exercise 3: layer norm's backward with the row statistics as constants."""

import numpy as np
from p3_checks import EPS, check_layernorm


def layernorm_forward(x, g, b):
    mu = x.mean(axis=1, keepdims=True)
    std = np.sqrt(x.var(axis=1, keepdims=True) + EPS)
    xhat = (x - mu) / std
    return g * xhat + b, (xhat, std, g)


def layernorm_backward(dout, cache):
    xhat, std, g = cache
    dx = dout * g / std  # as if mu and std did not depend on x
    return dx, (dout * xhat).sum(axis=0), dout.sum(axis=0)


report = check_layernorm(layernorm_forward, layernorm_backward)
print(report)
assert not report
