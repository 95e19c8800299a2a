"""Exercise 4, your attempt: fill in loss_and_grads, run this file."""

import numpy as np
from p3_checks import check_net


def loss_and_grads(params, x, y, reg):
    """params: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,); x (N, D), y (N,).

    loss = mean cross-entropy of softmax(relu(x W1 + b1) W2 + b2)
           + 0.5 * reg * (sum(W1**2) + sum(W2**2))
    Returns (loss, grads), grads a dict with the keys of params."""
    W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
    # forward: z1, a1 = relu(z1), scores s, softmax p, the loss
    # backward: BP1, then BP3 and BP4 for W2 and b2, BP2, BP3 and BP4 again
    loss, grads = 0.0, {k: np.zeros_like(v) for k, v in params.items()}
    return loss, grads


report = check_net(loss_and_grads)
print(report)
