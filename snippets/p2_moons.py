"""Two moons: a small, seeded 2-D dataset no straight line can separate."""

import numpy as np


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
