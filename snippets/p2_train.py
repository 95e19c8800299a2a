"""Train the Value MLP on two moons; plot its loss and decision boundary."""

import numpy as np
from p2_moons import moons
from p2_nn import MLP
from p2_plots import decision_boundary, loss_curve
from show import figure, note, table

rng = np.random.default_rng(0)
X, y = moons(60, rng)  # (60, 2) points, labels -1 and +1
n = len(y)
xs, ys = X.tolist(), y.tolist()  # plain floats for the engine

model = MLP([2, 8, 8, 1])
params = model.parameters()
lr, batch, losses = 0.5, 5, []
for _ in range(20):  # epochs
    order, total = rng.permutation(n), 0.0
    for start in range(0, n, batch):
        idx = order[start : start + batch]
        # logistic loss log(1 + exp(-y * score)): small when signs agree
        terms = [(1 + (-ys[i] * model(xs[i])).exp()).log() for i in idx]
        loss = sum(terms) / len(idx)
        loss.zero_grad()  # gradients from the last batch must not linger
        loss.backward()
        for p in params:
            p.data -= lr * p.grad  # one step downhill
        total += loss.data * len(idx)
    losses.append(total / n)


def predict(P):  # the same network on many points at once, in numpy
    for k, layer in enumerate(model.layers):
        W = np.array([[w.data for w in u.w] for u in layer.neurons])
        b = np.array([u.b.data for u in layer.neurons])
        P = P @ W.T + b  # (points, n_in) @ (n_in, n_out)
        P = np.tanh(P) if k < len(model.layers) - 1 else P
    return P[:, 0]


scores = predict(X)
accuracy = np.mean(np.sign(scores) == y)
curve = loss_curve(losses, "Mean training loss per epoch")
boundary = decision_boundary(
    predict, X, y, "Two moons and the learned boundary"
)
print(figure(curve, boundary, css_class="p2-figures"))
rows = [(e + 1, f"{losses[e]:.4f}") for e in (0, 4, 9, 14, 19)]
print(table(["epoch", "mean loss"], rows))
print(note(f"Training accuracy: {accuracy:.1%} of {n}."))

assert abs(scores[0] - model(xs[0]).data) < 1e-12  # numpy agrees with Value
assert losses[-1] < losses[0] / 3 and accuracy == 1.0
