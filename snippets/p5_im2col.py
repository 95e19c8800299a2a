"""im2col on a 4 x 4 image: every window becomes a row, the convolution
one matrix product; backward, each pixel collects from every window it
was copied into."""

import numpy as np
from layers5 import conv2d_backward, conv2d_forward
from numpy.lib.stride_tricks import sliding_window_view

x = np.arange(16.0).reshape(1, 1, 4, 4)  # N = C = 1, a 4 x 4 image
w = np.array([[[[1.0, 2.0], [0.0, -1.0]]]])  # F = C = 1, 2 x 2 kernel
b = np.zeros(1)

# --8<-- [start:cols]
win = sliding_window_view(x[0, 0], (2, 2))  # (3, 3, 2, 2): 9 windows
cols = win.reshape(9, 4)  # one row per window, one column per weight
out = (cols @ w.reshape(4)).reshape(3, 3)  # the convolution: a matmul
# --8<-- [end:cols]
np.set_printoptions(formatter={"float": "{:3g}".format})  # 5, not 5.
print("x =")
print(x[0, 0])
print("cols (9 windows x 4 weights) =")
print(cols)
print("out = cols @ w, as 3 x 3 =")
print(out)

# --8<-- [start:count]
ones = np.ones((1, 1, 2, 2))  # a kernel of ones and dout of ones:
y, cache = conv2d_forward(x, ones, b)
dx = conv2d_backward(np.ones_like(y), cache)[0]  # dx counts windows
print("windows each pixel is in (dx for dout = 1, w = 1) =")
print(dx[0, 0])
# --8<-- [end:count]

assert np.array_equal(out, conv2d_forward(x, w, b)[0][0, 0])
assert np.array_equal(dx[0, 0], [[1, 2, 2, 1], [2, 4, 4, 2],
                                 [2, 4, 4, 2], [1, 2, 2, 1]])  # fmt: skip
