"""Staged and compact batch norm backward: the same numbers up to
round-off, and both against central differences."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from layers5 import batchnorm_backward, batchnorm_forward
from p5_bn_staged import bn_staged_backward, bn_staged_forward

rng = np.random.default_rng(0)
N, D = 8, 4
x = rng.normal(3.0, 2.0, (N, D))  # off-centre, not unit scale
gamma, beta = rng.standard_normal(D), rng.standard_normal(D)
dout = rng.standard_normal((N, D))

out, cache = bn_staged_forward(x, gamma, beta)
staged = bn_staged_backward(dout, cache)[:3]  # dx, dgamma, dbeta
out2, cache2 = batchnorm_forward(x, gamma, beta)
compact = batchnorm_backward(dout, cache2)

eps = np.finfo(float).eps
print(f"float64's machine epsilon: {eps:.1e}")
print(f"outputs: max |staged - compact| = {np.abs(out - out2).max():.1e}")
for name, s, c, v in zip(("dx", "dgamma", "dbeta"), staged, compact,
                         (x, gamma, beta)):  # fmt: skip
    num = numeric_grad(lambda: batchnorm_forward(x, gamma, beta)[0], v, dout)
    diff = np.abs(s - c).max() / np.abs(c).max()
    print(f"{name:6}: staged vs compact {diff:.1e} ({diff / eps:.0f} eps)"
          f", vs central differences {rel_error(c, num):.0e}")  # fmt: skip
    assert diff < 50 * eps  # round-off: a few dozen units of eps at most
    assert rel_error(s, num) < 1e-8 and rel_error(c, num) < 1e-8

for e in (1e-5, 0.0):  # the default eps, and none
    _, c = batchnorm_forward(x, gamma, beta, eps=e)
    dx, xhat = batchnorm_backward(dout, c)[0], c[0]
    sums, dots = np.abs(dx.sum(0)).max(), np.abs((dx * xhat).sum(0)).max()
    print(f"eps {e:.0e}: columns of dx sum to {sums:.0e}, "
          f"dot xhat to {dots:.0e}")  # fmt: skip
    assert sums < 1e-13  # a shift of a column changes no output
assert dots < 1e-13  # nor, without eps, a rescaling
