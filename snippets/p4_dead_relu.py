"""Dead ReLUs: a learning rate that is too large kills units for good."""

import numpy as np

rng = np.random.default_rng(0)
N, H = 200, 32
X = rng.standard_normal((N, 2))
y = (X[:, 0] * X[:, 1] > 0).astype(int)  # two classes, XOR-like quadrants
W1_0, W2_0 = rng.standard_normal((2, H)), rng.standard_normal((H, 2))


# --8<-- [start:train]
def train(lr, steps=300):
    W1, b1 = W1_0.copy(), np.zeros(H)
    W2, b2 = W2_0 / np.sqrt(H), np.zeros(2)
    for _ in range(steps):
        z = X @ W1 + b1
        h = np.maximum(z, 0)
        s = h @ W2 + b2
        p = np.exp(s - s.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        ds = p.copy()
        ds[np.arange(N), y] -= 1  # d(mean loss)/d(scores) = (p - y) / N
        ds /= N
        dz = (ds @ W2.T) * (z > 0)  # relu passes gradient only where z > 0
        grads = (X.T @ dz, dz.sum(0), h.T @ ds, ds.sum(0))
        for param, grad in zip((W1, b1, W2, b2), grads):
            param -= lr * grad
    loss = -np.mean(np.log(p[np.arange(N), y]))
    dead = np.all(X @ W1 + b1 <= 0, axis=0)  # off for every example
    return dead, loss, np.mean(s.argmax(axis=1) == y), grads


print("learning rate   dead units   final loss   accuracy")
results = {}
for lr in (0.5, 2, 5, 20):
    dead, loss, acc, grads = train(lr)
    results[lr] = dead, loss, acc
    print(f"{lr:13g} {dead.sum():8d}/{H} {loss:12.3f} {acc:10.1%}")
# --8<-- [end:train]

dead_at_start = np.all(X @ W1_0 <= 0, axis=0).sum()
print(f"dead units at initialisation: {dead_at_start}")
print(f"gradient reaching the dead units at lr = 20: "
      f"{np.abs(grads[0][:, dead]).max():.1f}")  # fmt: skip

assert dead_at_start == 0 == results[0.5][0].sum() == results[2][0].sum()
assert results[5][1] > 10 * results[0.5][1]  # a loss 10x too high
assert results[5][0].sum() > H / 3 and results[20][0].sum() > H / 3
assert results[0.5][2] > 0.95 > 0.9 > results[5][2]  # and it shows up late
assert np.all(grads[0][:, dead] == 0) and np.all(grads[1][dead] == 0)
