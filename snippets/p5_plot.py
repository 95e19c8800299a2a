"""Part 5's plots: draw with the stand-in colours C1..C4, and `svg()`
makes them the site's CSS colours (and black `currentColor`), so one
figure reads on the light and on the dark page. `plots.svg` does the
work, for every part."""

import matplotlib.pyplot as plt
import plots

C1, C2, C3, C4 = "#010101", "#020202", "#030303", "#040404"
# stand-in colour -> the CSS colour it becomes in the page
CSS = {C1: "var(--bp-fwd)", C2: "var(--bp-bwd)", C3: "var(--bp-third)",
       C4: "var(--bp-fourth)"}  # fmt: skip


def axes(width=4.2, height=3.0):
    """A figure and its axes, with a faint grid. Narrow, so that its 11 pt
    text stays above 11 px on a 360 px phone."""
    fig, ax = plt.subplots(figsize=(width, height))
    ax.grid(True, which="major", alpha=0.25, color=plots.BLACK)
    return fig, ax


def svg(fig, name, title, desc, narrow=False):
    """The figure as SVG text for a Part 5 page. Closes the figure.
    narrow: a small square figure, shown at most about half as wide."""
    css_class = "p5-plot p5-narrow" if narrow else "p5-plot"
    return plots.svg(fig, name, title, desc, css_class, CSS)
