"""Exercise: the training loop with and without zero_grad()."""

import numpy as np
from p2_moons import moons
from p2_nn import MLP


def train(reset, epochs=10, lr=0.5, batch=5):
    rng = np.random.default_rng(0)
    X, y = moons(60, rng)
    xs, ys, n = X.tolist(), y.tolist(), len(y)
    model = MLP([2, 8, 8, 1])
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            terms = [(1 + (-ys[i] * model(xs[i])).exp()).log() for i in idx]
            loss = sum(terms) / len(idx)
            if reset:
                loss.zero_grad()
            loss.backward()
            for p in model.parameters():
                p.data -= lr * p.grad
    scores = np.array([model(x).data for x in xs])
    final = np.mean(np.log1p(np.exp(-y * scores)))
    return final, np.mean(np.sign(scores) == y)


with_reset, without = train(True), train(False)
print(
    f"with zero_grad():    loss {with_reset[0]:.3f}, "
    f"accuracy {with_reset[1]:.0%}"
)
print(f"without zero_grad(): loss {without[0]:.3f}, accuracy {without[1]:.0%}")

assert without[0] > 2 * with_reset[0]  # stale gradients: much worse
