"""Exercise: a summed loss instead of a mean changes one factor, once."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from layers import affine_backward, affine_forward, mse_loss

rng = np.random.default_rng(0)
N = 3
X, T = rng.standard_normal((N, 2)), rng.standard_normal((N, 1))
W, b = rng.standard_normal((2, 1)), np.zeros(1)


def summed_loss():  # 0.5 * sum_n (y_n - t_n)^2, no 1/N
    return 0.5 * np.sum((X @ W + b - T) ** 2)


# --8<-- [start:solution]
y, cache = affine_forward(X, W, b)
_, dy = mse_loss(y, T)  # (y - t) / N: the gradient of the mean
dy_sum = dy * N  # the sum is N times the mean: only this line changes
_, dW, db = affine_backward(dy_sum, cache)  # untouched
# --8<-- [end:solution]

err = rel_error(dW, numeric_grad(summed_loss, W))
print(f"dW of the summed loss vs central differences: {err:.0e}")
assert err < 1e-8
