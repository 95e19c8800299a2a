"""matplotlib figures as inline SVG for Part 3: byte-identical on every
build, readable in the light and the dark palette, with a text alternative.

    fig, axes = figure(ncols=1, width=6.4, height=3.4)
    print(svg(fig, "fig-id", "title", "description"))
    print(loss_curves_svg({"name": losses, ...}, fid, title))
    print(boundaries_svg(X, y, {"name": predict, ...}, fid, title))

Black in the figure (text, axes, ticks, edges) becomes `currentColor`, so
it follows the page's text colour; the background is transparent. CLASS
colours are mid-tones chosen to read on white and on Material's slate.
"""

import io
import re
from html import escape

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

CLASS = ["#e8590c", "#3b82f6", "#2f9e44"]  # orange, blue, green
MARKERS = ["o", "s", "^"]
INK = "#000000"  # becomes currentColor
matplotlib.rcParams.update(
    {
        "svg.hashsalt": "p3",
        "svg.fonttype": "none",  # text stays text: selectable, page font
        "font.size": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        **{
            k: INK
            for k in [
                "text.color",
                "axes.edgecolor",
                "axes.labelcolor",
                "xtick.color",
                "ytick.color",
            ]
        },
    }
)


def _round(match):
    s = re.sub(r"(\d+\.\d)\d+", r"\1", match[0])
    return re.sub(r"\s*\n\s*", " ", s)


def _hoist(match):
    """Markers: one style on the group instead of one on every <use>."""
    block = match[0]
    styles = set(re.findall(r'<use [^>]*style="([^"]*)"', block))
    if len(styles) != 1:
        return block
    block = re.sub(r' style="[^"]*"/>', "/>", block)
    return block.replace(">", f' style="{styles.pop()}">', 1)


def figure(ncols=1, width=6.4, height=3.4):
    return plt.subplots(1, ncols, figsize=(width, height), squeeze=False)


def svg(fig, fid, title, desc):
    """The figure as an <svg> element string, ids prefixed with fid."""
    buf = io.StringIO()
    fig.savefig(
        buf,
        format="svg",
        transparent=True,
        bbox_inches="tight",
        metadata={"Date": None, "Creator": None},
    )
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg") :]  # drop the XML prologue and doctype
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    text = text.replace(INK, "currentColor")
    text = re.sub(r'(d|x|y)="[^"]*"', _round, text)  # 0.1 pt is plenty
    text = re.sub(
        r'<g clip-path="[^"]*">\s*(<use [^>]*/>\s*)+</g>', _hoist, text
    )
    text = re.sub(r'(id="|url\(#|href="#)', rf"\g<1>{fid}-", text)
    text = re.sub(r'font-family:[^;"]*;?', "", text)  # the page's font
    text = re.sub(
        r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', r"<svg \1", text, count=1
    )
    head = (
        f'<svg class="p3-figure" role="img" aria-labelledby="{fid}-t {fid}-d" '
    )
    text = text.replace("<svg ", head, 1)
    close = text.index(">", text.index("<svg")) + 1
    alt = (
        f'<title id="{fid}-t">{escape(title)}</title>'
        f'<desc id="{fid}-d">{escape(desc)}</desc>'
    )
    return text[:close] + alt + text[close:]


def loss_curves_svg(curves, fid, title):
    """One line per model: loss against step."""
    desc = "Loss against step. Final loss: " + ", ".join(
        f"{name} {losses[-1]:.3f}" for name, losses in curves.items()
    )
    fig, axes = figure(height=2.8)
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
    fig, axes = figure(ncols=len(models), width=3.4 * len(models), height=3.5)
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
