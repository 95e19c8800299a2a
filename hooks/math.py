"""Render TeX to SVG at build time: no script, font or request in the page.

`pymdownx.arithmatex` (generic mode) wraps math as `\\(...\\)` in
`span.arithmatex` and `\\[...\\]` in `div.arithmatex`. We replace each with
the SVG that MathJax 4 (run in-process by quickjax) draws, labelled with its
TeX source for screen readers.

A formula costs the page two elements. MathJax draws one `<g>` per MathML
node and a `<use>` per glyph pointing into `<defs>` (about 24 elements a
formula, and Chrome copies every `<use>` target into a shadow tree): on the
exercise pages that was ~3,000 elements, restyled several times while the
theme starts (Lighthouse: total blocking time ~0.8 s on a phone). `flatten`
bakes the transforms into the glyph outlines and joins them, bars included,
into one `<path>` in relative coordinates, so a glyph drawn twice is the
same text twice and gzip stores it once. `tests/test_math.py` rasterises
every formula of the site both ways and compares the pixels.

Sizes are in em of the surrounding text (MathJax's own unit is 1/1000 em),
not MathJax's default ex: a system sans-serif has a larger x-height than
Computer Modern, so ex-sized formulas stood ~15 % taller than the text
around them.

The search index keeps a plain-text form of each formula (`tex_text`,
"dL/dW = x · dz" for `\\frac{...}`): it is put in the page for the search
plugin to read and taken out again before the page is written.
"""

import functools
import html
import logging
import re
import xml.etree.ElementTree as ET

import quickjax

log = logging.getLogger("mkdocs.hooks.math")  # a warning fails --strict

MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">'
    r"(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])"
    r"</(?P=tag)>",
    re.DOTALL,
)
GLYPH_ID = re.compile(r"MJX-\d+-")
SVG_NS = "{http://www.w3.org/2000/svg}"
HREF = "{http://www.w3.org/1999/xlink}href"
WEIGHT = 12  # a stroke (1/1000 em) that brings CM's hairlines near the text
# Computer Modern's capitals are 0.683 em tall, a system sans-serif's about
# 0.72 em (Arial, Helvetica, Roboto, DejaVu Sans: 0.71-0.73): one em of
# math is 1.06 em of text, so capitals and digits line up with the text's.
SCALE = 1.06
SEARCH_TEXT = re.compile(r'<span class="bp-math-search">[^<]*</span>')


# -- one path per formula ----------------------------------------------------

TRANSFORM = re.compile(r"([a-zA-Z]+)\(([^)]*)\)")
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")
PATH_TOKEN = re.compile(r"[MLCZmlcz]|-?(?:\d+\.?\d*|\.\d+)")
ARGS = {"M": 2, "L": 2, "C": 6, "Z": 0}


class Unsupported(Exception):
    """An SVG construct `flatten` does not bake; MathJax's own is kept."""


def _compose(m, n):
    """Affine maps as (a, b, c, d, e, f), like SVG's matrix(): m after n."""
    a1, b1, c1, d1, e1, f1 = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a1 * a2 + c1 * b2,
        b1 * a2 + d1 * b2,
        a1 * c2 + c1 * d2,
        b1 * c2 + d1 * d2,
        a1 * e2 + c1 * f2 + e1,
        b1 * e2 + d1 * f2 + f1,
    )


def _transform(text):
    m = (1, 0, 0, 1, 0, 0)
    for kind, args in TRANSFORM.findall(text or ""):
        v = [float(x) for x in NUMBER.findall(args)]
        if kind == "translate":
            step = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0)
        elif kind == "scale":
            step = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        elif kind == "matrix" and len(v) == 6:
            step = tuple(v)
        else:
            raise Unsupported(f"transform {kind}")
        m = _compose(m, step)
    if m[1] or m[2]:
        raise Unsupported("rotation or skew")
    return m


def _parse_path(d):
    """MathJax glyph outlines: absolute M, L, C and Z only."""
    tokens, out = PATH_TOKEN.findall(d), []
    i = 0
    while i < len(tokens):
        cmd = tokens[i]
        if cmd not in ARGS:
            raise Unsupported(f"path command {cmd}")
        n = ARGS[cmd]
        out.append((cmd, [float(t) for t in tokens[i + 1 : i + 1 + n]]))
        i += 1 + n
    return out


class _Pen:
    """Writes subpaths with integer coordinates, relative after the first
    point: a glyph's text is the same wherever it is drawn."""

    def __init__(self):
        self.parts, self.at, self.start = [], None, (0, 0)

    def point(self, m, x, y):
        return (round(m[0] * x + m[4]), round(m[3] * y + m[5]))

    def move(self, p):
        if self.at is None:
            self.parts.append(f"M{p[0]} {p[1]}")
        else:
            self.parts.append(f"m{p[0] - self.at[0]} {p[1] - self.at[1]}")
        self.at = self.start = p

    def line(self, p):
        self.parts.append(f"l{p[0] - self.at[0]} {p[1] - self.at[1]}")
        self.at = p

    def curve(self, p1, p2, p):
        ax, ay = self.at
        self.parts.append(
            f"c{p1[0] - ax} {p1[1] - ay} {p2[0] - ax} {p2[1] - ay} "
            f"{p[0] - ax} {p[1] - ay}"
        )
        self.at = p

    def close(self):
        self.parts.append("z")
        self.at = self.start

    def text(self):
        return re.sub(r" -", "-", "".join(self.parts))


def _draw(pen, commands, m):
    for cmd, v in commands:
        if cmd == "M":
            pen.move(pen.point(m, *v))
        elif cmd == "L":
            pen.line(pen.point(m, *v))
        elif cmd == "C":
            pen.curve(
                pen.point(m, v[0], v[1]),
                pen.point(m, v[2], v[3]),
                pen.point(m, v[4], v[5]),
            )
        else:
            pen.close()


def _area_sign(commands):
    """Orientation of a glyph's first contour (shoelace on its points)."""
    pts = []
    for cmd, v in commands:
        if cmd == "Z":
            break
        pts += [(v[i], v[i + 1]) for i in range(0, len(v), 2)]
    area = sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1])
    )
    return 1 if area >= 0 else -1


def flatten(svg):
    """MathJax's SVG as <svg><path/></svg>: transforms baked in, glyphs and
    bars joined. Raises Unsupported for anything else (text, nested
    viewports, colour): the caller keeps MathJax's SVG then."""
    root = ET.fromstring(svg)
    glyphs = {}
    for path in root.iter(f"{SVG_NS}path"):
        glyphs["#" + path.get("id")] = _parse_path(path.get("d"))
    shapes = []  # (matrix, commands) in drawing order

    def walk(el, m):
        m = _compose(m, _transform(el.get("transform")))
        tag = el.tag.removeprefix(SVG_NS)
        if tag == "defs":
            return
        if tag == "svg" and el is not root:  # a stretched brace's middle
            x, y, w, h = (float(el.get(k)) for k in ("x", "y", "width",
                                                     "height"))  # fmt: skip
            vx, vy, vw, vh = (float(v) for v in el.get("viewBox").split())
            m = _compose(m, (w / vw, 0, 0, h / vh, x - vx * w / vw,
                             y - vy * h / vh))  # fmt: skip
        if tag in ("g", "svg"):
            for name in ("fill", "stroke", "color"):
                if el.get(name) not in (None, "currentColor"):
                    raise Unsupported(f"{name}={el.get(name)}")
            for child in el:
                walk(child, m)
        elif tag == "use":
            shapes.append((m, glyphs[el.get(HREF)]))
        elif tag == "rect":
            x, y = float(el.get("x", 0)), float(el.get("y", 0))
            w, h = float(el.get("width")), float(el.get("height"))
            shapes.append((m, "rect", (x, y, w, h)))
        elif tag in ("title", "desc"):
            return
        else:
            raise Unsupported(tag)

    walk(root, (1, 0, 0, 1, 0, 0))
    if not shapes:
        raise Unsupported("empty")
    # every contour must turn the way the glyphs' outer contours turn, or a
    # bar overlapping a glyph (a root's vinculum) would cut a hole in it
    turn = next(
        (_area_sign(s[1]) * (1 if s[0][0] * s[0][3] > 0 else -1)
         for s in shapes if s[1] != "rect"),
        1,
    )  # fmt: skip
    pen = _Pen()
    for shape in shapes:
        m, commands = shape[0], shape[1]
        if commands == "rect":
            x, y, w, h = shape[2]
            corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            flip = m[0] * m[3] > 0
            if (1 if flip else -1) != turn:
                corners.reverse()
            commands = [("M", list(corners[0]))]
            commands += [("L", list(c)) for c in corners[1:]] + [("Z", [])]
        elif _area_sign(commands) * (1 if m[0] * m[3] > 0 else -1) != turn:
            raise Unsupported("a glyph turned the other way")
        _draw(pen, commands, m)
    view = root.get("viewBox").split()
    width, height = float(view[2]), float(view[3])
    align = re.search(r"vertical-align:\s*(-?[\d.]+)ex", root.get("style", ""))
    shift = float(align[1]) * 0.442 if align else 0  # MathJax's ex: 442/1000
    em = SCALE / 1000
    return (
        f'<svg width="{width * em:.3f}em" height="{height * em:.3f}em" '
        f'style="vertical-align:{shift * SCALE:.3f}em" '
        f'viewBox="{" ".join(view)}" '
        'role="img" focusable="false">'
        f'<path fill="currentColor" stroke="currentColor" '
        f'stroke-width="{WEIGHT}" d="{pen.text()}"/></svg>'
    )


# -- plain text for the search index -----------------------------------------

SYMBOLS = {
    "partial": "∂", "times": "×", "cdot": "·", "odot": "⊙", "top": "ᵀ",
    "sigma": "σ", "delta": "δ", "Delta": "Δ", "ell": "ℓ", "to": "→",
    "mu": "μ", "eta": "η", "lambda": "λ", "rho": "ρ", "theta": "θ",
    "alpha": "α", "beta": "β", "gamma": "γ", "epsilon": "ε",
    "varepsilon": "ε", "phi": "φ", "pi": "π", "nabla": "∇", "sum": "Σ",
    "prod": "Π", "approx": "≈", "le": "≤", "leq": "≤", "ge": "≥",
    "geq": "≥", "neq": "≠", "ne": "≠", "pm": "±", "in": "∈", "infty": "∞",
    "leftarrow": "←", "rightarrow": "→", "dots": "…", "cdots": "⋯",
    "ldots": "…", "lVert": "‖", "rVert": "‖", "lvert": "|", "rvert": "|",
    "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋",
    "colon": ":", "mid": "|", "{": "{", "}": "}", "%": "%", "_": "_",
    "\\": "; ", ",": " ", ";": " ", ":": " ", "!": "", " ": " ",
    "quad": " ", "qquad": " ",
}  # fmt: skip
WORDS = {"max", "min", "log", "ln", "exp", "tanh", "sin", "cos", "diag"}
DROP = {"left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr",
        "displaystyle", "textstyle", "limits", "nolimits"}  # fmt: skip
ARGUMENT = {"text", "mathrm", "mathbf", "mathit", "operatorname",
            "mathbb", "boldsymbol", "mathcal", "hat", "bar", "tilde",
            "vec", "overline"}  # fmt: skip
MARKS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "vec": "\u20d7",
         "overline": "\u0305"}  # fmt: skip
DOUBLE = {"R": "ℝ", "N": "ℕ", "Z": "ℤ"}
SUPER = str.maketrans("0123456789+-=()nTi", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿᵀⁱ")
SUB = str.maketrans("0123456789+-=()ijklmnotx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ᵢⱼₖₗₘₙₒₜₓ")
TEX_TOKEN = re.compile(r"\\([A-Za-z]+|.)|([{}^_&])|(\s+)|(.)", re.DOTALL)


def _operand(text):
    """a, or (a + b) where an operator would bind wrongly."""
    text = text.strip()
    if len(text) > 1 and re.search(r"[\s+\-−·×/]", text):
        if not (text.startswith("(") and text.endswith(")")):
            return f"({text})"
    return text


def _script(text, table, mark):
    """x², x₁ when Unicode has every character, else x^(n+1), x_(in)."""
    if text and all(ord(ch) in table for ch in text):
        return text.translate(table)
    return mark + _operand(text)


def tex_text(tex):
    """A formula as plain text: what a reader would type to search."""
    tokens = [m for m in TEX_TOKEN.finditer(tex)]
    pos = 0

    def group():
        """One argument: {...} or a single token."""
        nonlocal pos
        while pos < len(tokens) and tokens[pos][3]:
            pos += 1
        if pos >= len(tokens):
            return ""
        if tokens[pos][2] == "{":
            pos += 1
            return sequence(until="}")
        return sequence(single=True)

    def sequence(until=None, single=False):
        nonlocal pos
        out = []
        while pos < len(tokens):
            t = tokens[pos]
            pos += 1
            command, special, space, char = t[1], t[2], t[3], t[4]
            if special == until and until:
                break
            if space:
                out.append(" ")
            elif char is not None:
                out.append(char)
            elif special == "{":
                out.append(sequence(until="}"))
            elif special in ("^", "_"):
                arg = group().strip()
                out.append(
                    _script(arg, SUPER if special == "^" else SUB, special)
                    if arg != "ᵀ"
                    else "ᵀ"
                )
            elif special == "&":
                out.append(" ")
            elif special == "}":
                continue
            elif command in ("frac", "tfrac", "dfrac"):
                top, bottom = _operand(group()), _operand(group())
                out.append(f"{top}/{bottom}")
            elif command == "sqrt":
                out.append(f"√({group().strip()})")
            elif command == "underbrace":
                out.append(group())
                save = pos
                while pos < len(tokens) and tokens[pos][3]:
                    pos += 1
                if pos < len(tokens) and tokens[pos][2] == "_":
                    pos += 1
                    group()  # the brace's label is a note, not the formula
                else:
                    pos = save
            elif command in ("begin", "end"):
                group()  # the environment's name
            elif command == "mathbb":
                arg = group()
                out.append(DOUBLE.get(arg, arg))
            elif command in MARKS:
                arg = group()
                out.append(arg + MARKS[command] if len(arg) == 1 else arg)
            elif command in ARGUMENT:
                out.append(group())
            elif command in DROP:
                continue
            elif command in WORDS:
                out.append(command)
            elif command in SYMBOLS:
                out.append(SYMBOLS[command])
                while (
                    command == "partial"
                    and tokens[pos : pos + 1]
                    and (tokens[pos][3])
                ):  # \partial L reads ∂L
                    pos += 1
            else:
                out.append(command)
            if single:
                break
        return "".join(out)

    text = sequence()
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.;:)])", r"\1", text)


# -- the page ----------------------------------------------------------------


drawn = {}  # (tex, display) -> MathJax's SVG; hooks/render.py adds to it


def _mathjax(tex: str, display: bool) -> str:
    if (tex, display) not in drawn:
        drawn[tex, display] = quickjax.render(tex, display=display)
    return drawn[tex, display]


@functools.cache
def _svg(tex: str, display: bool) -> str:
    svg = _mathjax(tex, display)
    try:
        return flatten(svg)
    except Unsupported as why:  # MathJax's own drawing, glyph ids and all
        log.debug("math: kept MathJax's SVG for %r (%s)", tex, why)
        return svg


def render(tex: str, display: bool, number: int) -> str:
    svg = GLYPH_ID.sub(f"mjx{number}-", _svg(tex, display))
    label = html.escape(tex.strip(), quote=True)
    svg = svg.replace('role="img"', f'role="img" aria-label="{label}"', 1)
    # a plain-text form for the search plugin, removed before writing
    search = f'<span class="bp-math-search">{html.escape(tex_text(tex))}'
    search += "</span>"
    if display:  # one wider than the screen scrolls sideways: a11y.js
        # makes it focusable then, like every such box
        return f'<div class="math math-display">{svg}{search}</div>'
    return f'<span class="math math-inline">{svg}{search}</span>'


def tex_error(svg: str) -> bool:
    """MathJax draws bad TeX instead of raising: a parse error becomes an
    `merror` node, an unknown macro is drawn in red."""
    return 'data-mml-node="merror"' in svg or 'fill="red"' in svg


def render_page_math(content: str, where: str = "") -> str:
    counter = iter(range(1, 1_000_000))

    def replace(match: re.Match) -> str:
        display = match["block"] is not None
        tex = html.unescape(match["block"] if display else match["inline"])
        if tex_error(_mathjax(tex, display)):
            log.warning("%s: MathJax cannot render %r", where, tex)
        return render(tex, display, next(counter))

    return MATH.sub(replace, content)


def without_search_text(content: str) -> str:
    return SEARCH_TEXT.sub("", content)


def on_page_content(html_content, page, config, files):
    return render_page_math(html_content, page.file.src_uri)


def on_page_context(context, page, config, nav):
    # the search plugin (a plugin: its handler ran before this hook's) has
    # read the formulas' text; the page itself shows the SVG only
    page.content = without_search_text(page.content)
    return context
