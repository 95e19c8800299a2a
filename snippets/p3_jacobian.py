"""A linear layer's Jacobian, built in full for a tiny batch: backprop's
dout @ W.T is a vector-Jacobian product, forward mode's a Jacobian-vector
product, and neither ever needs the matrix itself."""

# --8<-- [start:build]
import numpy as np
from gradcheck import numeric_grad

rng = np.random.default_rng(0)
N, D, M = 2, 3, 2
X, W = rng.standard_normal((N, D)), rng.standard_normal((D, M))


def f(X):  # the layer without its bias: Y = X W, (N, D) -> (N, M)
    return X @ W


# J[i, j] = d Y.flat[i] / d X.flat[j]: one column per input entry
J = np.zeros((N * M, N * D))
for j in range(N * D):
    e = np.zeros(N * D)
    e[j] = 1e-6  # nudge one entry of X
    E = e.reshape(N, D)
    J[:, j] = ((f(X + E) - f(X - E)) / 2e-6).ravel()
print(f"J is {J.shape[0]} x {J.shape[1]}:")
print(np.round(J, 3))
# --8<-- [end:build]

# --8<-- [start:vjp]
dout = rng.standard_normal((N, M))  # the gradient arriving at Y
vjp = (dout.ravel() @ J).reshape(N, D)  # row vector times Jacobian
dX = dout @ W.T  # what the backward pass computes
checker = numeric_grad(lambda: f(X), X, dout)  # d sum(Y * dout) / dX
print("dout @ J     ", np.round(vjp.ravel(), 6))
print("dout @ W.T   ", np.round(dX.ravel(), 6))
print("checker      ", np.round(checker.ravel(), 6))
# --8<-- [end:vjp]

# --8<-- [start:jvp]
V = rng.standard_normal((N, D))  # a direction to move X in
jvp = (J @ V.ravel()).reshape(N, M)  # Jacobian times column vector
tangent = V @ W  # what forward mode computes: J v, how Y moves
print("J @ v        ", np.round(jvp.ravel(), 6))
print("v @ W        ", np.round(tangent.ravel(), 6))
print(f"<dout, J v> = {np.sum(dout * tangent):.12f}")
print(f"<J^T dout, v> = {np.sum(dX * V):.12f}")
# --8<-- [end:jvp]

assert np.allclose(J, np.kron(np.eye(N), W.T), atol=1e-9)  # blocks of W^T
assert np.allclose(vjp, dX) and np.allclose(checker, dX)
assert np.allclose(jvp, tangent)
assert np.isclose(np.sum(dout * tangent), np.sum(dX * V), rtol=1e-12)
