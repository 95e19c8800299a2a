"""The backward pass of a convolution is made of convolutions: dx is a
"full" convolution of dout with the flipped kernel, dw a correlation of
the input with dout - computed here by conv2d_forward itself."""

import numpy as np
from layers5 import conv2d_backward, conv2d_forward

rng = np.random.default_rng(0)
np.set_printoptions(formatter={"float": "{:3g}".format})
x = rng.integers(-2, 3, (1, 1, 4, 4)).astype(float)  # one channel
w = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])  # one 2 x 2 kernel
out, cache = conv2d_forward(x, w, np.zeros(1))  # (1, 1, 3, 3)
dout = rng.integers(-2, 3, out.shape).astype(float)
dx, dw, _ = conv2d_backward(dout, cache)

# --8<-- [start:full]
flipped = w[:, :, ::-1, ::-1]  # rotated by 180 degrees
full = conv2d_forward(dout, flipped, np.zeros(1), pad=1)[0]  # K - 1
# --8<-- [end:full]
for title, a in (
    ("dout, padded with K - 1 = 1 zeros:", np.pad(dout[0, 0], 1)),
    ("flipped kernel:", flipped[0, 0]),
    ("dx by conv2d_backward:", dx[0, 0]),
    ("dx as a full convolution of dout with the flipped kernel:", full[0, 0]),
):
    print(title)  # a title line, then the array on lines of its own
    print(a)
# a true convolution, sum_ij dout[i, j] w[r - i, c - j], needs no flip
true = np.zeros((4, 4))
for i, j in np.ndindex(3, 3):  # each dout entry spreads the kernel
    true[i : i + 2, j : j + 2] += dout[0, 0, i, j] * w[0, 0]


# --8<-- [start:general]
def dx_by_convolution(dout, w, pad):
    """Any C, F; stride 1, square kernel K = KH = KW, pad <= K - 1:
    swap w's channel axes, flip, pad dout by K - 1 - pad."""
    wt = w.transpose(1, 0, 2, 3)[:, :, ::-1, ::-1]  # (C, F, K, K)
    zeros = np.zeros(len(wt))
    return conv2d_forward(dout, wt, zeros, pad=w.shape[2] - 1 - pad)[0]


def dw_by_correlation(x, dout, pad):
    """Correlate each input channel with each channel of dout, sum over N:
    the batch axis plays the channel axis, hence the transposes."""
    xt, dt = x.transpose(1, 0, 2, 3), dout.transpose(1, 0, 2, 3)
    dw = conv2d_forward(xt, dt, np.zeros(len(dt)), pad=pad)[0]  # (C, F,..)
    return dw.transpose(1, 0, 2, 3)
    # --8<-- [end:general]


X = rng.standard_normal((2, 3, 6, 5))  # N, C, H, W
Wt = rng.standard_normal((4, 3, 3, 3))  # F, C, K, K
for pad in (0, 1, 2):
    y, c = conv2d_forward(X, Wt, np.zeros(4), pad=pad)
    g = rng.standard_normal(y.shape)  # dout
    gx, gw, _ = conv2d_backward(g, c)
    ex = np.abs(dx_by_convolution(g, Wt, pad) - gx).max()
    ew = np.abs(dw_by_correlation(X, g, pad) - gw).max()
    print(
        f"pad {pad}: max |difference| from conv2d_backward: "
        f"dx {ex:.0e}, dw {ew:.0e}"
    )
    assert ex < 1e-12 and ew < 1e-12

assert np.array_equal(full[0, 0], dx[0, 0])  # not close: equal
assert np.array_equal(true, dx[0, 0])  # rotated correlation = convolution
