"""One small network, its gradients computed four ways: by hand with
scalars, with the Value engine, per example with layers.py, and as one
mini-batch."""

# --8<-- [start:setup]
import math

import numpy as np
from gradcheck import numeric_grad, rel_error
from layers import (
    affine_backward,
    affine_forward,
    mse_loss,
    tanh_backward,
    tanh_forward,
)

X = np.array([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]])  # N = 3 examples, D = 2
T = np.array([[1.0], [-0.5], [0.25]])  # targets, (N, 1)
W1 = np.array([[0.4, -0.6], [0.3, 0.9]])  # (D, H = 2)
b1 = np.array([0.1, -0.2])
W2 = np.array([[0.7], [-1.1]])  # (H, 1)
b2 = np.array([0.05])
N, H = 3, 2
params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
# loss = 0.5 * sum_n (y_n - t_n)^2 / N, y_n = tanh(x_n W1 + b1) W2 + b2
# --8<-- [end:setup]

# --8<-- [start:hand]
g = {k: np.zeros_like(p) for k, p in params.items()}  # gradients
for n in range(N):
    x0, x1, t = X[n, 0], X[n, 1], T[n, 0]
    z = [x0 * W1[0, j] + x1 * W1[1, j] + b1[j] for j in range(H)]
    a = [math.tanh(zj) for zj in z]
    y = a[0] * W2[0, 0] + a[1] * W2[1, 0] + b2[0]
    dy = (y - t) / N  # d(loss)/dy for this example's share of the mean
    g["b2"][0] += dy  # add gate
    for j in range(H):
        g["W2"][j, 0] += a[j] * dy  # mul gate: the other input times dy
        dz = W2[j, 0] * dy * (1 - a[j] ** 2)  # then through tanh
        g["b1"][j] += dz
        g["W1"][0, j] += x0 * dz
        g["W1"][1, j] += x1 * dz
# --8<-- [end:hand]


# --8<-- [start:engine]
from engine import Value  # noqa: E402

as_values = np.vectorize(Value, otypes=[object])  # an array of Values
V = {k: as_values(p) for k, p in params.items()}
loss = 0
for n in range(N):
    x0, x1, t = float(X[n, 0]), float(X[n, 1]), float(T[n, 0])
    a = [
        (x0 * V["W1"][0, j] + x1 * V["W1"][1, j] + V["b1"][j]).tanh()
        for j in range(H)
    ]
    y = a[0] * V["W2"][0, 0] + a[1] * V["W2"][1, 0] + V["b2"][0]
    loss = loss + 0.5 * (y - t) ** 2 / N
loss.backward()  # one call fills .grad on every Value the loss used
eng = {k: np.vectorize(lambda v: v.grad)(V[k]) for k in V}
# --8<-- [end:engine]


# --8<-- [start:layers]
def grads(Xb, Tb, share):
    """layers.py on the rows Xb; share scales the mean over those rows."""
    h, c1 = affine_forward(Xb, W1, b1)
    a, c2 = tanh_forward(h)
    y, c3 = affine_forward(a, W2, b2)
    _, dy = mse_loss(y, Tb)  # dy = (y - t) / len(Xb)
    da, dW2, db2 = affine_backward(dy * share, c3)
    _, dW1, db1 = affine_backward(tanh_backward(da, c2), c1)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


per_example = [grads(X[n : n + 1], T[n : n + 1], 1 / N) for n in range(N)]
vec = {k: sum(p[k] for p in per_example) for k in g}  # one row at a time
batch = grads(X, T, 1.0)  # all rows at once
# --8<-- [end:layers]

# --8<-- [start:compare]
ways = {"by hand": g, "engine": eng, "per example": vec, "mini-batch": batch}
print(f"{'gradient':<10}" + "".join(f"{w:>14}" for w in ways))
for k in g:
    for idx in np.ndindex(g[k].shape):
        name = f"{k}[{','.join(map(str, idx))}]"
        print(
            f"{name:<10}"
            + "".join(f"{w[k][idx]:>14.10f}" for w in ways.values())
        )
worst = max(np.abs(w[k] - g[k]).max() for w in ways.values() for k in g)
print(f"largest difference between any two ways: {worst:.1e}")
# --8<-- [end:compare]

biggest = max(np.abs(g[k]).max() for k in g)  # the largest gradient
assert worst <= 8 * np.spacing(biggest)  # a few units in the last place
loss = lambda: mse_loss(np.tanh(X @ W1 + b1) @ W2 + b2, T)[0]  # noqa: E731
assert all(
    rel_error(g[k], numeric_grad(loss, p)) < 1e-8 for k, p in params.items()
)
