"""A kink: relu at an input closer to 0 than the step h."""

import numpy as np
from gradcheck import numeric_grad, rel_error, verdict
from layers import relu_backward, relu_forward

x = np.array([[0.8, -1.2, 3e-7, 0.5]])  # one input sits almost on the kink
dout = np.ones_like(x)
dx = relu_backward(dout, relu_forward(x)[1])
print(f"analytic      {dx.ravel()}")

num = {}
for h in [1e-6, 1e-8]:
    num[h] = numeric_grad(lambda: relu_forward(x)[0], x, dout, h=h)
    err = rel_error(dx, num[h])
    print(
        f"h = {h:.0e}:  {num[h].ravel().round(3)}  rel. error {err:.1e}"
        f" -> {verdict(err)}"
    )

assert verdict(rel_error(dx, num[1e-6])) == "wrong"  # x +- h straddle 0
assert abs(num[1e-6][0, 2] - 0.65) < 1e-6  # (3e-7 + 1e-6 - 0) / 2e-6
assert verdict(rel_error(dx, num[1e-8])) == "ok"  # h < distance to kink
