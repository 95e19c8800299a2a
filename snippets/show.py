"""Show a figure or a table: on the site inline, in a terminal as files
and plain text. Every snippet that draws goes through these three calls:

    print(figure(svg_text))          # a figure: SVG text from the site's
                                     # diagram and plot helpers
    print(figure(svg1, svg2))        # figures side by side
    print(table(headers, rows))      # a table of numbers
    print(note("a sentence"))        # a line of text under a figure
    print(html(markup, text))        # anything else the page shows as HTML

On the site (the page is being built) each returns HTML for the page; the
page's CSS colours a figure for the light or the dark palette. Run as a
script, `figure` writes the figure beside the script as `<script>.svg`
(then `<script>-2.svg`, ...) with light colours of its own, so it opens in
any browser or viewer, and returns the line that says where; `table`
returns the table as aligned text; `html` returns `text`.
"""

import os
import re
import sys
from html import escape, unescape
from pathlib import Path

# The figures' colours on a white page: the site's light palette. The page
# defines the same variables for both palettes (extra.css + FIGURE_CSS).
LIGHT = {
    "--bp-fwd": "#1f5fbf",  # forward: values
    "--bp-fwd-fill": "#e8f0fc",
    "--bp-bwd": "#b4481b",  # backward: gradients
    "--bp-bwd-fill": "#fcefe8",
    "--bp-third": "#2e7d32",  # a third series in a plot
    "--bp-fourth": "#7b3fb0",  # a fourth
    # the theme's own colours, as a figure file needs them
    "--md-default-fg-color": "#212121",
    "--md-default-fg-color--light": "#757575",
    "--md-default-bg-color": "#ffffff",
    "--md-code-bg-color": "#f5f5f5",
    "--md-accent-fg-color": "#526cfe",
    "--md-text-font-family": "sans-serif",
    "--md-code-font-family": "monospace",
}

# How a figure is painted: the same rules on the page (hooks/figure_css.py
# adds them to the site's stylesheet) and in a figure file (with LIGHT).
FIGURE_CSS = """\
svg.bp-figure { font-family: var(--md-text-font-family, sans-serif); }
.bp-figure text { fill: var(--md-default-fg-color); font-size: 15px; }
.bp-figure .bp-name { font-weight: 700; }
.bp-figure .bp-num { font-family: var(--md-code-font-family, monospace); }
.bp-figure .bp-op { font-size: 14px; }
.bp-figure .bp-row { font-size: 13px; font-weight: 700;
  text-transform: uppercase; letter-spacing: .04em; }
.bp-figure .bp-fwd-text { fill: var(--bp-fwd); }
.bp-figure .bp-bwd-text { fill: var(--bp-bwd); }
.bp-figure .bp-fwd { fill: var(--bp-fwd-fill); stroke: var(--bp-fwd);
  stroke-width: 2; }
.bp-figure .bp-bwd { fill: var(--bp-bwd-fill); stroke: var(--bp-bwd);
  stroke-width: 2; stroke-dasharray: 6 3; }
.bp-figure .bp-fwd-arrow { fill: none; stroke: var(--bp-fwd);
  stroke-width: 2; }
.bp-figure .bp-bwd-arrow { fill: none; stroke: var(--bp-bwd);
  stroke-width: 2; stroke-dasharray: 6 3; }
.bp-graph .bp-box { fill: var(--md-default-bg-color);
  stroke: var(--md-default-fg-color--light); stroke-width: 1.5; }
.bp-graph .bp-value { fill: var(--bp-fwd); font-weight: 700; }
.bp-graph .bp-grad { fill: var(--bp-bwd); font-weight: 700; }
.bp-graph .bp-edge { fill: none; stroke: var(--md-default-fg-color--light);
  stroke-width: 1.8; }
.bp-graph .bp-op-circle { fill: var(--md-code-bg-color);
  stroke: var(--md-default-fg-color--light); stroke-width: 1.5; }
.bp-graph .bp-op-text { font-size: 13px; font-weight: 700; }
.bp-graph .bp-node.bp-active .bp-box { stroke: var(--md-accent-fg-color);
  stroke-width: 3; }
svg.bp-plot { color: var(--md-default-fg-color); stroke-linejoin: round; }
svg.bp-plot text { fill: currentColor;
  font-family: var(--md-text-font-family, sans-serif); }
"""


def in_site():
    """True while the site is being built (markdown-exec runs the block)."""
    return "markdown_exec" in sys.modules


def _light(css):
    """var(--name) and var(--name, fallback) replaced by LIGHT's colour."""

    def value(m):
        return LIGHT.get(m[1], (m[2] or "").strip() or "inherit")

    return re.sub(r"var\((--[\w-]+)(?:,([^()]*))?\)", value, css)


def standalone(svg):
    """The page's SVG as a file of its own: light colours, natural size."""
    head, rest = svg.split(">", 1)
    if "xmlns=" not in head:
        head += ' xmlns="http://www.w3.org/2000/svg"'
    if "xlink:href" in rest and "xmlns:xlink" not in head:
        head += ' xmlns:xlink="http://www.w3.org/1999/xlink"'
    box = re.search(r'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"', head)
    if box and " width=" not in head:
        head += f' width="{box[1]}" height="{box[2]}"'
    style = f"<style>{_light(FIGURE_CSS)}</style>"
    body = _light(rest)  # colours written as var(--...) in attributes
    return f'<?xml version="1.0" encoding="utf-8"?>\n{head}>{style}{body}\n'


# a cell that is a number, maybe with a unit: 1.5, -2e-06, +3.1%, 12 ms, 5x
NUMBER = re.compile(
    r"^[+\-−]?(\d[\d,]*\.?\d*|\.\d+)(e[+\-]?\d+)?( ?[%×x]| ?[a-zA-Z]{1,3})?$"
)

_written = []  # figure files this run wrote, in order


def _script():
    """The running script (a figure is named after it), or the working
    folder's `figure` when there is none (Jupyter, an interactive shell)."""
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    if path and path.endswith(".py"):
        return Path(path).resolve()
    return Path.cwd() / "figure.py"


def figure(*svgs, css_class=""):
    """print(figure(svg, ...)): on the site the SVG itself (several, or
    one with a css_class, in a <div> of that class); in a terminal the
    line saying which file beside the script now holds each."""
    if in_site():
        if len(svgs) == 1 and not css_class:
            return svgs[0]
        inner = "\n".join(svgs)
        return f'<div class="{css_class or "bp-figures"}">{inner}</div>'
    return "\n".join(_write(svg) for svg in svgs)


def _write(svg):
    script = _script()
    n = sum(1 for p in _written if p.parent == script.parent) + 1
    name = script.stem + (f"-{n}" if n > 1 else "") + ".svg"
    path = script.with_name(name)
    path.write_text(standalone(svg), encoding="utf-8")
    _written.append(path)
    where = os.path.relpath(path)
    where = where if not where.startswith("..") else str(path)
    title = re.search(r"<title[^>]*>(.*?)</title>", svg, re.S)
    what = f" ({unescape(title[1])})" if title else ""
    return f"figure written to {where}{what}"


def table(headers, rows, caption=""):
    """print(table(...)): an HTML table on the site, aligned text in a
    terminal (columns of numbers to the right, others to the left)."""
    cells = [[str(c) for c in r] for r in [headers, *rows]]
    if in_site():
        head = "".join(f"<th>{escape(h)}</th>" for h in cells[0])
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>"
            for r in cells[1:]
        )
        cap = f"<caption>{escape(caption)}</caption>" if caption else ""
        return (
            f"<table>{cap}<thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
    numeric = [
        all(NUMBER.match(r[i]) for r in cells[1:]) for i in range(len(widths))
    ]

    def line(r):
        return "  ".join(
            c.rjust(w) if num else c.ljust(w)
            for c, w, num in zip(r, widths, numeric)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [caption] if caption else []
    return "\n".join([*out, line(cells[0]), rule, *map(line, cells[1:])])


def note(text):
    """print(note(text)): a paragraph on the site, the line in a terminal."""
    return f"<p>{escape(text)}</p>" if in_site() else text


def html(markup, text):
    """print(html(markup, text)): markup on the site, text in a terminal."""
    return markup if in_site() else text
