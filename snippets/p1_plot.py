"""Matplotlib figures as inline SVG that follow the light and dark palette.

Draw with the colours in PALETTE; `svg()` swaps them (and black) for CSS
colours, so the same figure reads on a light and on a dark page."""

import io
import re
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

matplotlib.rcParams.update({"svg.fonttype": "none", "font.size": 11})
matplotlib.rcParams["svg.hashsalt"] = "backprop-intuition"
# stand-in colour -> the CSS colour it becomes in the page
PALETTE = {
    "#010101": "var(--bp-fwd)",
    "#020202": "var(--bp-bwd)",
    "#030303": "var(--p1-third)",
    "#000000": "currentColor",
}
C1, C2, C3 = "#010101", "#020202", "#030303"


def svg(fig, name, title, desc):
    """The figure as SVG text: ids prefixed with `name`, a text alternative,
    palette colours as CSS variables. Closes the figure."""
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
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    # a <style> in inline SVG would style the whole page: drop it
    text = re.sub(r"<defs>\s*<style.*?</defs>\s*", "", text, flags=re.S)
    text = re.sub(r'\b(id="|url\(#|href="#)', rf"\g<1>{name}-", text)
    for stand_in, css in PALETTE.items():
        text = text.replace(stand_in, css)
    text = re.sub(r'width="[\d.]+pt" height="[\d.]+pt"', "", text, count=1)
    text = text.replace(
        "<svg ",
        f'<svg class="p1-plot" role="img" '
        f'aria-labelledby="{name}-t {name}-d" ',
        1,
    )
    end = text.index(">") + 1  # after the opening tag: the text alternative
    alt = (
        f'<title id="{name}-t">{escape(title)}</title>'
        f'<desc id="{name}-d">{escape(desc)}</desc>'
    )
    return text[:end] + alt + text[end:]
