"""Time per gradient: backprop vs finite differences as parameters grow."""

from functools import partial

import layers
import numpy as np
from gradcheck import numeric_grad
from p4_plot import C1, C2, axes, svg
from p4_timing import median_time
from show import figure, table

rng = np.random.default_rng(0)
N, D, C = 16, 10, 3
x, y = rng.standard_normal((N, D)), rng.integers(0, C, N)


# --8<-- [start:two-ways]
def loss(theta, H):  # a 2-layer net whose parameters are one flat vector
    W1, b1, W2, b2 = np.split(theta, np.cumsum([D * H, H, H * C]))
    h, c1 = layers.affine_forward(x, W1.reshape(D, H), b1)
    r, c2 = layers.relu_forward(h)
    s, c3 = layers.affine_forward(r, W2.reshape(H, C), b2)
    value, ds = layers.softmax_loss(s, y)
    return value, (c1, c2, c3, ds)


def backprop(theta, H):  # one forward pass, one backward pass
    _, (c1, c2, c3, ds) = loss(theta, H)
    dr, dW2, db2 = layers.affine_backward(ds, c3)
    _, dW1, db1 = layers.affine_backward(
        layers.relu_backward(dr, c2), c1, False
    )
    return np.concatenate([dW1.ravel(), db1, dW2.ravel(), db2])


def finite_diff(theta, H):  # two forward passes per parameter
    return numeric_grad(lambda: loss(theta, H)[0], theta)


# --8<-- [end:two-ways]

rows, counts, t_fd, t_bp = [], [], [], []
for H in (2, 8, 24, 72):
    theta = rng.standard_normal(D * H + H + H * C + C) * 0.3
    if H < 10:  # the same gradient both ways (checked where it is cheap)
        assert np.allclose(backprop(theta, H), finite_diff(theta, H))
    counts.append(theta.size)
    runs = 3 if H < 72 else 1  # the largest takes long enough on its own
    t_fd.append(median_time(partial(finite_diff, theta, H), repeats=runs))
    t_bp.append(median_time(partial(backprop, theta, H), repeats=5))
    rows.append(
        (
            theta.size,
            2 * theta.size,
            2,
            f"{t_fd[-1] * 1e3:.2f}",
            f"{t_bp[-1] * 1e3:.3f}",
            f"{t_fd[-1] / t_bp[-1]:.0f}×",
        )
    )
head = ["parameters", "passes, differences", "passes, backprop",
        "differences, ms", "backprop, ms", "ratio"]  # fmt: skip
print(
    table(
        head,
        rows,
        "measured on the machine that built this page: "
        "differences median of 3 runs (1 run at the largest), "
        "backprop median of 5",
    )
)
fig, ax = axes(6.4, 3.2)
ax.loglog(counts, t_fd, "o-", color=C1, label="finite differences")
ax.loglog(counts, t_bp, "s-", color=C2, label="backprop")
ax.set_xlabel("number of parameters")
ax.set_ylabel("seconds per gradient")
ax.legend(frameon=False)
desc = (
    f"At {counts[-1]} parameters finite differences took "
    f"{t_fd[-1] * 1e3:.1f} ms per gradient, backprop "
    f"{t_bp[-1] * 1e3:.2f} ms."
)
title = "Time per gradient vs number of parameters"
print(figure(svg(fig, "cost-fd", title, desc)))
assert counts[-1] > 1000 and t_fd[-1] > 3 * t_bp[-1]  # at 1000+ parameters
assert t_fd[-1] > 5 * t_fd[0]  # differences grow with P (here 33x more)
