"""Plots for Part 2: matplotlib figures as SVG text for both palettes.

Text and axes are drawn in black and then switched to `currentColor`, so
they take the page's text colour in the light and the dark palette; the
background is transparent; each figure gets a <title> and an aria-label.
Output is byte-identical between runs (fixed hash salt, no date)."""

import io
import re
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

plt.rcParams.update(
    {
        "svg.hashsalt": "backprop-intuition",
        "svg.fonttype": "none",  # real <text>: small, uses the page font
        "font.size": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)
BLUE, ORANGE = "#3d7be0", "#e8743b"  # classes -1 and +1: fine on both


def to_svg(fig, title):
    """The figure as inline SVG text that follows the page's colours."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", transparent=True, metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    svg = re.sub(r"#000000|black", "currentColor", svg)
    svg = re.sub(r"(\d\.\d)\d+", r"\1", svg)  # 0.1 pt is plenty
    svg = re.sub(r"font-family:[^;\"]*;?", "", svg)
    svg = re.sub(r'(width|height)="[\d.]+pt"', "", svg, count=2)
    label = escape(title, quote=True)
    return svg.replace(
        "<svg ",
        f'<svg class="p2-plot" role="img" aria-label="{label}" ',
        1,
    ).replace(">", f"><title>{escape(title)}</title>", 1)


def loss_curve(losses, title):
    fig, ax = plt.subplots(figsize=(4.2, 3.0))
    epochs = np.arange(1, len(losses) + 1)
    ax.plot(epochs, losses, color=ORANGE, lw=2, marker="o", ms=3)
    ax.set(xlabel="epoch", ylabel="mean loss", ylim=(0, None))
    ax.set_xticks(epochs[:: max(1, len(epochs) // 5)])
    fig.tight_layout()
    return to_svg(fig, title)


def decision_boundary(predict, X, y, title, n=80):
    """Regions where predict(points) > 0, the line = 0, the data on top."""
    lo, hi = X.min(axis=0) - 0.4, X.max(axis=0) + 0.4
    gx, gy = np.meshgrid(
        np.linspace(lo[0], hi[0], n), np.linspace(lo[1], hi[1], n)
    )
    score = predict(np.c_[gx.ravel(), gy.ravel()]).reshape(gx.shape)
    fig, ax = plt.subplots(figsize=(4.2, 3.0))
    ax.contourf(
        gx, gy, score, levels=[-1e9, 0, 1e9], colors=[BLUE, ORANGE], alpha=0.22
    )
    ax.contour(gx, gy, score, levels=[0], colors="black", linewidths=1.2)
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
        )
    ax.set(xlabel="x1", ylabel="x2", xticks=[], yticks=[])
    ax.set_aspect("equal")
    fig.tight_layout()
    return to_svg(fig, title)


svg = loss_curve([1.0, 0.5, 0.25], "test")
assert svg.startswith('<svg class="p2-plot" role="img"') and "<title>" in svg
assert "#000000" not in svg and "currentColor" in svg
