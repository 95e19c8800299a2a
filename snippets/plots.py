"""Matplotlib figures as inline SVG for the site's pages: the one routine
every part's plots go through, and the site's matplotlib style.

    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.plot(xs, ys, color="#010101")  # a stand-in colour
    print(figure(svg(fig, "fig-id", "title", "description", "p1-plot",
                     {"#010101": "var(--bp-fwd)"})))   # show.figure

The SVG text `svg()` returns
- reads on the light and the dark page: the background is transparent,
  black becomes `currentColor` (the page's text colour) and each stand-in
  colour in `colours` becomes the CSS colour it maps to (class `bp-plot`:
  its paint rules are in show.py, which also writes it to a file with the
  light palette's colours when a script runs in a terminal);
- fits into the page: no XML prologue and no <metadata>; no <style> (in
  inline SVG it would style the whole page); no font-family (text is in
  the page's font); no width and height (the CSS class sizes it); and ids
  prefixed with the figure's name, as several figures share a page;
- is small: coordinates rounded to 0.1 pt, and a style repeated on every
  marker of a line written once, on their group;
- has a text alternative: role="img", and a <title> and a <desc> that
  aria-labelledby points to;
- is the same bytes on every build: a fixed hash salt for ids, no date.

Importing this module sets the site's style once, for every figure:
11 pt text kept as <text>, no top and right spines, the Agg backend.
"""

import io
import re
from html import escape

import matplotlib

matplotlib.use("Agg")  # no display: figures are only ever saved
import matplotlib.pyplot as plt  # noqa: E402

matplotlib.rcParams.update(
    {
        "svg.hashsalt": "backprop-intuition",  # same ids on every build
        "svg.fonttype": "none",  # real <text>: small, in the page's font
        "font.size": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)
BLACK = "#000000"  # always becomes currentColor


def _round(match):
    """0.1 pt is plenty; a path's points on one line."""
    text = re.sub(r"(\d+\.\d)\d+", r"\1", match[0])
    return re.sub(r"\s*\n\s*", " ", text)


def _hoist(match):
    """Markers: one style on the group instead of one on every <use>."""
    block = match[0]
    styles = set(re.findall(r'<use [^>]*style="([^"]*)"', block))
    if len(styles) != 1:
        return block
    block = re.sub(r' style="[^"]*"/>', "/>", block)
    return block.replace(">", f' style="{styles.pop()}">', 1)


def svg(fig, name, title, desc, css_class, colours=None):
    """The figure as <svg> text for a page, and closes the figure.

    name: prefix of its ids, unique on the page; title, desc: its text
    alternative; css_class: the class the page's CSS styles it by;
    colours: {stand-in hex: CSS colour}, such as "var(--bp-fwd)"."""
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
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = re.sub(r"<defs>\s*<style.*?</defs>\s*", "", text, flags=re.S)
    css = {k.lower(): v for k, v in (colours or {}).items()}
    css[BLACK] = "currentColor"
    text = re.sub(r"#[0-9a-f]{6}\b", lambda m: css.get(m[0], m[0]), text)
    text = re.sub(r'(?<![\w-])(d|x|y|transform|viewBox)="[^"]*"', _round, text)
    text = re.sub(
        r'<g clip-path="[^"]*">\s*(<use [^>]*/>\s*)+</g>', _hoist, text
    )
    text = re.sub(r'\b(id="|url\(#|href="#)', rf"\g<1>{name}-", text)
    text = re.sub(r'\s*font-family:[^;"]*;?', "", text)
    text = re.sub(
        r'<svg ([^>]*?)\s*width="[^"]*" height="[^"]*"',
        r"<svg \1",
        text,
        count=1,
    )
    head = (
        f'<svg class="bp-plot {css_class}" role="img" '
        f'aria-labelledby="{name}-t {name}-d" '
        'stroke-linejoin="round" '  # what the dropped <style> asked for
    )
    text = text.replace("<svg ", head, 1)
    end = text.index(">") + 1  # after the opening tag: the text alternative
    alt = (
        f'<title id="{name}-t">{escape(title, quote=False)}</title>'
        f'<desc id="{name}-d">{escape(desc, quote=False)}</desc>'
    )
    return text[:end] + alt + text[end:]
