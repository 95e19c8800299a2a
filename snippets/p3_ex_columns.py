"""Exercise: the linear layer with examples stored as columns."""

import numpy as np
from gradcheck import numeric_grad, rel_error

rng = np.random.default_rng(0)
D, M, N = 4, 3, 5
X = rng.standard_normal((D, N))  # one example per column
W = rng.standard_normal((M, D))
b = rng.standard_normal((M, 1))
dZ = rng.standard_normal((M, N))  # upstream gradient, shaped like Z

# --8<-- [start:solution]
Z = W @ X + b  # (M, D) @ (D, N) + (M, 1) -> (M, N)
dW = dZ @ X.T  # (M, N) @ (N, D) -> (M, D)
db = dZ.sum(axis=1, keepdims=True)  # sum over the batch, now axis 1
dX = W.T @ dZ  # (D, M) @ (M, N) -> (D, N)
# --8<-- [end:solution]

errors = [
    rel_error(g, numeric_grad(lambda: W @ X + b, p, dZ))
    for g, p in [(dW, W), (db, b), (dX, X)]
]
print("relative errors:", ", ".join(f"{e:.0e}" for e in errors))
assert max(errors) < 1e-7
