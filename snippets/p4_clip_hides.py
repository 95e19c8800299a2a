"""Gradient clipping hides a bug: a gradient N times too large."""

# --8<-- [start:model]
import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
N, H = 200, 32
X = rng.standard_normal((N, 2))
y = (X[:, 0] * X[:, 1] > 0).astype(int)
start = [rng.standard_normal((2, H)), np.zeros(H),
         rng.standard_normal((H, 2)) / np.sqrt(H), np.zeros(2)]  # fmt: skip


def loss_and_grads(W1, b1, W2, b2, bug=False):
    z = X @ W1 + b1
    h = np.maximum(z, 0)
    s = h @ W2 + b2
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = -np.mean(logp[np.arange(N), y])  # the MEAN over examples
    ds = np.exp(logp)  # softmax probabilities
    ds[np.arange(N), y] -= 1
    if not bug:
        ds /= N  # the bug forgets this: the gradient of the SUM
    dz = (ds @ W2.T) * (z > 0)
    return loss, [X.T @ dz, dz.sum(0), h.T @ ds, ds.sum(0)]


# --8<-- [end:model]
# --8<-- [start:clip]
def train(bug, clip=None, lr=0.5, steps=300):
    params = [p.copy() for p in start]
    for _ in range(steps):
        loss, grads = loss_and_grads(*params, bug=bug)
        norm = np.sqrt(sum(np.sum(g**2) for g in grads))
        if clip is not None and norm > clip:  # rescale to norm `clip`
            grads = [g * clip / norm for g in grads]
        for p, g in zip(params, grads):
            p -= lr * g
    return loss_and_grads(*params)[0]


runs = {"correct": train(False), "bug": train(True),
        "bug + clip 1.0": train(True, clip=1.0)}  # fmt: skip
for name, loss in runs.items():
    print(f"{name:15s} final loss {loss:.3f}")
# --8<-- [end:clip]

# --8<-- [start:check]
params = [p.copy() for p in start]
_, grads = loss_and_grads(*params, bug=True)
dW1 = grads[0]  # check one parameter, W1, against central differences
num = numeric_grad(lambda: loss_and_grads(*params)[0], params[0])
err = rel_error(dW1, num)
print(f"gradient check of dW1: relative error {err:.3f} -> {verdict(err)}")
print(f"size of dW1 / size of the numeric gradient: "
      f"{np.linalg.norm(dW1) / np.linalg.norm(num):.1f}")  # fmt: skip
assert runs["bug + clip 1.0"] < 0.2 and runs["correct"] < 0.2  # both fine
assert runs["bug"] > 5 * runs["correct"]  # without clipping: visible
assert err > 0.9 and abs(np.linalg.norm(dW1) / np.linalg.norm(num) - N) < 1
# --8<-- [end:check]
