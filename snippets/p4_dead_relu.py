"""Dead ReLUs: a learning rate that is too large kills units for good."""

import numpy as np

rng = np.random.default_rng(0)
N, H, T = 200, 12, 1500  # examples, hidden units, training steps
X = rng.standard_normal((N, 2))
y = (np.hypot(X[:, 0], X[:, 1]) > 1.2).astype(int)  # outside a circle?
W1_0, W2_0 = rng.standard_normal((2, H)), rng.standard_normal((H, 2))


# --8<-- [start:train]
def train(lr):
    """Full-batch gradient descent; loss, accuracy, dead units per step."""
    W1, b1 = W1_0.copy(), np.zeros(H)
    W2, b2 = W2_0 / np.sqrt(H), np.zeros(2)
    history = []
    for _ in range(T):
        z = X @ W1 + b1
        h = np.maximum(z, 0)
        s = h @ W2 + b2
        shifted = s - s.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        dead = np.all(z <= 0, axis=0)  # off for every example
        loss = -log_p[np.arange(N), y].mean()
        history.append((loss, np.mean(s.argmax(axis=1) == y), dead))
        ds = np.exp(log_p)
        ds[np.arange(N), y] -= 1  # d(mean loss)/d(scores) = (p - y) / N
        ds /= N
        dz = (ds @ W2.T) * (z > 0)  # relu passes gradient only where z > 0
        grads = (X.T @ dz, dz.sum(0), h.T @ ds, ds.sum(0))
        for param, grad in zip((W1, b1, W2, b2), grads):
            param -= lr * grad
    return history, grads


print("learning rate  dead units  dead since step  "
      "loss, steps 300-1500  accuracy")  # fmt: skip
runs = {}
for lr in (0.5, 2, 4, 20):
    history, grads = train(lr)
    loss, acc = (np.array([r[i] for r in history[300:]]) for i in (0, 1))
    dead = np.array([r[2] for r in history])  # (T, H): dead at each step
    changed = np.flatnonzero(np.any(dead != dead[-1], axis=1))
    since = changed[-1] + 1 if changed.size else 0  # same set ever after
    runs[lr] = loss, acc, dead
    print(f"{lr:13g} {dead[-1].sum():7d}/{H} {since:16d} "
          f"{loss.min():10.3f} to {loss.max():5.3f} "
          f"{acc.min():9.1%} to {acc.max():6.1%}")  # fmt: skip
# --8<-- [end:train]

print(f"gradient reaching the dead units at lr = 20: "
      f"{np.abs(grads[0][:, dead[-1]]).max():.1f}")  # fmt: skip

assert not runs[0.5][2].any() and not runs[2][2].any()  # none ever dies
for _, _, dead in runs.values():  # once dead, dead at every later step
    assert np.all(dead[1:] >= dead[:-1])
assert runs[4][2][-1].sum() > H / 3 and runs[20][2][-1].sum() > H / 3
good, bad = runs[0.5], runs[4]  # at every stopping step from 300 on:
assert np.all(bad[0] > 3 * good[0])  # a loss over 3x higher
assert np.all(bad[1] < good[1] - 0.05)  # accuracy 5 points lower
assert np.all(grads[0][:, dead[-1]] == 0) and np.all(grads[1][dead[-1]] == 0)
