"""Exercise: the lr = 5 run again, with a leaky ReLU (slope 0.01 below 0)."""

import numpy as np

rng = np.random.default_rng(0)
N, H = 200, 32
X = rng.standard_normal((N, 2))
y = (X[:, 0] * X[:, 1] > 0).astype(int)
W1_0, W2_0 = rng.standard_normal((2, H)), rng.standard_normal((H, 2))


def train(slope, lr=5.0, steps=300):
    W1, b1 = W1_0.copy(), np.zeros(H)
    W2, b2 = W2_0 / np.sqrt(H), np.zeros(2)
    for _ in range(steps):
        z = X @ W1 + b1
        h = np.where(z > 0, z, slope * z)  # leaky relu; slope 0 is relu
        s = h @ W2 + b2
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        ds = p.copy()
        ds[np.arange(N), y] -= 1
        ds /= N
        dz = (ds @ W2.T) * np.where(z > 0, 1.0, slope)  # never exactly 0
        grads = (X.T @ dz, dz.sum(0), h.T @ ds, ds.sum(0))
        for param, grad in zip((W1, b1, W2, b2), grads):
            param -= lr * grad
    off = np.all(X @ W1 + b1 <= 0, axis=0)  # below 0 for every example
    stuck = np.all(grads[0] == 0, axis=0)  # units that get no gradient
    return off.sum(), stuck.sum(), np.mean(s.argmax(axis=1) == y)


for name, slope in (("relu", 0.0), ("leaky relu", 0.01)):
    off, stuck, acc = train(slope)
    print(
        f"{name:10s}: {off:2d} units below 0 everywhere, "
        f"{stuck:2d} with zero gradient, accuracy {acc:.1%}"
    )
    if slope:
        assert stuck == 0  # a leaky unit always hears the gradient
    else:
        assert stuck == off > 0  # a relu unit that is off hears nothing
