"""Batch norm staged: one line per node of its graph forward, and one
backward line for each, numbered alike (the CS231n way). A module: the
demos are p5_bn_graph.py and p5_bn_compare.py."""

import numpy as np


# --8<-- [start:forward]
def bn_staged_forward(x, gamma, beta, eps=1e-5):
    """x (N, D): statistics over the batch, one column at a time."""
    mu = x.mean(axis=0)  # 1: (D,)
    xc = x - mu  # 2: (N, D)
    var = (xc * xc).mean(axis=0)  # 3: (D,), biased (divides by N)
    std = np.sqrt(var + eps)  # 4: (D,)
    xhat = xc / std  # 5: (N, D)
    out = gamma * xhat + beta  # 6: (N, D)
    return out, (xc, std, xhat, gamma)
    # --8<-- [end:forward]


# --8<-- [start:backward]
def bn_staged_backward(dout, cache):
    """dx, dgamma, dbeta, and the gradient of each inner node by name."""
    xc, std, xhat, gamma = cache
    n = len(xc)
    dbeta = dout.sum(axis=0)  # 6: beta was added to every row
    dgamma = (dout * xhat).sum(axis=0)  # 6: mul swaps, rows add
    dxhat = dout * gamma  # 6
    dxc = dxhat / std  # 5: xhat = xc / std, through xc ...
    dstd = -(dxhat * xc / std**2).sum(axis=0)  # 5: ... and through std
    dvar = dstd / (2 * std)  # 4: d sqrt(u)/du = 1 / (2 sqrt(u))
    dxc += 2 * xc * dvar / n  # 3: xc's second use: the fork adds
    dmu = -dxc.sum(axis=0)  # 2: mu was subtracted from every row
    dx = dxc + dmu / n  # 2 and 1: x's two uses, x - mu and mean(x)
    inner = {"mu": dmu, "xc": dxc, "std": dstd, "xhat": dxhat}
    return dx, dgamma, dbeta, inner  # inner: for the figure
    # --8<-- [end:backward]
