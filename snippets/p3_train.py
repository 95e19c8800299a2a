"""A linear classifier, then a 2-layer network, on a 3-class spiral:
full-batch gradient descent with nothing but layers.py."""

# --8<-- [start:data]
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
K = 3  # classes
X, y = spiral(100, rng)  # training set: X (N=300, 2), y (N,)
X_test, y_test = spiral(100, rng)  # fresh points from the same spirals
# --8<-- [end:data]

# --8<-- [start:linear]
W, b = 0.01 * rng.standard_normal((2, K)), np.zeros(K)  # (2, K), (K,)
linear_losses = []
for _ in range(300):
    scores, cache = affine_forward(X, W, b)  # (N, K)
    loss, dscores = softmax_loss(scores, y)  # start at the loss
    _, dW, db = affine_backward(dscores, cache, input_grad=False)
    W -= 1.0 * dW  # gradient descent, learning rate 1.0, in place
    b -= 1.0 * db
    linear_losses.append(loss)
linear = lambda P: affine_forward(P, W, b)[0]  # noqa: E731
linear_acc = np.mean(linear(X_test).argmax(axis=1) == y_test)
print(f"linear:      loss {loss:.3f}, test accuracy {linear_acc:.0%}")
# --8<-- [end:linear]

# --8<-- [start:net]
H = 64  # hidden units
W1, b1 = rng.standard_normal((2, H)), np.zeros(H)  # (2, H), (H,)
W2, b2 = rng.standard_normal((H, K)) * np.sqrt(2 / H), np.zeros(K)
net_losses = []
for _ in range(1500):
    h, cache1 = affine_forward(X, W1, b1)  # forward: (N, H)
    a, cache2 = relu_forward(h)  # (N, H)
    scores, cache3 = affine_forward(a, W2, b2)  # (N, K)
    loss, dscores = softmax_loss(scores, y)  # the answer and its marks
    da, dW2, db2 = affine_backward(dscores, cache3)  # walk back: (N, H)
    dh = relu_backward(da, cache2)  # (N, H)
    _, dW1, db1 = affine_backward(dh, cache1, input_grad=False)
    for p, g in [(W1, dW1), (b1, db1), (W2, dW2), (b2, db2)]:
        p -= 1.0 * g  # in place
    net_losses.append(loss)


def net(P):  # the trained network, forward only: scores (len(P), K)
    return np.maximum(P @ W1 + b1, 0) @ W2 + b2


net_acc = np.mean(net(X_test).argmax(axis=1) == y_test)
print(f"2-layer net: loss {loss:.3f}, test accuracy {net_acc:.0%}")
# --8<-- [end:net]

# --8<-- [start:figures]
from p3_plot import boundaries_svg, loss_curves_svg  # noqa: E402
from show import figure  # noqa: E402

curves = {"linear": linear_losses, "2-layer net": net_losses}
print(figure(loss_curves_svg(curves, "p3-loss", "Training loss per step")))
models = {f"linear: {linear_acc:.0%}": linear, f"net: {net_acc:.0%}": net}
print(figure(boundaries_svg(X, y, models, "p3-bound", "Decision regions")))
# --8<-- [end:figures]

assert 0.45 < linear_acc < 0.6  # a line cannot follow a spiral
assert net_acc > 0.95 and net_losses[-1] < linear_losses[-1] / 5
assert linear_losses[-1] > 0.99 * linear_losses[150]  # levelled off early
assert np.all(np.diff(net_losses) < 0)  # the net's: lower at every step
