"""The linear layer's backward pass from scalar rules, then vectorized."""

# --8<-- [start:setup]
import numpy as np

X = np.array([[1.0, 2.0, -1.0], [0.5, -3.0, 2.0]])  # (N=2, D=3)
W = np.array([[0.2, -0.5], [1.0, 0.3], [-0.4, 0.8]])  # (D=3, M=2)
b = np.array([0.1, -0.2])  # (M=2,)
Y = X @ W + b  # (2, 2): Y[n, m] = sum_d X[n, d] * W[d, m] + b[m]
dY = np.array([[1.0, -2.0], [0.5, 3.0]])  # d(loss)/dY, given from above
# --8<-- [end:setup]

# --8<-- [start:loops]
dX, dW, db = np.zeros_like(X), np.zeros_like(W), np.zeros_like(b)
for n in range(2):
    for m in range(2):
        g = dY[n, m]  # the gradient arriving at Y[n, m]
        db[m] += g  # add gate: passes g through; b[m] is used by every n
        for d in range(3):
            # mul gate X[n, d] * W[d, m]: each input gets g times the other
            dX[n, d] += W[d, m] * g
            dW[d, m] += X[n, d] * g
# --8<-- [end:loops]

# --8<-- [start:vectorized]
dW_vec = X.T @ dY  # (D, N) @ (N, M) -> (D, M)
db_vec = dY.sum(axis=0)  # (N, M) -> (M,)
dX_vec = dY @ W.T  # (N, M) @ (M, D) -> (N, D)
# --8<-- [end:vectorized]

# --8<-- [start:print]
np.set_printoptions(precision=2, floatmode="fixed", suppress=True)
for name, loop, vec in [
    ("dW", dW, dW_vec),
    ("db", db, db_vec),
    ("dX", dX, dX_vec),
]:
    print(f"{name} from scalar rules:\n{loop}")
    print(f"{name} vectorized, same: {np.allclose(loop, vec)}\n")
# --8<-- [end:print]

assert np.allclose(dW, dW_vec) and np.allclose(db, db_vec)
assert np.allclose(dX, dX_vec)
assert np.allclose(dW[:, 0], X[0] * 1.0 + X[1] * 0.5)  # column 0, by hand
assert np.allclose(dW[:, 0], [1.25, 0.5, 0.0])  # as the page says
