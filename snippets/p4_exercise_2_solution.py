"""Exercise 2, solved: the gated layer's backward pass, fixed."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from p4_checks import check_glu, glu_forward


# --8<-- [start:fixed]
def glu_backward(dout, cache):
    """dout (N, M) -> dx (N, D), dWa (D, M), dWb (D, M)."""
    x, Wa, Wb, a, g = cache  # out = a * g, a = x Wa, g = σ(x Wb)
    da = dout * g  # d(out)/da = g
    dzb = dout * a * g * (1 - g)  # d(out)/dg = a, then σ' = g (1 - g)
    dWa = x.T @ da  # (D, N) @ (N, M): x comes first, transposed
    dWb = x.T @ dzb
    dx = da @ Wa.T + dzb @ Wb.T  # x feeds both paths: the two add
    return dx, dWa, dWb


# --8<-- [end:fixed]

report = check_glu(glu_backward)  # one line per gradient
print(report)

# independently: other inputs, other shapes, central differences
rng = np.random.default_rng(7)
x, Wa, Wb = (rng.standard_normal(s) for s in ((6, 5), (5, 3), (5, 3)))
dout = rng.standard_normal((6, 3))
grads = glu_backward(dout, glu_forward(x, Wa, Wb)[1])
for v, d in zip((x, Wa, Wb), grads):
    num = numeric_grad(lambda: glu_forward(x, Wa, Wb)[0], v, dout)
    assert rel_error(d, num) < 1e-7
assert report
