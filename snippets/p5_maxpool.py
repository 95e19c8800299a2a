"""Max pooling backward is Part 1's max gate, once per window: the whole
gradient goes to the largest input, nothing to the others. At a tie it
must pick one; central differences split it."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from layers5 import maxpool_backward, maxpool_forward

np.set_printoptions(formatter={"float": "{:4g}".format})
x = np.array([[1.0, 3, 2, 0], [4, 2, 1, 5], [0, 1, 7, 7], [2, 6, 7, 3]])
x = x[None, None]  # (N, C, H, W) = (1, 1, 4, 4)
out, cache = maxpool_forward(x)  # 2 x 2 windows, stride 2
dout = np.array([[[[10.0, 20.0], [30.0, 40.0]]]])
dx = maxpool_backward(dout, cache)
for name, a in (("x", x), ("out", out), ("dout", dout), ("dx", dx)):
    print(f"{name} =")  # the name on its own line, then the array
    print(a[0, 0])

# --8<-- [start:tie]
num = numeric_grad(lambda: maxpool_forward(x)[0], x, dout)
print("central differences =")
print(num[0, 0])
# --8<-- [end:tie]
tie = (slice(2, 4), slice(2, 4))  # the window with three 7s
rest = np.ones((4, 4), bool)
rest[tie] = False
off = np.abs(dx[0, 0][rest] - num[0, 0][rest]).max()
print(f"relative error {rel_error(dx, num):.2f}: the window with three 7s;"
      f" elsewhere |dx - numeric| <= {off:.0e}")  # fmt: skip

assert np.array_equal(out[0, 0], [[4, 5], [6, 7]])
assert dx.sum() == dout.sum()  # every window passes on all of its dout
assert off < 1e-6  # away from the tie: the max gate, exactly
assert dx[0, 0][2, 2] == 40 and dx[0, 0][tie].sum() == 40  # the first 7
assert np.allclose(num[0, 0][tie], [[20, 20], [20, 0]])  # half to each
assert np.isclose(num[0, 0][tie].sum(), 60)  # 1.5 x dout: not a gradient
assert rel_error(dx, num) > 1e-4  # a tie is a kink: the check objects
