"""A kink: relu at an input closer to 0 than the step h. Rare at random
points; certain at exact zeros, such as the output of another relu."""

# --8<-- [start:near]
import math

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
# --8<-- [end:near]

# --8<-- [start:odds]
h, n = 1e-6, 1000  # the step, and how many pre-activations one check sees
one = math.erf(h / math.sqrt(2))  # P(|z| < h) for z ~ N(0, 1)
print(f"chance that one of {n} random pre-activations is within h of 0: "
      f"{1 - (1 - one) ** n:.2%}")  # fmt: skip
rng = np.random.default_rng(0)
z = rng.standard_normal((8, 50))
a = relu_forward(z)[0]  # the output of a relu: about half exactly 0
d = rng.standard_normal(a.shape)
err = rel_error(relu_backward(d, a), numeric_grad(lambda: relu_forward(a)[0],
                                                  a, d))  # fmt: skip
print(f"a relu applied to a relu's output ({np.mean(a == 0):.0%} exact "
      f"zeros): rel. error {err:.1e} -> {verdict(err)}")  # fmt: skip
# --8<-- [end:odds]

assert verdict(rel_error(dx, num[1e-6])) == "wrong"  # x +- h straddle 0
assert abs(num[1e-6][0, 2] - 0.65) < 1e-6  # (3e-7 + 1e-6 - 0) / 2e-6
assert verdict(rel_error(dx, num[1e-8])) == "ok"  # h < distance to kink
assert 5e-4 < 1 - (1 - one) ** n < 1.5e-3  # about 0.1 %
assert verdict(err) == "wrong"  # every exact zero is on the kink
