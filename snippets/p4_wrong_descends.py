"""The loss goes down, and the gradient is still wrong."""

# --8<-- [start:bug]
import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
N, H = 200, 16
X = rng.standard_normal((N, 2))
y = np.sin(2 * X[:, :1]) * X[:, 1:]  # a smooth target, (N, 1)
start = [rng.standard_normal((2, H)), np.zeros(H),
         rng.standard_normal((H, 1)) / np.sqrt(H), np.zeros(1)]  # fmt: skip


def loss_and_grads(W1, b1, W2, b2, bug=False):
    h = np.tanh(X @ W1 + b1)
    pred = h @ W2 + b2
    loss = np.mean((pred - y) ** 2)
    dpred = 2 * (pred - y) / N  # d(mean squared error)/d(pred)
    dh = dpred @ W2.T
    dz = dh if bug else dh * (1 - h**2)  # the bug drops tanh' = 1 - h²
    return loss, [X.T @ dz, dz.sum(0), h.T @ dpred, dpred.sum(0)]


# --8<-- [end:bug]
# --8<-- [start:train]
def train(bug, lr=0.2, steps=400):
    params, losses = [p.copy() for p in start], []
    for _ in range(steps):
        loss, grads = loss_and_grads(*params, bug=bug)
        losses.append(loss)
        for p, g in zip(params, grads):
            p -= lr * g
    return np.array(losses)


good, bad = train(False), train(True)
print("step     correct gradient   buggy gradient")
for t in (0, 50, 100, 200, 399):
    print(f"{t:4d} {good[t]:18.4f} {bad[t]:16.4f}")
# --8<-- [end:train]

# --8<-- [start:check]
params = [p.copy() for p in start]
_, wrong = loss_and_grads(*params, bug=True)
num = numeric_grad(lambda: loss_and_grads(*params)[0], params[0])  # W1
err = rel_error(wrong[0], num)
print(f"gradient check of dW1: relative error {err:.3f} -> {verdict(err)}")
_, true = loss_and_grads(*params)
t, w = (np.concatenate([g.ravel() for g in gs]) for gs in (true, wrong))
cos = t @ w / (np.linalg.norm(t) * np.linalg.norm(w))
print(f"cosine between the buggy and the true gradient: {cos:.3f}")
assert bad[-1] < 0.6 * bad[0]  # the buggy run's loss does go down
assert good[-1] < bad[-1] / 10  # ... to a plateau 10x above the real one
assert verdict(err) == "wrong" and cos > 0  # wrong, yet downhill
assert rel_error(true[0], num) < 1e-7  # the fixed code passes
# --8<-- [end:check]
