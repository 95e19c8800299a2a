"""Part 3's figures: `subplots()` and `svg()` for any of them, and the
training page's two, loss curves and decision regions. The SVG is made by
`plots.svg`, which every part shares.

    fig, axes = subplots(ncols=1, width=6.4, height=3.4)
    print(svg(fig, "fig-id", "title", "description"))
    print(loss_curves_svg({"name": losses, ...}, fid, title))
    print(boundaries_svg(X, y, {"name": predict, ...}, fid, title))

No stand-in colours here: INK (black) becomes `currentColor`, and the
CLASS colours are mid-tones chosen to read on white and on Material's
slate.
"""

import matplotlib.pyplot as plt
import numpy as np
import plots

CLASS = ["#e8590c", "#3b82f6", "#2f9e44"]  # orange, blue, green
MARKERS = ["o", "s", "^"]
INK = plots.BLACK  # becomes currentColor


def subplots(ncols=1, width=6.4, height=3.4):
    return plt.subplots(1, ncols, figsize=(width, height), squeeze=False)


def svg(fig, fid, title, desc):
    """The figure as an <svg> element string, ids prefixed with fid."""
    return plots.svg(fig, fid, title, desc, "p3-figure")


def loss_curves_svg(curves, fid, title):
    """One line per model: loss against step."""
    desc = "Loss against step. Final loss: " + ", ".join(
        f"{name} {losses[-1]:.3f}" for name, losses in curves.items()
    )
    fig, axes = subplots(height=2.8)
    ax = axes[0, 0]
    for (name, losses), style in zip(curves.items(), ["--", "-"]):
        color = CLASS[0] if style == "--" else INK
        ax.plot(losses, style, color=color, lw=2, label=name)
    ax.set(xlabel="step", ylabel="loss", ylim=(0, None))
    ax.legend(frameon=False)
    return svg(fig, fid, title, desc)


def boundaries_svg(X, y, models, fid, title, size=1.1, steps=121):
    """Each model's predicted class over the plane, with the data on top.
    models: {name: predict}, predict(points (P, 2)) -> scores (P, K)."""
    desc = (
        f"{len(models)} panels ({', '.join(models)}): the plane coloured "
        f"by predicted class, with the {len(y)} training points on top, "
        "one colour and marker per class."
    )
    fig, axes = subplots(
        ncols=len(models), width=3.4 * len(models), height=3.5
    )
    grid = np.linspace(-size, size, steps)
    xx, yy = np.meshgrid(grid, grid)
    points = np.c_[xx.ravel(), yy.ravel()]
    for ax, (name, predict) in zip(axes[0], models.items()):
        zz = predict(points).argmax(axis=1).reshape(xx.shape)
        ax.contourf(
            xx,
            yy,
            zz,
            levels=np.arange(len(CLASS) + 1) - 0.5,
            colors=CLASS,
            alpha=0.28,
        )
        for k in range(len(CLASS)):
            ax.plot(
                *X[y == k].T,
                ls="",
                marker=MARKERS[k],
                ms=4.5,
                mfc=CLASS[k],
                mec=INK,
                mew=0.5,
            )
        ax.set(title=name, xticks=[], yticks=[], aspect="equal")
        ax.spines[:].set_visible(False)
    return svg(fig, fid, title, desc)
