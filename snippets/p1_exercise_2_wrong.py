"""Exercise 2: what the checker says about a typical wrong attempt."""

import math

from p1_checks import check_swish


def forward(x, w, b):
    g = 1 / (1 + math.exp(-(w * x + b)))
    return x * g, (x, w, g)


def backward(df, cache):
    x, w, g = cache
    dx, dg = g * df, x * df
    dz = g * (1 - g) * dg
    db = dz
    dx = w * dz  # = where it should be +=: the first path is lost
    dw = x * dz
    return dx, dw, 2 * db  # and a stray factor 2


report = check_swish(forward, backward)
print(report)
assert not report
