"""Two moons: a small, seeded 2-D dataset no straight line can separate."""

import numpy as np


# --8<-- [start:moons]
def moons(n, rng, noise=0.1):
    """n points on two interleaving half-circles; labels -1 and +1."""
    t = rng.uniform(0, np.pi, n)
    y = np.where(np.arange(n) % 2 == 0, -1.0, 1.0)
    X = np.where(
        (y < 0)[:, None],
        np.c_[np.cos(t), np.sin(t)],  # upper moon
        np.c_[1 - np.cos(t), 0.5 - np.sin(t)],  # lower moon, shifted
    ) + rng.normal(0, noise, (n, 2))
    return (X - [0.5, 0.25]) / [1.0, 0.5], y  # centred and scaled


# --8<-- [end:moons]


X, y = moons(60, np.random.default_rng(0))
neg, pos = int((y < 0).sum()), int((y > 0).sum())
print(f"X: {X.shape}, labels: {neg} x -1, {pos} x +1")
print(
    f"x1 in [{X[:, 0].min():.2f}, {X[:, 0].max():.2f}], "
    f"x2 in [{X[:, 1].min():.2f}, {X[:, 1].max():.2f}]"
)

assert X.shape == (60, 2) and (y == -1).sum() == (y == 1).sum() == 30
