"""Exercise 2, solved: GELU's backward pass."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from p5_checks import A, C, check_gelu, gelu_forward


# --8<-- [start:fixed]
def gelu_backward(dout, cache):
    """dout -> dx for gelu(x) = 0.5 x (1 + tanh(C (x + A x^3)))."""
    x = cache
    t = np.tanh(C * (x + A * x**3))
    du = C * (1 + 3 * A * x**2)  # the inside: u = C (x + A x^3)
    return dout * (0.5 * (1 + t) + 0.5 * x * (1 - t**2) * du)
    # --8<-- [end:fixed]


report = check_gelu(gelu_backward)  # the range, then the far ends
print(report)

# independently: random points, and the slopes known by hand
rng = np.random.default_rng(3)
x, dout = rng.normal(0, 3, (2, 50))
num = numeric_grad(lambda: gelu_forward(x)[0], x, dout)
assert rel_error(gelu_backward(dout, x), num) < 1e-8
ends = gelu_backward(np.ones(3), np.array([0.0, -1e4, 1e4]))
print("slope at 0, -1e4, 1e4:", ends)  # 1/2; 0 and 1, like a ReLU
assert np.allclose(ends, [0.5, 0.0, 1.0]) and report
