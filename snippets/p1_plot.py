"""Part 1's plots: draw with the stand-in colours C1, C2, C3, and `svg()`
makes them the site's CSS colours (and black `currentColor`), so the same
figure reads on the light and on the dark page. `plots.svg` does the
work, for every part."""

import plots

C1, C2, C3 = "#010101", "#020202", "#030303"
# stand-in colour -> the CSS colour it becomes in the page
PALETTE = {C1: "var(--bp-fwd)", C2: "var(--bp-bwd)", C3: "var(--bp-third)"}


def svg(fig, name, title, desc):
    """The figure as SVG text for a Part 1 page. Closes the figure."""
    return plots.svg(fig, name, title, desc, "p1-plot", PALETTE)
