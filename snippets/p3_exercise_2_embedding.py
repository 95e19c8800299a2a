"""Exercise 2: the backward pass of an embedding lookup, out = w[idx]."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from p3_checks import check_embedding


def embedding_forward(w, idx):
    """w (V, D) table, idx (B, T) ints in [0, V) -> out (B, T, D)."""
    return w[idx], (idx, w.shape)


def embedding_backward(dout, cache):
    idx, shape = cache
    dw = np.zeros(shape)  # (V, D); a row nobody looked up gets 0
    np.add.at(dw, idx, dout)  # unbuffered: a repeated index adds each time
    return dw


report = check_embedding(embedding_forward, embedding_backward)
print(report)

rng = np.random.default_rng(0)
V, D = 6, 3
w, idx = rng.normal(size=(V, D)), np.array([[1, 4, 1, 0], [4, 1, 5, 2]])
dout = rng.normal(size=idx.shape + (D,))
onehot = np.eye(V)[idx.ravel()]  # (BT, V): w[idx] = onehot @ w
dw = onehot.T @ dout.reshape(-1, D)  # dW = O^T dout_2, as for a linear layer
print("uses of each row:", np.bincount(idx.ravel(), minlength=V))
mine = embedding_backward(dout, (idx, w.shape))
print("np.add.at gives onehot.T @ dout:", np.allclose(mine, dw))

num = numeric_grad(lambda: w[idx], w, dout)  # central differences
assert report and rel_error(mine, num) < 1e-7 and rel_error(dw, num) < 1e-7
assert not mine[3].any()  # row 3 is never looked up: its gradient is 0
