"""Part 4's plots: draw with the stand-in colours C1..C4, and `svg()`
makes them the site's CSS colours (and black `currentColor`), so one
figure reads on the light and on the dark page. `plots.svg` does the
work, for every part."""

import matplotlib.pyplot as plt
import plots

C1, C2, C3, C4 = "#010101", "#020202", "#030303", "#040404"
# stand-in colour -> the CSS colour it becomes in the page
CSS = {C1: "var(--bp-fwd)", C2: "var(--bp-bwd)", C3: "var(--bp-third)",
       C4: "var(--bp-fourth)"}  # fmt: skip


def axes(width=6.4, height=3.4):
    """A figure and its axes, with the faint grid Part 4's plots share."""
    fig, ax = plt.subplots(figsize=(width, height))
    ax.grid(True, which="major", alpha=0.25, color=plots.BLACK)
    return fig, ax


def svg(fig, name, title, desc):
    """The figure as SVG text for a Part 4 page. Closes the figure."""
    return plots.svg(fig, name, title, desc, "p4-plot", CSS)
