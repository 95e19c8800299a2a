"""How much each example of a batch moves every other example's output:
batch norm's Jacobian for one feature, by central differences and by
formula; one other example's pull against all of them together."""

import numpy as np
from layers5 import batchnorm_forward
from show import table

rng = np.random.default_rng(0)
one, zero = np.ones(1), np.zeros(1)  # gamma = 1, beta = 0: out = xhat


def xhat(x):
    return batchnorm_forward(x[:, None], one, zero)[0][:, 0]


def sigma_jacobian(x, h=1e-6):
    """sigma * d xhat_i / d x_j for one column x (N,), numerically."""
    J = np.empty((len(x), len(x)))
    for j in range(len(x)):  # nudge example j, watch every output
        up, down = x.copy(), x.copy()
        up[j], down[j] = x[j] + h, x[j] - h
        J[:, j] = (xhat(up) - xhat(down)) / (2 * h)
    return J * np.sqrt(x.var() + 1e-5)


x = rng.normal(0, 2.0, 4)  # one feature, N = 4 examples
J = sigma_jacobian(x)
names = [f"x{j + 1}" for j in range(4)]
print(table(["σ ∂x̂ᵢ/∂xⱼ", *names],
            [[f"x̂{i + 1}", *(f"{v:+.3f}" for v in J[i])] for i in range(4)],
            "Batch norm's Jacobian for one feature, N = 4"))  # fmt: skip
h = xhat(x)
formula = np.eye(4) - 1 / 4 - np.outer(h, h) / 4  # (I - 11^T/N - h h^T/N)

rows = []
for n in (4, 16, 64, 256):
    Jn = sigma_jacobian(rng.normal(0, 2.0, n))
    off = np.abs(Jn[~np.eye(n, dtype=bool)]).reshape(n, n - 1)  # i != j
    rows.append((n, f"{off.mean():.4f}", f"{off.sum(axis=1).mean():.2f}"))
print(table(["N", "one other example", "all others together"], rows))

assert np.allclose(J, formula, atol=1e-8)  # the formula of the page
assert np.all(np.abs(J[~np.eye(4, dtype=bool)]) > 1e-3)  # all coupled
pulls = [float(r[1]) for r in rows]
assert all(a > 3 * b for a, b in zip(pulls, pulls[1:]))  # ~1/N each
assert all(0.5 < float(r[2]) < 2 for r in rows)  # together: order 1
