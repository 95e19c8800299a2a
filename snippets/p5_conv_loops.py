"""conv2d with plain loops, forward and backward, one backward line for
each forward line. Slow and obvious: the reference the fast version is
compared with. A module: the demo is p5_conv_compare.py."""

import numpy as np


# --8<-- [start:forward]
def _pad(x, pad):
    """pad rows and columns of zeros on every side of each image."""
    return np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))


def conv_loops_forward(x, w, b, stride=1, pad=0):
    """x (N, C, H, W), w (F, C, KH, KW), b (F,) -> out (N, F, H', W')."""
    xp = _pad(x, pad)
    F, _, KH, KW = w.shape
    Ho = (xp.shape[2] - KH) // stride + 1
    Wo = (xp.shape[3] - KW) // stride + 1
    out = np.zeros((len(x), F, Ho, Wo))
    for n in range(len(x)):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    r, c = i * stride, j * stride  # the window's corner
                    win = xp[n, :, r : r + KH, c : c + KW]  # (C, KH, KW)
                    out[n, f, i, j] = np.sum(win * w[f]) + b[f]
    return out
    # --8<-- [end:forward]


# --8<-- [start:backward]
def conv_loops_backward(dout, x, w, stride=1, pad=0):
    """The same loops; each window's mul and add gates, walked back."""
    xp = _pad(x, pad)
    dxp, dw, db = np.zeros(xp.shape), np.zeros(w.shape), np.zeros(len(w))
    KH, KW = w.shape[2:]
    for n in range(len(x)):
        for f in range(len(w)):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    r, c = i * stride, j * stride
                    win = xp[n, :, r : r + KH, c : c + KW]
                    g = dout[n, f, i, j]
                    dxp[n, :, r : r + KH, c : c + KW] += g * w[f]  # x gets w
                    dw[f] += g * win  # mul swaps: w gets the window
                    db[f] += g  # add passes it on
    H, W = x.shape[2:]
    return dxp[:, :, pad : pad + H, pad : pad + W], dw, db
    # --8<-- [end:backward]
