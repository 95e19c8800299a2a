"""conv2d two ways, loops and im2col: the same outputs and gradients,
and both against central differences."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from layers5 import conv2d_backward, conv2d_forward
from p5_conv_loops import conv_loops_backward, conv_loops_forward

rng = np.random.default_rng(0)
x = rng.standard_normal((2, 3, 7, 6))  # N, C, H, W
w = rng.standard_normal((4, 3, 3, 2))  # F, C, KH, KW
b = rng.standard_normal(4)
for stride, pad in ((1, 0), (2, 1)):
    loops = conv_loops_forward(x, w, b, stride, pad)
    fast, cache = conv2d_forward(x, w, b, stride, pad)
    dout = rng.standard_normal(fast.shape)
    slow = conv_loops_backward(dout, x, w, stride, pad)
    grads = conv2d_backward(dout, cache)
    print(
        f"stride {stride}, pad {pad}: out {fast.shape}, "
        f"max |loops - im2col| = {np.abs(loops - fast).max():.0e}"
    )

    def f(stride=stride, pad=pad):
        return conv2d_forward(x, w, b, stride, pad)[0]

    for name, v, g, s in zip(("dx", "dw", "db"), (x, w, b), grads, slow):
        err = rel_error(g, numeric_grad(f, v, dout))
        same = np.abs(g - s).max()
        print(f"  {name}: loops - im2col {same:.0e}, "
              f"vs central differences {err:.0e}")  # fmt: skip
        assert same < 1e-12 and err < 1e-8
    assert np.abs(loops - fast).max() < 1e-12
