"""Exercise: the Jacobian of Y = X * X is diagonal, and its VJP is an
elementwise product."""

import numpy as np

rng = np.random.default_rng(0)
X = rng.standard_normal((2, 3))
dY = rng.standard_normal((2, 3))
n = X.size

J = np.zeros((n, n))  # J[:, j]: how Y moves when X.flat[j] is nudged
for j in range(n):
    E = 1e-6 * np.eye(n)[j].reshape(X.shape)
    J[:, j] = (((X + E) ** 2 - (X - E) ** 2) / 2e-6).ravel()
vjp = (dY.ravel() @ J).reshape(X.shape)
print(f"non-zero entries: {np.count_nonzero(np.round(J, 9))} of {J.size}")
print("dY @ J    ", np.round(vjp.ravel(), 6))
print("2 X * dY  ", np.round((2 * X * dY).ravel(), 6))

assert np.allclose(J, np.diag(2 * X.ravel()))
assert np.allclose(vjp, 2 * X * dY)
