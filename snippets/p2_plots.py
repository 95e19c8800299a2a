"""Plots for Part 2: a loss curve and a decision boundary, as inline SVG
for both palettes, made by `plots.svg` (which every part uses).

Text and axes are drawn in black, which becomes `currentColor`, so they
take the page's text colour in the light and the dark palette; the two
class colours read on both. Each figure gets a <title> and a <desc>
written from its data."""

import matplotlib.pyplot as plt
import numpy as np
import plots

BLUE, ORANGE = "#3d7be0", "#e8743b"  # classes -1 and +1: fine on both


def to_svg(fig, name, title, desc):
    """The figure as inline SVG text that follows the page's colours."""
    return plots.svg(fig, name, title, desc, "p2-plot")


def loss_curve(losses, title, name="p2-loss"):
    """Mean loss against epoch, one point per epoch."""
    epochs = np.arange(1, len(losses) + 1)
    desc = (
        f"Mean loss per epoch over {len(losses)} epochs: "
        f"{losses[0]:.3f} after the first, {losses[-1]:.3f} after the last"
    )
    best = int(np.argmin(losses))
    if best != len(losses) - 1:
        desc += f"; lowest {losses[best]:.3f}, after epoch {best + 1}"
    desc += "."
    fig, ax = plt.subplots(figsize=(4.2, 3.0))
    ax.plot(epochs, losses, color=ORANGE, lw=2, marker="o", ms=3)
    ax.set(xlabel="epoch", ylabel="mean loss", ylim=(0, None))
    ax.set_xticks(epochs[:: max(1, len(epochs) // 5)])
    fig.tight_layout()
    return to_svg(fig, name, title, desc)


def decision_boundary(predict, X, y, title, n=80, name="p2-boundary"):
    """Regions where predict(points) > 0, the line = 0, the data on top."""
    right = int(np.sum(np.sign(predict(X)) == y))
    desc = (
        "The plane shaded by the sign of the model's score, blue for -1 "
        "and orange for +1, with the line where it is 0. On top, the "
        f"{len(y)} points: {np.sum(y == -1)} blue circles (-1) and "
        f"{np.sum(y == 1)} orange squares (+1); {right} of {len(y)} lie "
        "on their own side."
    )
    fig, ax = plt.subplots(figsize=(4.2, 3.0))
    for label, color, marker in [(-1, BLUE, "o"), (1, ORANGE, "s")]:
        pts = X[y == label]
        ax.scatter(
            pts[:, 0],
            pts[:, 1],
            s=22,
            c=color,
            marker=marker,
            edgecolors="black",
            linewidths=0.6,
            zorder=3,  # over the regions drawn below
        )
    ax.set(xlabel="x1", ylabel="x2", xticks=[], yticks=[])
    ax.margins(0.1)
    # one scale for x1 and x2, the plane widened to fill the figure: as
    # wide as the loss curve, so both show their text at one size
    ax.set_aspect("equal", adjustable="datalim")
    fig.tight_layout()
    ax.apply_aspect()
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    gx, gy = np.meshgrid(
        np.linspace(x0, x1, round(n * (x1 - x0) / (y1 - y0))),
        np.linspace(y0, y1, n),
    )
    score = predict(np.c_[gx.ravel(), gy.ravel()]).reshape(gx.shape)
    ax.contourf(
        gx, gy, score, levels=[-1e9, 0, 1e9], colors=[BLUE, ORANGE], alpha=0.22
    )
    ax.contour(gx, gy, score, levels=[0], colors="black", linewidths=1.2)
    ax.set(xlim=(x0, x1), ylim=(y0, y1))
    return to_svg(fig, name, title, desc)
