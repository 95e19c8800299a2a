"""Exercise 1: a linear layer on a batch of sequences, x (B, T, D)."""

import numpy as np
from gradcheck import check_layer, verdict
from p3_checks import check_seq_linear


def seq_linear_forward(x, w, b):
    """x (B, T, D) @ w (D, M) + b (M,) -> out (B, T, M)."""
    return x @ w + b, (x, w)


def seq_linear_backward(dout, cache):
    x, w = cache
    D, M = w.shape
    dx = dout @ w.T  # (B, T, M) @ (M, D) -> (B, T, D)
    rows, drows = x.reshape(-1, D), dout.reshape(-1, M)  # (BT, D), (BT, M)
    dw = rows.T @ drows  # (D, BT) @ (BT, M) -> (D, M): w used B*T times
    db = dout.sum(axis=(0, 1))  # (B, T, M) -> (M,): b used B*T times
    return dx, dw, db


report = check_seq_linear(seq_linear_forward, seq_linear_backward)
print(report)

rng = np.random.default_rng(0)
B, T, D, M = 2, 3, 4, 5  # the shapes of the statement
x, w, b = (
    rng.normal(size=(B, T, D)),
    rng.normal(size=(D, M)),
    rng.normal(size=M),
)
out, cache = seq_linear_forward(x, w, b)
dx, dw, db = seq_linear_backward(np.ones_like(out), cache)
assert dx.shape == x.shape and dw.shape == w.shape and db.shape == b.shape
assert np.allclose(db, B * T)  # dout = 1: each of the B*T uses adds 1
assert np.allclose(dw, x.sum(axis=(0, 1))[:, None])  # column of sums of x
errors = check_layer(seq_linear_forward, seq_linear_backward, x, w, b)
assert report and all(
    verdict(e) == "ok" for e in errors
)  # central differences
