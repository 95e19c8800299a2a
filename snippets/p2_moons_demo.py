"""Sixty points from p2_moons.py: shapes, labels and ranges."""

import numpy as np
from p2_moons import moons

X, y = moons(60, np.random.default_rng(0))
neg, pos = int((y < 0).sum()), int((y > 0).sum())
print(f"X: {X.shape}, labels: {neg} x -1, {pos} x +1")
print(
    f"x1 in [{X[:, 0].min():.2f}, {X[:, 0].max():.2f}], "
    f"x2 in [{X[:, 1].min():.2f}, {X[:, 1].max():.2f}]"
)

assert X.shape == (60, 2) and (y == -1).sum() == (y == 1).sum() == 30
