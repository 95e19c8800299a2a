"""Part 4's plots: matplotlib figures as inline SVG for both palettes.

Draw with the stand-in colours C1..C4; `svg()` turns them (and black) into
CSS colours, so one figure reads on the light and on the dark page."""

import io
import re
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

matplotlib.rcParams.update({"svg.fonttype": "none", "font.size": 11})
matplotlib.rcParams["svg.hashsalt"] = "backprop-intuition"
C1, C2, C3, C4 = "#010101", "#020202", "#030303", "#040404"
CSS = {C1: "var(--bp-fwd)", C2: "var(--bp-bwd)", C3: "var(--p4-c3)",
       C4: "var(--p4-c4)", "#000000": "currentColor"}  # fmt: skip


def figure(width=6.4, height=3.4):
    """A figure and its axes, with the frame the site's plots share."""
    fig, ax = plt.subplots(figsize=(width, height))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, which="major", alpha=0.25, color="#000000")
    return fig, ax


def svg(fig, name, title, desc):
    """The figure as SVG text with ids prefixed by `name`, a <title> and
    <desc>, and CSS colours. Closes the figure."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", transparent=True, bbox_inches="tight",
                metadata={"Date": None, "Creator": None})  # fmt: skip
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r"<defs>\s*<style.*?</defs>\s*", "", text, flags=re.S)
    text = re.sub(r'\b(id="|url\(#|href="#)', rf"\g<1>{name}-", text)
    for stand_in, css in CSS.items():
        text = text.replace(stand_in, css)
    text = re.sub(r'width="[\d.]+pt" height="[\d.]+pt"', "", text, count=1)
    head = (f'<svg class="p4-plot" role="img" '
            f'aria-labelledby="{name}-t {name}-d" ')  # fmt: skip
    text = text.replace("<svg ", head, 1)
    end = text.index(">") + 1
    alt = (f'<title id="{name}-t">{escape(title)}</title>'
           f'<desc id="{name}-d">{escape(desc)}</desc>')  # fmt: skip
    return text[:end] + alt + text[end:]
