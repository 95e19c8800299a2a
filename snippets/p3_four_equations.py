"""BP1-BP4, one line each, on a batch; then the same network through
layers.py. The gradients agree."""

# --8<-- [start:forward]
import numpy as np
from layers import (
    affine_backward,
    affine_forward,
    mse_loss,
    sigmoid_backward,
    sigmoid_forward,
)

rng = np.random.default_rng(0)
sizes = [3, 4, 4, 2]  # n_0 (inputs) ... n_L (outputs), L = 3 layers
N, L = 5, len(sizes) - 1
W = [None] + [rng.standard_normal((a, b)) for a, b in zip(sizes, sizes[1:])]
b = [None] + [rng.standard_normal(n) for n in sizes[1:]]
X, T = rng.standard_normal((N, sizes[0])), rng.standard_normal((N, 2))


def sigma(z):  # 1 / (1 + e^-z), computed without overflow for any z
    return sigmoid_forward(z)[0]


A, Z = [X], [None]  # A[l], Z[l]: (N, n_l)
for l in range(1, L + 1):  # noqa: E741 (l for layer, as in the math)
    Z.append(A[l - 1] @ W[l] + b[l])  # z^l = a^(l-1) W^l + b^l
    A.append(sigma(Z[l]))  # a^l = sigma(z^l)
loss, dA = mse_loss(A[L], T)  # dA = dC/da^L, (N, n_L)
# --8<-- [end:forward]

# --8<-- [start:bp]
dW, db = [None] * (L + 1), [None] * (L + 1)
delta = dA * sigma(Z[L]) * (1 - sigma(Z[L]))  # BP1: (N, n_L)
for l in range(L, 0, -1):  # noqa: E741
    db[l] = delta.sum(axis=0)  # BP3: (n_l,)
    dW[l] = A[l - 1].T @ delta  # BP4: (n_(l-1), N) @ (N, n_l)
    if l > 1:  # BP2: (N, n_l) @ (n_l, n_(l-1)), times sigma'(z^(l-1))
        delta = (delta @ W[l].T) * sigma(Z[l - 1]) * (1 - sigma(Z[l - 1]))
# --8<-- [end:bp]

# --8<-- [start:layers]
out, caches = X, []
for l in range(1, L + 1):  # noqa: E741
    out, c_aff = affine_forward(out, W[l], b[l])
    out, c_sig = sigmoid_forward(out)
    caches.append((c_aff, c_sig))
loss2, dout = mse_loss(out, T)
diffs = []
for l in range(L, 0, -1):  # noqa: E741
    c_aff, c_sig = caches[l - 1]
    dz = sigmoid_backward(dout, c_sig)  # this is delta^l
    dout, dW_l, db_l = affine_backward(dz, c_aff)
    diffs += [np.abs(dW_l - dW[l]).max(), np.abs(db_l - db[l]).max()]
print(f"loss {loss:.6f} (equations) vs {loss2:.6f} (layers.py)")
print(f"largest difference in any dW or db: {max(diffs):.1e}")
# --8<-- [end:layers]

# --8<-- [start:per-example]
# Nielsen's delta is per example, for the cost C_x of one example; C is
# the mean over the batch, so each row of Delta^L is delta^L / N:
Delta_L = dA * A[L] * (1 - A[L])  # BP1 on the batch, as above: (N, n_L)
a, t = A[L][0], T[0]  # example 0 alone: C_x = 0.5 * ||a - t||^2
delta_x = (a - t) * a * (1 - a)  # BP1 for one example, as Nielsen writes
print("N * Delta^L[0]   ", np.round(N * Delta_L[0], 8))
print("delta^L, example 0", np.round(delta_x, 8))
# --8<-- [end:per-example]

biggest = max(np.abs(g).max() for g in dW[1:] + db[1:])
assert abs(loss - loss2) <= 2 * np.spacing(loss)
assert max(diffs) <= 4 * np.spacing(biggest)  # a few units in the last bit
assert max(diffs) == 0  # here: the same products in the same order
assert np.allclose(N * Delta_L[0], delta_x, rtol=1e-14)
