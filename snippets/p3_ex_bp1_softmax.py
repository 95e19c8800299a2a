"""Exercise: BP1 when the output layer is softmax + cross-entropy."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from layers import softmax_loss

rng = np.random.default_rng(0)
N, D, H, C = 6, 3, 5, 4
X, y = rng.standard_normal((N, D)), rng.integers(0, C, size=N)
W1, W2 = rng.standard_normal((D, H)), rng.standard_normal((H, C))


def loss_fn():
    A1 = np.tanh(X @ W1)  # hidden layer, (N, H)
    return softmax_loss(A1 @ W2, y)[0]  # scores z^L = a^1 W^2, no sigma


# --8<-- [start:solution]
A1 = np.tanh(X @ W1)
S = A1 @ W2  # scores, (N, C)
P = np.exp(S - S.max(axis=1, keepdims=True))  # shifted: cannot overflow
P /= P.sum(axis=1, keepdims=True)  # softmax of the scores, (N, C)
delta2 = (P - np.eye(C)[y]) / N  # BP1: no sigma'(z^L) factor at all
delta1 = (delta2 @ W2.T) * (1 - A1**2)  # BP2 with tanh' = 1 - a^2
dW2, dW1 = A1.T @ delta2, X.T @ delta1  # BP4
# --8<-- [end:solution]

errors = [
    rel_error(dW2, numeric_grad(loss_fn, W2)),
    rel_error(dW1, numeric_grad(loss_fn, W1)),
]
print("dW2, dW1 relative errors:", ", ".join(f"{e:.0e}" for e in errors))
assert max(errors) < 1e-7
