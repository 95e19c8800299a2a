"""Render TeX to SVG at build time: no script, font or request in the page.

`pymdownx.arithmatex` (generic mode) wraps math as `\\(...\\)` in
`span.arithmatex` and `\\[...\\]` in `div.arithmatex`. We replace each with
the SVG that MathJax 4 (run in-process by quickjax) draws, labelled with its
TeX source for screen readers. Glyph ids are renumbered per page so pages are
reproducible and ids are unique within a page.
"""

import html
import logging
import re

import quickjax

log = logging.getLogger("mkdocs.hooks.math")  # a warning fails --strict

MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">'
    r"(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])"
    r"</(?P=tag)>",
    re.DOTALL,
)
GLYPH_ID = re.compile(r"MJX-\d+-")


drawn = {}  # (tex, display) -> SVG; hooks/render.py adds its worker's


def _svg(tex: str, display: bool) -> str:
    if (tex, display) not in drawn:
        drawn[tex, display] = quickjax.render(tex, display=display)
    return drawn[tex, display]


def render(tex: str, display: bool, number: int) -> str:
    svg = GLYPH_ID.sub(f"mjx{number}-", _svg(tex, display))
    label = html.escape(tex.strip(), quote=True)
    svg = svg.replace('role="img"', f'role="img" aria-label="{label}"', 1)
    if display:
        # focusable: a wide formula scrolls sideways on a phone
        return f'<div class="math math-display" tabindex="0">{svg}</div>'
    return f'<span class="math math-inline">{svg}</span>'


def tex_error(svg: str) -> bool:
    """MathJax draws bad TeX instead of raising: a parse error becomes an
    `merror` node, an unknown macro is drawn in red."""
    return 'data-mml-node="merror"' in svg or 'fill="red"' in svg


def render_page_math(content: str, where: str = "") -> str:
    counter = iter(range(1, 1_000_000))

    def replace(match: re.Match) -> str:
        display = match["block"] is not None
        tex = html.unescape(match["block"] if display else match["inline"])
        if tex_error(_svg(tex, display)):
            log.warning("%s: MathJax cannot render %r", where, tex)
        return render(tex, display, next(counter))

    return MATH.sub(replace, content)


def on_page_content(html_content, page, config, files):
    return render_page_math(html_content, page.file.src_uri)
