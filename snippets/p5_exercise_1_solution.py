"""Exercise 1, solved: dropout's backward pass."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from p5_checks import check_dropout, dropout_forward


# --8<-- [start:fixed]
def dropout_backward(dout, cache):
    """dout (any shape) -> dx: the gradient of the dropout layer's input."""
    keep, scale = cache  # the mask of survivors, and 1 / (1 - p)
    return dout * keep * scale  # out = x * keep * scale: a fixed factor
    # --8<-- [end:fixed]


report = check_dropout(dropout_backward)  # one line per p
print(report)

# independently: another shape, p = 0.9, and the expected value
rng = np.random.default_rng(5)
x, dout = rng.standard_normal((2, 10, 12))
out, cache = dropout_forward(x, 0.9, np.random.default_rng(6))
num = numeric_grad(lambda: dropout_forward(x, 0.9,
                                           np.random.default_rng(6))[0],
                   x, dout)  # fmt: skip
assert rel_error(dropout_backward(dout, cache), num) < 1e-9
ones = np.ones((200, 500))
mean = dropout_forward(ones, 0.5, np.random.default_rng(7))[0].mean()
print(f"mean output for x = 1, p = 0.5: {mean:.3f} (expected 1)")
assert abs(mean - 1) < 0.01 and report
