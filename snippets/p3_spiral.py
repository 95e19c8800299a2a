"""The spiral dataset: K arms of points around the origin, one per class.
A line cannot separate them; a small network can."""

import numpy as np


# --8<-- [start:spiral]
def spiral(n, rng, K=3, noise=0.2):
    """n points per class -> X (K*n, 2), y (K*n,) integer labels."""
    r = np.tile(np.linspace(0.05, 1, n), K)  # distance from the centre
    y = np.repeat(np.arange(K), n)
    theta = 2 * np.pi * y / K + 4 * r + rng.normal(0, noise, K * n)
    return np.c_[r * np.cos(theta), r * np.sin(theta)], y
    # --8<-- [end:spiral]


X, y = spiral(100, np.random.default_rng(0))
assert X.shape == (300, 2) and np.bincount(y).tolist() == [100] * 3
assert np.abs(X).max() <= 1.0  # inside the unit circle: r <= 1
