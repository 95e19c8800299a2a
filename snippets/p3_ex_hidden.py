"""Exercise: how many hidden units does the spiral need?"""

import numpy as np
from layers import (
    affine_backward,
    affine_forward,
    relu_backward,
    relu_forward,
    softmax_loss,
)
from p3_spiral import spiral

rng = np.random.default_rng(0)
X, y = spiral(100, rng)
X_test, y_test = spiral(100, rng)


def train(H, steps=1500, lr=1.0):
    W1, b1 = rng.standard_normal((2, H)), np.zeros(H)
    W2, b2 = rng.standard_normal((H, 3)) * np.sqrt(2 / H), np.zeros(3)
    for _ in range(steps):
        h, c1 = affine_forward(X, W1, b1)
        a, c2 = relu_forward(h)
        scores, c3 = affine_forward(a, W2, b2)
        _, dscores = softmax_loss(scores, y)
        da, dW2, db2 = affine_backward(dscores, c3)
        _, dW1, db1 = affine_backward(relu_backward(da, c2), c1, False)
        for p, g in [(W1, dW1), (b1, db1), (W2, dW2), (b2, db2)]:
            p -= lr * g
    test_scores = np.maximum(X_test @ W1 + b1, 0) @ W2 + b2
    return np.mean(test_scores.argmax(axis=1) == y_test)


acc = {H: train(H) for H in [2, 4, 8]}
for H, a in acc.items():
    print(f"H = {H:2d}: test accuracy {a:.0%}")
assert acc[2] < 0.9 < acc[4]  # two units are too few; four pass 90 %
