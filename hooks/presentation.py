"""How figures and outputs sit on a page: readable on a phone, numbered,
labelled. Snippets print bare SVG through `snippets/show.py`; this hook
dresses it in the built page.

- Every figure keeps its text at least 11 CSS px however narrow the
  screen: its SVG gets a `min-width` worked out from its own viewBox and
  its smallest font size, and sits in a box that scrolls sideways when the
  column is narrower (docs/javascripts/a11y.js adds the scroll cue and
  makes an overflowing box focusable). Without it a figure shrank to the
  column: 4.6-6.7 px text at 360 px.
- Every figure gets a numbered caption from its own <title>: "Figure 2.3"
  on the pages of Part 2 (counted through the part in the order of the
  navigation), "Figure 3" elsewhere (counted on the page), and an id,
  `fig-<name>`, for the text to link to. A link whose text is just
  "Figure" and whose target is a figure - `[Figure](#fig-tl)`, or on
  another page `[Figure](../part-1/chain-rule.md#fig-tl)` - is given
  the number.
- The output of a code block (the plain block markdown-exec prints under
  a block with a file name) is marked `bp-output`; the stylesheet labels
  it "Output".
- Code loses the <span>s of tokens drawn in the code's own colour (names,
  operators, punctuation, whitespace): same look, half the elements a
  phone styles (the stylesheet draws operators and punctuation in the
  code's colour, so the few spans Pygments keeps look the same).
- A code block or output longer than SEARCH_LINES lines stays out of the
  search index (`data-search-exclude`, read by Material's search plugin);
  its title, the file's name, stays in. Whole modules in the index made
  it 237 KiB (gzip) of every page's 400 KiB budget; searching finds the
  prose that explains the code, and short blocks.

Figures are wrapped in <span>s with `display: block`: the Markdown around
a printed SVG often puts it inside a <p>, where a <figure> or a <div>
would end the paragraph and leave stray elements.
"""

import html
import re
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority

MIN_PX = 11  # DESIGN.md: every figure's text at least 11 CSS px
FIGURE = re.compile(
    r"<svg\b(?P<attrs>[^>]*\bclass=\"(?P<cls>bp-(?:figure|plot)\b[^\"]*)\""
    r"[^>]*)>(?P<body>.*?)</svg>",
    re.DOTALL,
)
VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')
TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.DOTALL)
LABELLED = re.compile(r'aria-labelledby="([\w-]+)')
TEXT = re.compile(r"<text\b([^>]*)>")
FONT_SIZE = re.compile(r"font-size:\s*([\d.]+)px|font-size=\"([\d.]+)")
CLASS = re.compile(r'class="([^"]*)"')
STEPPER = '<div class="p1-stepper-figure">'
NUMBER_SLOT = "\x00fig\x00"
SEARCH_LINES = 12
PRE = re.compile(r"<pre\b(?P<attrs>[^>]*)>(?P<body>.*?)</pre>", re.DOTALL)
FIGURE_LINK = re.compile(
    r'<a href="(?P<href>[^"#]*#fig-[\w-]+)">\s*Figure\s*</a>'
)
CODE_START = re.compile(r'<div class="highlight">(<span class="filename">)?')
CODE_END = "</code></pre></div>"
BETWEEN = re.compile(
    r'\s*(<p class="bp-needs">(?:(?!</p>).)*</p>\s*)?', re.DOTALL
)

# Highlighted code: a name (`n`), an operator (`o`) and punctuation (`p`)
# are drawn in the code's own colour and whitespace (`w`) in none, so
# their <span>s only cost elements (over half the spans on the heaviest
# pages)
PLAIN_TOKEN = re.compile(r'<span class="[nwop]">([^<]*)</span>')

_counts = {}  # page url -> figures on it, in order
_numbers = {}  # (page url, figure id) -> "2.3"


def class_sizes(css):
    """font-size of each class in the figure paint rules (show.FIGURE_CSS)."""
    sizes = {}
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        size = re.search(r"font-size:\s*([\d.]+)px", body)
        if not size:
            continue
        for part in selector.split(","):
            last = part.strip().split()[-1]
            name = last.split(".")[-1] if "." in last else last
            sizes[name] = min(float(size[1]), sizes.get(name, 1e9))
    return sizes


def smallest_font(svg_attrs, body, sizes):
    """The smallest font size (in the SVG's own units) of any of its texts:
    a size written on the text, else the smallest its classes get, else the
    figure's default (`text` in the paint rules; 11 for matplotlib)."""
    plot = "bp-plot" in svg_attrs
    default = 11.0 if plot else sizes.get("text", 15.0)
    smallest = None
    for attrs in TEXT.findall(body):
        own = FONT_SIZE.search(attrs)
        if own:
            size = float(own[1] or own[2])
        else:
            names = (CLASS.search(attrs) or [None, ""])[1].split()
            found = [sizes[n] for n in names if n in sizes]
            size = min(found) if found else default
        smallest = size if smallest is None else min(smallest, size)
    return smallest


def min_width(attrs, body, sizes):
    """CSS px an SVG needs so that its smallest text is MIN_PX."""
    box = VIEWBOX.search(attrs)
    font = smallest_font(attrs, body, sizes)
    if not box or not font:
        return None
    return int(-(-float(box[1]) * MIN_PX // font))  # ceil


def figure_id(attrs):
    """fig-<name> from the SVG's title id: tl-title -> fig-tl."""
    label = LABELLED.search(attrs)
    if not label:
        return None
    return "fig-" + re.sub(r"-(title|t)$", "", label[1])


def dress_figures(content, sizes):
    """Min-width, scroll box, caption slot; returns (html, figure ids)."""
    ids = []
    out, at = [], 0
    for m in FIGURE.finditer(content):
        out.append(content[at : m.start()])
        at = m.end()
        attrs, body = m["attrs"], m["body"]
        width = min_width(attrs, body, sizes)
        if width:
            style = f"min-width:{width}px"
            attrs = (
                re.sub(r'style="', f'style="{style};', attrs, count=1)
                if 'style="' in attrs
                else attrs + f' style="{style}"'
            )
        svg = f"<svg{attrs}>{body}</svg>"
        in_stepper = content[max(0, m.start() - len(STEPPER)) : m.start()]
        fid = figure_id(attrs)
        title = TITLE.search(body)
        if in_stepper == STEPPER or not fid or not title:
            out.append(svg)  # the stepper scrolls and captions itself
            continue
        ids.append(fid)
        caption = title[1].strip()
        out.append(
            f'<span class="bp-fig" id="{fid}" role="figure" '
            f'aria-labelledby="{fid}-caption">'
            f'<span class="bp-scroll">{svg}</span>'
            f'<span class="bp-caption" id="{fid}-caption">'
            f'<span class="bp-fig-num">Figure {NUMBER_SLOT}</span> '
            f"{caption}</span></span>"
        )
    out.append(content[at:])
    return "".join(out), ids


def mark_outputs(content):
    """The block straight after a titled code block (and its note of the
    files it needs) is what that block printed."""
    out, at, titled_end = [], 0, None
    for m in CODE_START.finditer(content):
        titled = m[1] is not None
        if (
            not titled
            and titled_end is not None
            and BETWEEN.fullmatch(content[titled_end : m.start()])
        ):
            out.append(content[at : m.start()])
            out.append('<div class="highlight bp-output">')
            at = m.start() + len('<div class="highlight">')
        end = content.find(CODE_END, m.end())
        titled_end = end + len(CODE_END) if titled and end >= 0 else None
    out.append(content[at:])
    return "".join(out)


def _part(page):
    """'2' for a page of '2. Build an autograd engine', else None."""
    section = page.parent
    while section is not None and section.parent is not None:
        section = section.parent
    title = section.title if section is not None else ""
    number = re.match(r"(\d+)\.", title or "")
    return number[1] if number else None


def on_page_content(content, page, config, files):
    import show  # snippets/ is on sys.path (hooks/snippets_path.py)

    content, ids = dress_figures(content, class_sizes(show.FIGURE_CSS))
    _counts[page.url] = ids
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(ids)
        page.present_anchor_ids.update(f"{i}-caption" for i in ids)
    return mark_outputs(PLAIN_TOKEN.sub(r"\1", content))


def on_nav(nav, config, files):
    _counts.clear()
    _numbers.clear()
    return nav


def _number_all(nav):
    """Figure numbers of every page, in the order of the navigation."""
    seen = {}  # part -> figures so far
    for page in nav.pages:
        ids = _counts.get(page.url, [])
        part = _part(page)
        for n, fid in enumerate(ids, 1):
            if part:
                seen[part] = seen.get(part, 0) + 1
                _numbers[page.url, fid] = f"{part}.{seen[part]}"
            else:
                _numbers[page.url, fid] = str(n)


@event_priority(50)  # before the search plugin reads the page
def on_page_context(context, page, config, nav):
    if not _numbers:
        _number_all(nav)
    numbers = iter(
        [_numbers.get((page.url, f), "?") for f in _counts.get(page.url, [])]
    )
    page.content = re.sub(
        re.escape(NUMBER_SLOT), lambda _: next(numbers), page.content
    )

    def link(m):
        href = html.unescape(m["href"])
        where = urlsplit(urljoin("http://site/" + page.url, href))
        number = _numbers.get((where.path.lstrip("/"), where.fragment))
        if number is None:
            return m[0]
        return f'<a href="{m["href"]}">Figure {number}</a>'

    page.content = FIGURE_LINK.sub(link, page.content)
    page.content = PRE.sub(long_code_unsearched, page.content)
    return context


def long_code_unsearched(m):
    """A <pre> of more than SEARCH_LINES lines, marked to stay out of the
    search index."""
    if m["body"].count("\n") <= SEARCH_LINES or "search-exclude" in m[0]:
        return m[0]
    return f"<pre data-search-exclude{m['attrs']}>{m['body']}</pre>"
