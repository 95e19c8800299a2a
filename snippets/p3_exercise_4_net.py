"""Exercise 4: a 2-layer net's full backward, with L2 weight decay."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from p3_checks import check_net


def loss_and_grads(params, x, y, reg):
    W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
    N, C = len(x), W2.shape[1]
    z1 = x @ W1 + b1  # (N, H)
    a1 = np.maximum(z1, 0)  # relu
    s = a1 @ W2 + b2  # scores (N, C), no activation on top
    shifted = s - s.max(axis=1, keepdims=True)  # <= 0: exp cannot overflow
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    p = np.exp(log_p)  # softmax, (N, C)
    loss = -log_p[np.arange(N), y].mean()  # no log(0), however wrong
    loss += 0.5 * reg * (np.sum(W1**2) + np.sum(W2**2))
    delta2 = (p - np.eye(C)[y]) / N  # BP1: dL/ds = (p - onehot(y)) / N
    delta1 = (delta2 @ W2.T) * (z1 > 0)  # BP2: (N, C) @ (C, H), times relu'
    grads = {
        "W1": x.T @ delta1 + reg * W1,  # BP4 + decay: (D, N) @ (N, H)
        "b1": delta1.sum(axis=0),  # BP3, no decay on biases
        "W2": a1.T @ delta2 + reg * W2,  # BP4 + decay: (H, N) @ (N, C)
        "b2": delta2.sum(axis=0),  # BP3
    }
    return loss, grads


report = check_net(loss_and_grads)
print(report)

rng = np.random.default_rng(0)
N, D, H, C, reg = 8, 4, 6, 3, 0.5  # other shapes than the checker's
sizes = {"W1": (D, H), "b1": (H,), "W2": (H, C), "b2": (C,)}
params = {k: rng.normal(size=s) for k, s in sizes.items()}
x, y = rng.normal(size=(N, D)), rng.integers(0, C, size=N)
loss, grads = loss_and_grads(params, x, y, reg)
for k, v in params.items():  # central differences of the loss itself
    num = numeric_grad(lambda: loss_and_grads(params, x, y, reg)[0], v)
    assert rel_error(grads[k], num) < 1e-7, k
zero = {k: np.zeros_like(v) for k, v in params.items()}
assert np.isclose(loss_and_grads(zero, x, y, reg)[0], np.log(C))  # uniform
assert report
