"""Exercise 2, your starting file: GELU's backward pass, with a bug.
Fix gelu_backward and run this file until every line is ok."""

import numpy as np
from p5_checks import A, C, check_gelu


def gelu_backward(dout, cache):
    """dout -> dx for gelu(x) = 0.5 x (1 + tanh(C (x + A x^3)))."""
    x = cache
    t = np.tanh(C * (x + A * x**3))
    # product rule: d(0.5 x)/dx (1 + t) + 0.5 x d(1 + t)/dx
    return dout * (0.5 * (1 + t) + 0.5 * x * (1 - t**2) * C)


report = check_gelu(gelu_backward)  # the range, then the far ends
print(report)
