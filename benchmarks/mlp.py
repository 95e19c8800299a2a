"""The benchmark's model, the same code for every engine: an MLP
[2, 16, 16, 1] (ReLU, micrograd's layout) trained on 100 points with a
hinge loss + L2, one SGD step at a time. Imports only `random`, so the
script that times it (engine_script.py) stays as small as a user's."""

import random

SIZES, N_POINTS, CHAIN_OPS = [2, 16, 16, 1], 100, 20_000


def make_model(V, seed=0):
    """Weights as lists of Values: the same numbers for both engines."""
    rnd = random.Random(seed)
    return [
        [
            ([V(rnd.uniform(-1, 1)) for _ in range(n_in)], V(0.0))
            for _ in range(n_out)
        ]
        for n_in, n_out in zip(SIZES, SIZES[1:])
    ]


def parameters(model):
    return [p for layer in model for w, b in layer for p in [*w, b]]


def forward(model, x):
    for i, layer in enumerate(model):
        x = [sum((wi * xi for wi, xi in zip(w, x)), b) for w, b in layer]
        if i < len(model) - 1:
            x = [v.relu() for v in x]
    return x[0]


def data(seed=1):
    rnd = random.Random(seed)
    X = [[rnd.uniform(-2, 2), rnd.uniform(-2, 2)] for _ in range(N_POINTS)]
    y = [1.0 if a * b > 0 else -1.0 for a, b in X]
    return X, y


def loss_of(model, X, y, params):
    scores = [forward(model, x) for x in X]
    losses = [(1 + -yi * si).relu() for yi, si in zip(y, scores)]
    loss = sum(losses) * (1.0 / len(losses))
    return loss + 1e-4 * sum(p * p for p in params)


def train_step(model, X, y, lr=0.05):
    params = parameters(model)
    loss = loss_of(model, X, y, params)
    for p in params:
        p.grad = 0.0
    loss.backward()
    for p in params:
        p.data -= lr * p.grad
    return loss.data


def chain(V):
    """A chain CHAIN_OPS operations deep: forward and backward."""
    x, w, b = V(0.5), V(0.9999), V(0.0001)
    v = x
    for _ in range(CHAIN_OPS // 2):
        v = v * w + b  # two operations a step
    v.backward()
    return x.grad
