"""Exercise: the lr = 4 run again, with a leaky ReLU (slope 0.01 below 0)."""

import numpy as np

rng = np.random.default_rng(0)
N, H, T = 200, 12, 1500
X = rng.standard_normal((N, 2))
y = (np.hypot(X[:, 0], X[:, 1]) > 1.2).astype(int)  # outside a circle?
W1_0, W2_0 = rng.standard_normal((2, H)), rng.standard_normal((H, 2))


def train(slope, lr=4.0):
    """Units below 0 everywhere, units with no gradient, and the loss and
    accuracy at each step."""
    W1, b1 = W1_0.copy(), np.zeros(H)
    W2, b2 = W2_0 / np.sqrt(H), np.zeros(2)
    off, stuck, loss, acc = [], [], [], []
    for _ in range(T):
        z = X @ W1 + b1
        h = np.where(z > 0, z, slope * z)  # leaky relu; slope 0 is relu
        s = h @ W2 + b2
        shifted = s - s.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss.append(-log_p[np.arange(N), y].mean())
        acc.append(np.mean(s.argmax(axis=1) == y))
        ds = np.exp(log_p)
        ds[np.arange(N), y] -= 1
        ds /= N
        dz = (ds @ W2.T) * np.where(z > 0, 1.0, slope)  # never 0 if leaky
        grads = (X.T @ dz, dz.sum(0), h.T @ ds, ds.sum(0))
        off.append(np.all(z <= 0, axis=0).sum())  # below 0 everywhere
        stuck.append(np.all(grads[0] == 0, axis=0).sum())  # no gradient
        for param, grad in zip((W1, b1, W2, b2), grads):
            param -= lr * grad
    return np.array(off), np.array(stuck), np.array(loss), np.array(acc)


runs = {}
for name, slope in (("relu", 0.0), ("leaky relu", 0.01)):
    off, stuck, loss, acc = runs[name] = train(slope)
    print(f"{name:10s}: {off[-1]:2d} units below 0 everywhere, "
          f"{stuck[-1]:2d} with no gradient at all")  # fmt: skip
    print(f"{'':10s}  steps 300-{T}: loss {loss[300:].min():.3f} to "
          f"{loss[300:].max():.3f}, accuracy {acc[300:].min():.1%} to "
          f"{acc[300:].max():.1%}")  # fmt: skip

relu, leaky = runs["relu"], runs["leaky relu"]
assert np.all(relu[1] == relu[0]) and relu[0][-1] > 0  # off = deaf
assert not leaky[1].any() and leaky[0][-1] > 0  # below 0, yet they hear
assert np.all(leaky[2][300:] < relu[2][300:] / 5)  # at every step
assert np.all(leaky[3][300:] > relu[3][300:])
