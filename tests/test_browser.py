"""Every page in a real browser, offline: no console errors, no failed or
foreign requests, math rendered, search working.

Uses Playwright with the system Chromium (Debian package `chromium`); never
a browser that Playwright downloads. Skipped, with the reason, when there is
no Chromium, except on CI where that is an error."""

import functools
import http.server
import os
import shutil
import threading
from urllib.parse import urlsplit

import pytest
import static_server
from conftest import ROOT, site_pages

CHROMIUM = os.environ.get("BP_CHROMIUM") or shutil.which("chromium")
if not CHROMIUM:
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install chromium")
    pytest.skip(
        "no Chromium (apt-get install chromium) - browser tests skipped",
        allow_module_level=True,
    )

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page whose errors and off-site requests are recorded."""

    def __init__(self, browser, base):
        self.context = browser.new_context()
        self.problems = []
        host = urlsplit(base).netloc
        self.context.route("**/*", functools.partial(self._route, host))
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.problems.append(f"js: {e}"))
        self.page.on(
            "response",
            lambda r: (
                r.status >= 400
                and self.problems.append(f"HTTP {r.status}: {r.url}")
            ),
        )
        self.page.on(
            "requestfailed",
            lambda r: self.problems.append(f"failed: {r.url} {r.failure}"),
        )

    def _route(self, host, route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            self.problems.append(f"off-site request: {route.request.url}")
            route.abort()

    def _console(self, msg):
        if msg.type == "error":
            self.problems.append(f"console: {msg.text}")

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser, server):
    w = Watched(browser, server)
    yield w
    w.close()


def page_urls(site):
    for path in site_pages(site):
        rel = path.relative_to(site).as_posix()
        yield rel.removesuffix("index.html")


@pytest.fixture(scope="module")
def urls(built_site):
    return list(page_urls(built_site))


def test_every_page_loads_offline_with_math_rendered(
    built_site, server, watched
):
    pages, formulas = list(page_urls(built_site)), 0
    assert pages
    for rel in pages:
        watched.page.goto(server + rel, wait_until="networkidle")
        assert watched.page.title(), rel
        text = watched.page.inner_text("article")
        assert "\\(" not in text and "\\[" not in text, f"raw TeX on {rel}"
        shown = [
            s
            for s in watched.page.locator(".math svg").all()[:20]
            if s.is_visible()
        ]  # not in a closed block or hidden tab
        for svg in shown[:10]:
            box = svg.bounding_box()
            assert box and box["width"] > 0 and box["height"] > 0, rel
            assert svg.get_attribute("aria-label"), rel
            formulas += 1
    assert formulas > 0, "no rendered math found on any page"
    assert not watched.problems, "\n".join(watched.problems)


# a11y.js reads every box that may scroll sideways in idle time (one far
# from the screen is not laid out until then) and then says so
BOXES_MARKED = "document.documentElement.dataset.bpBoxes === 'marked'"
SHOW_ALL = ".md-typeset * { content-visibility: visible !important; }"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(built_site, browser, server, scheme):
    """axe-core (shipped inside the pip package, run offline) on every page,
    in both palettes: colour contrast differs between them."""
    axe = axe_api.Axe()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    reports = []
    for rel in page_urls(built_site):
        page.goto(server + rel, wait_until="networkidle")
        page.wait_for_function(BOXES_MARKED)
        unmarked = [c for c in page.evaluate(SCROLL_CUES)
                    if c["tab"] != 0 or not c["name"]]  # fmt: skip
        if unmarked:
            reports.append(f"{rel}: boxes that scroll, unmarked {unmarked}")
        # axe scrolls to an element and reads its colours at once, before
        # the browser paints a block it skipped (content-visibility): it
        # checks the page as painted everywhere, as a reader sees it
        page.add_style_tag(content=SHOW_ALL)
        results = axe.run(page)
        if results.violations_count:
            reports.append(f"{rel}:\n{results.generate_report()}")
    context.close()
    assert not reports, "\n".join(reports)[:6000]


def test_search_finds_a_known_word(server, watched):
    page = watched.page
    page.goto(server, wait_until="networkidle")
    page.keyboard.press("/")  # the theme's search shortcut
    page.locator("input.md-search__input").type("sigmoid", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert "sigmoid" in results.first.inner_text().lower()
    assert not watched.problems, "\n".join(watched.problems)


def test_pages_fit_a_360px_phone(built_site, browser, server):
    """Nothing makes the page scroll sideways on a small phone; code blocks
    and wide tables may scroll inside themselves."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    too_wide = []
    for rel in page_urls(built_site):
        page.goto(server + rel, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:  # measure again once layout has surely settled
            page.wait_for_timeout(1000)
            width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide.append(f"{rel}: {width}px")
    context.close()
    assert not too_wide, too_wide


def test_the_site_works_from_a_sub_path(built_site, browser):
    """As on GitHub Pages: https://user.github.io/backprop/..."""
    httpd, base = static_server.serve(built_site, prefix="/backprop/")
    w = Watched(browser, base)
    try:
        for rel in ["", *list(page_urls(built_site))[1:4]]:
            w.page.goto(base + rel, wait_until="networkidle")
            assert "Backpropagation" in w.page.title()
        w.page.goto(base, wait_until="networkidle")
        w.page.locator("a.md-footer__link--next").click()
        w.page.wait_for_load_state("networkidle")
        assert w.page.url.startswith(base) and w.page.url != base
        assert not w.problems, "\n".join(w.problems)
    finally:
        w.close()
        httpd.shutdown()


# ---- paper -----------------------------------------------------------------

PRINT_STATE = """() => {
  const shown = e => e.getClientRects().length > 0
    && getComputedStyle(e).visibility !== 'hidden';
  const box = e => e.getBoundingClientRect();
  const sets = [...document.querySelectorAll('.tabbed-set')];
  // content that spills out of its tab's box is drawn over what follows
  const spills = [];
  for (const set of sets) {
    for (const block of set.querySelectorAll(
        ':scope > .tabbed-content > .tabbed-block')) {
      if (!shown(block)) continue;
      const bottom = box(block).bottom + 1;
      for (const e of block.querySelectorAll('svg, table, pre, p'))
        if (shown(e) && box(e).height > 0 && box(e).bottom > bottom)
          spills.push(e.tagName);
    }
  }
  const code = sets
    .filter(s => s.querySelector(':scope > input[id^="exec-"]'))
    .filter(s => shown(s.querySelector(
      ':scope > .tabbed-content > .tabbed-block:nth-child(2)'))).length;
  const closed = [...document.querySelectorAll('details:not([open])')]
    .filter(shown).length;
  const plumbing = [...document.querySelectorAll(
    '.bp-page-code, .bp-needs, .md-sidebar, .md-header')].filter(shown);
  const right = box(document.querySelector('article')).right + 1;
  const wide = [...document.querySelectorAll('.bp-fig svg')]
    .filter(s => box(s).right > right).length;
  // colours: every piece of printed text, and the figures' fills
  const inks = new Set();
  for (const e of document.querySelectorAll(
      'article p, article li, article td, article code span, article a,'
      + ' article svg text, .bp-caption')) {
    if (shown(e)) inks.add(getComputedStyle(e).color
                           + '|' + getComputedStyle(e).fill);
  }
  const fills = [...document.querySelectorAll(
    '.bp-fig .bp-fwd, .bp-fig .bp-bwd, .bp-fig .bp-box')]
    .filter(shown).map(e => getComputedStyle(e).fill);
  return {spills: spills.length, code, closed, wide,
          plumbing: plumbing.length,
          bg: getComputedStyle(document.body).backgroundColor,
          inks: [...inks], fills};
}"""


def luminance(css_colour):
    """Relative luminance (WCAG) of rgb(...)/rgba(...) text."""
    import re

    r, g, b = [float(v) / 255 for v in re.findall(r"[\d.]+", css_colour)[:3]]

    def lin(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def print_state(browser, url, scheme):
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": 760, "height": 1000}
    )
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    page.wait_for_timeout(300)  # the theme's colour transitions
    state = page.evaluate(PRINT_STATE)
    png = page.screenshot(full_page=True)
    context.close()
    return state, png


def mean_luminance(png):
    """Mean grey level (0-255) of a screenshot."""
    import io

    from PIL import Image, ImageStat

    return ImageStat.Stat(Image.open(io.BytesIO(png)).convert("L")).mean[0]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "rel",
    ["intuition/two-line-picture/", "part-1/exercises/",
     "reference/cheat-sheet/", "part-1/computational-graphs/"],
)  # fmt: skip
def test_print_is_the_lesson_on_white_paper(browser, server, rel, scheme):
    """Printed (print emulation): no Code tab drawn over its figure, only
    the tab on show printed, closed blocks (solutions, full listings, the
    cheat sheet's generator) left out, no site chrome or download notes,
    figures within the paper, and the light palette even from dark mode."""
    state, png = print_state(browser, server + rel, scheme)
    assert state["spills"] == 0, f"{rel}: a tab drawn over the next"
    assert state["code"] == 0, f"{rel}: a Code tab is printed"
    assert state["closed"] == 0, f"{rel}: a closed block is printed"
    assert state["plumbing"] == 0, f"{rel}: site chrome or download notes"
    assert state["wide"] == 0, f"{rel}: a figure is wider than the paper"
    assert luminance(state["bg"]) > 0.95, f"{rel}: paper is {state['bg']}"
    white = "rgb(255, 255, 255)"
    faint = [
        ink
        for ink in state["inks"]
        for colour in ink.split("|")
        if colour.startswith("rgb") and contrast(colour, white) < 4.5
        and "(0, 0, 0, 0)" not in colour
    ]  # fmt: skip
    assert not faint, f"{rel}: text too faint on white paper: {faint}"
    dark = [f for f in state["fills"] if luminance(f) < 0.5]
    assert not dark, f"{rel}: dark-palette fills on paper: {dark}"
    assert mean_luminance(png) > 200, f"{rel}: the printout is dark"


def test_print_keeps_every_stage_of_a_tabbed_lesson(browser, server):
    """Tabs that are the lesson (a graph in three stages) all print."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(
        server + "part-1/computational-graphs/", wait_until="networkidle"
    )
    page.emulate_media(media="print")
    shown = page.evaluate(
        """[...document.querySelectorAll('.tabbed-set')]
           .filter(s => !s.querySelector(':scope > input[id^="exec-"]'))
           .map(s => [...s.querySelectorAll(
             ':scope > .tabbed-content > .tabbed-block')]
             .filter(b => b.getClientRects().length).length)"""
    )
    context.close()
    assert shown and all(n >= 3 for n in shown), shown


# ---- phone -----------------------------------------------------------------

FIGURE_TEXT = """() => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  const style = document.createElement('style');  // every tab on show
  style.textContent = '.tabbed-block { display: block !important; }';
  document.head.appendChild(style);
  const out = [];
  for (const svg of document.querySelectorAll('svg.bp-figure, svg.bp-plot')) {
    const scale = svg.getScreenCTM().a;  // the SVG's units -> CSS px
    let smallest = Infinity, texts = 0;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.getClientRects().length) continue;
      texts++;
      smallest = Math.min(smallest,
        parseFloat(getComputedStyle(t).fontSize) * scale);
    }
    const box = svg.closest('.bp-scroll, .p1-stepper-figure');
    out.push({name: svg.getAttribute('aria-labelledby'), texts, smallest,
      overflows: box ? box.scrollWidth > box.clientWidth + 1 : null,
      scrolls: box ? getComputedStyle(box).overflowX : null});
  }
  return out;
}"""
SCROLL_CUES = """() => [...document.querySelectorAll(
    '.bp-scroll, .md-typeset__scrollwrap, .math-display, .bp-code > code')]
  .filter(b => b.scrollWidth > b.clientWidth + 1)
  .map(b => ({cue: b.dataset.scroll || null, tab: b.tabIndex,
              name: b.getAttribute('aria-label'),
              mask: getComputedStyle(b).maskImage}))"""


def test_figure_text_is_at_least_11px_on_a_360px_phone(built_site, browser,
                                                       server):  # fmt: skip
    """Every figure's text, measured on the rendered SVG (font size times
    the SVG's scale), is at least 11 CSS px at 360 px wide: a figure (or a
    table) wider than the screen scrolls sideways inside its own box, which
    shows a cue (a fading edge) and takes keyboard focus."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    small, figures, no_cue, scrolled = [], 0, [], 0
    for rel in page_urls(built_site):
        page.goto(server + rel, wait_until="networkidle")
        page.wait_for_function(BOXES_MARKED)
        for cue in page.evaluate(SCROLL_CUES):
            scrolled += 1
            if cue["cue"] != "start" or cue["tab"] != 0 or not cue["name"] \
                    or cue["mask"] in ("none", ""):  # fmt: skip
                no_cue.append(f"/{rel}: {cue}")
        for fig in page.evaluate(FIGURE_TEXT):
            figures += 1
            assert fig["texts"], f"/{rel}: {fig['name']} has no text"
            if fig["smallest"] < 11 - 0.01:
                small.append(f"/{rel} {fig['name']}: {fig['smallest']:.1f}px")
            if fig["overflows"]:
                assert fig["scrolls"] in ("auto", "scroll"), fig
    context.close()
    assert not small, "figure text under 11 px at 360 px:\n" + "\n".join(small)
    assert figures > 30 and scrolled > 5, (figures, scrolled)
    assert not no_cue, "\n".join(no_cue)


def test_the_stepper_keeps_a_step_and_its_inputs_in_view(browser, server):
    """On a phone the stepper's graph scrolls; each step brings into view
    the node it fills in and the nodes its value (or gradient) comes
    from, where both fit on the screen."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(server + "part-1/step-through-it/", wait_until="networkidle")
    box = page.locator(".p1-stepper-figure").first
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    hidden = []
    steps = page.evaluate(
        "JSON.parse(document.querySelector('[data-p1-stepper]')"
        ".dataset.steps).length"
    )
    for step in range(steps):
        seen = page.evaluate(
            """() => {
              const fig = document.querySelector('.p1-stepper-figure');
              const c = fig.getBoundingClientRect();
              const inView = e => { const r = e.getBoundingClientRect();
                return r.left >= c.left - 1 && r.right <= c.right + 1; };
              const svg = fig.querySelector('svg');
              const node = svg.querySelector('.bp-node.bp-active');
              const ends = [...svg.querySelectorAll('.p1-edge-active')]
                .map(e => svg.querySelector('.bp-node[data-node="' +
                  (e.getAttribute('data-to') === node.dataset.node
                   ? e.getAttribute('data-from') : e.getAttribute('data-to'))
                  + '"]'));
              const span = [node, ...ends].map(e => e.getBoundingClientRect());
              const fits = Math.max(...span.map(r => r.right))
                         - Math.min(...span.map(r => r.left)) <= c.width;
              return {node: inView(node), ends: ends.every(inView), fits,
                      name: node.dataset.node};
            }"""
        )
        if not seen["node"] or (seen["fits"] and not seen["ends"]):
            hidden.append(f"step {step + 1}: {seen}")
        page.locator(".p1-stepper").first.press("ArrowRight")
    context.close()
    assert not hidden, "\n".join(hidden)


def contrast(fg, bg):
    a, b = sorted([luminance(fg), luminance(bg)], reverse=True)
    return (a + 0.05) / (b + 0.05)


def blended(element_handle):
    """An element's text colour over its background, with its opacity."""
    return element_handle.evaluate(
        """e => {
          const rgba = c => c.match(/[\\d.]+/g).map(Number);
          let bg = [0, 0, 0, 0];
          for (let n = e; n && bg[3] === 0; n = n.parentElement) {
            const c = rgba(getComputedStyle(n).backgroundColor);
            if ((c[3] ?? 1) > 0) bg = [c[0], c[1], c[2], c[3] ?? 1];
          }
          if (bg[3] === 0) bg = [255, 255, 255, 1];
          let op = 1;
          for (let n = e; n; n = n.parentElement)
            op *= parseFloat(getComputedStyle(n).opacity);
          const f = rgba(getComputedStyle(e).color);
          const a = (f[3] ?? 1) * op;
          const mix = f.slice(0, 3).map((v, i) => v * a + bg[i] * (1 - a));
          return ['rgb(' + mix.map(Math.round).join(',') + ')',
                  'rgb(' + bg.slice(0, 3).join(',') + ')'];
        }"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_disabled_controls_and_section_names_read(browser, server, scheme):
    """A control that is off (the stepper's « Start and ◀ Back on its first
    step) keeps its text readable, 4.5:1; section names in the sidebar are
    in the text colour, not a grey that looks disabled."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "part-1/step-through-it/", wait_until="networkidle")
    off = page.locator(".p1-stepper-controls button:disabled")
    steppers = page.locator(".p1-stepper").count()
    assert steppers >= 1 and off.count() == 2 * steppers  # « Start, ◀ Back
    for i in range(off.count()):
        fg, bg = blended(off.nth(i).element_handle())
        assert contrast(fg, bg) >= 4.5, (off.nth(i).inner_text(), fg, bg)
    page.goto(server + "intuition/", wait_until="networkidle")
    body = page.evaluate(
        "getComputedStyle(document.querySelector('.md-typeset')).color"
    )
    names = page.locator(".md-nav--primary .md-nav__item--section > "
                         ".md-nav__link")  # fmt: skip
    assert names.count() >= 1
    for i in range(names.count()):
        fg, bg = blended(names.nth(i).element_handle())
        assert contrast(fg, bg) >= 7 or fg == body, (fg, bg)
    context.close()


# ---- the 404 page, notebooks, palette, navigation --------------------------


def test_404_page_links_home_from_a_sub_path(built_site, browser):
    """A static host sends 404.html for any missing address; under a
    sub-path built without SITE_URL its links must still reach the site."""

    class Missing(static_server.Handler):
        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (built_site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    Missing.prefix = "/backprop/"
    handler = functools.partial(Missing, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/backprop/"
    w = Watched(browser, base)
    try:
        for missing in ("no-such-page/", "part-1/no/such/page"):
            w.page.goto(base + missing, wait_until="networkidle")
            assert "Not in the working" in w.page.inner_text("h1")
            home = w.page.locator("a#home")
            home.wait_for()
            w.page.wait_for_function(
                f"document.querySelector('a#home').href === '{base}'",
                timeout=5000,
            )
            home.click()
            w.page.wait_for_load_state("networkidle")
            assert w.page.url == base
            assert "Backpropagation" in w.page.title()
        off_site = [p for p in w.problems if "off-site" in p or "js:" in p]
        assert not off_site, off_site
    finally:
        w.close()
        httpd.shutdown()


@pytest.mark.parametrize("notebook", ["backprop-by-hand", "train-a-network"])
def test_notebook_pages_work_like_the_others(browser, server, notebook):
    """Every code cell has the theme's copy button, which copies the cell;
    the modules open as downloads; in the dark palette the plot is not a
    white card, and no white box stands in for it before it loads."""
    context = browser.new_context(color_scheme="dark")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + f"notebooks/{notebook}/", wait_until="networkidle")
    cells = page.locator(".jp-CodeCell .highlight pre code")
    buttons = page.locator(".jp-CodeCell .md-code__button[data-md-type=copy]")
    assert cells.count() > 3 and buttons.count() == cells.count()
    buttons.nth(1).click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == cells.nth(1).inner_text().strip()
    for link in page.locator("article a[href$='.py']").all():
        assert link.get_attribute("download") is not None, link
    image = page.locator(".jp-OutputArea-output img").first
    assert image.evaluate("i => getComputedStyle(i).backgroundColor") in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "document.querySelector('.jp-OutputArea-output img').complete"
    )
    assert mean_luminance(image.screenshot()) < 90, "a white card"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_first_palette_click_changes_the_palette(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server, wait_until="networkidle")

    def background():
        return page.evaluate("getComputedStyle(document.body).backgroundColor")

    seen = [background()]
    for _ in range(2):
        page.locator("form[data-md-component=palette] label:visible").click()
        page.wait_for_timeout(100)
        seen.append(background())
    context.close()
    assert seen[0] != seen[1] != seen[2], seen
    assert (luminance(seen[0]) > 0.5) == (scheme == "light"), seen


def test_navigation_shows_where_you_are(built_site, browser, server):
    """The parts are tabs along the top; the sidebar holds one part; a line
    over the title says which part and which page of it; the home page
    leads with the two-line picture and a Start here button."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server + "part-2/backward-loop/", wait_until="networkidle")
    tabs = page.locator(".md-tabs__link")
    assert tabs.count() >= 8
    assert tabs.all_inner_texts()[2:6] == ["Part 1", "Part 2", "Part 3",
                                           "Part 4"]  # fmt: skip
    active = page.locator(".md-tabs__item--active").inner_text().strip()
    assert active == "Part 2"
    nav = (ROOT / "mkdocs.yml").read_text().splitlines()
    pages = [line for line in nav
             if ": part-2/" in line and "index.md" not in line]  # fmt: skip
    assert page.locator(".bp-where").inner_text().split() == [
        "Part", "2", "·", "Build", "an", "autograd", "engine", "·", "page",
        "2", "of", str(len(pages))]  # fmt: skip
    sidebar = page.locator(".md-sidebar--primary .md-nav__link:visible")
    assert 5 <= sidebar.count() <= 12, sidebar.all_inner_texts()
    page.goto(server, wait_until="networkidle")
    start = page.get_by_role("link", name="Start here")
    first_figure = page.locator("article .bp-fig").first
    first_h2 = page.locator("article h2").first
    assert start.bounding_box()["y"] < first_figure.bounding_box()["y"]
    assert first_figure.bounding_box()["y"] < first_h2.bounding_box()["y"]
    cards = page.locator(".grid.cards > ul > li strong a").all_inner_texts()
    sections = [t for t in tabs.all_inner_texts() if t != "Home"]
    assert len(cards) == len(sections) == 8, (cards, sections)  # each part
    start.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("intuition/exam-hall/")
    page.close()


INDICATOR = """set => {
  const bar = set.querySelector('.tabbed-labels');
  const i = [...set.querySelectorAll(':scope > input')].findIndex(
    input => input.checked);
  const label = bar.children[i];
  const line = getComputedStyle(bar, '::before');
  return {width: parseFloat(line.width), label: label.offsetWidth,
          x: new DOMMatrix(line.transform).m41, left: label.offsetLeft};
}"""


def test_the_tab_indicator_follows_the_chosen_tab(browser, server):
    """extra.css registers the theme's indicator properties as not
    inherited (a write then restyles only the label bar): the line under
    the tabs must still sit under the chosen one, before and after a
    click."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server + "part-1/network-by-hand/", wait_until="networkidle")
    tabs = page.locator(".tabbed-set").first
    tabs.scroll_into_view_if_needed()
    for click in (None, 1, 0):
        if click is not None:
            tabs.locator(".tabbed-labels > label").nth(click).click()
        page.wait_for_timeout(600)  # the theme's 225 ms transition
        at = tabs.evaluate(INDICATOR)
        assert at["width"] == at["label"] > 0, (click, at)
        assert abs(at["x"] - at["left"]) < 1, (click, at)
    page.close()


def test_typography(browser, server):
    """The title in the text colour and a reading weight; "What you will
    learn" at body size; glossary links in the text's colour with a dotted
    line; inline math as tall as the text around it (within 10 %); lines
    of prose under 90 characters where the table of contents is hidden."""
    page = browser.new_page()
    page.goto(server + "part-2/", wait_until="networkidle")
    s = page.evaluate(
        """() => {
          const css = (sel, p) => getComputedStyle(
            document.querySelector(sel))[p];
          const glossary = document.querySelector(
            '.admonition.abstract a[href*="glossary/#"]');
          return {h1: css('.md-typeset h1', 'color'),
                  weight: css('.md-typeset h1', 'fontWeight'),
                  text: css('.md-typeset > p:not([class])', 'color'),
                  body: css('.md-typeset > p:not([class])', 'fontSize'),
                  box: css('.admonition.abstract li', 'fontSize'),
                  link: getComputedStyle(glossary).color,
                  line: getComputedStyle(glossary).textDecorationStyle,
                  boxText: getComputedStyle(glossary.parentElement).color};
        }"""
    )
    assert s["h1"] == s["text"] and int(s["weight"]) >= 600, s
    assert s["box"] == s["body"], s
    assert s["link"] == s["boxText"] and s["line"] == "dotted", s
    page.goto(server + "part-3/linear-layer/", wait_until="networkidle")
    ratio = page.evaluate(
        """() => {
          // a capital alone in a formula against the text's capitals
          const svg = [...document.querySelectorAll('.math-inline svg')]
            .find(s => /^[A-Z]$/.test(s.getAttribute('aria-label')));
          const p = svg.closest('p');
          const probe = document.createElement('span');
          probe.textContent = 'H';
          p.appendChild(probe);
          const r = document.createRange();
          r.selectNodeContents(probe);
          const em = parseFloat(getComputedStyle(p).fontSize);
          const inkCap = 0.72 * em;  // a sans-serif capital's height
          const glyph = svg.getBoundingClientRect().height;
          probe.remove();
          return glyph / inkCap;
        }"""
    )
    assert 0.9 < ratio < 1.12, ratio
    for rel in ("reference/cheat-sheet/", "reference/notation/"):
        page.goto(server + rel, wait_until="networkidle")
        widest = page.evaluate(
            """() => Math.max(...[...document.querySelectorAll(
                 '.md-typeset > p:not([class])')].map(p => {
              // characters on the first line of the paragraph
              const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
              const r = document.createRange();
              let count = 0, top = null;
              for (let t = walk.nextNode(); t; t = walk.nextNode()) {
                for (let i = 0; i < t.length; i++) {
                  r.setStart(t, i); r.setEnd(t, i + 1);
                  const box = r.getBoundingClientRect();
                  if (!box.height) continue;
                  if (top === null) top = box.top;
                  if (box.top > top + box.height / 2) return count;
                  count++;
                }
              }
              return 0;  // one line: no measure to judge
            }))"""
        )
        assert widest < 90, f"{rel}: {widest:.0f} characters a line"
    page.close()


CODE_LOOK = """() => {
  const props = ['display', 'paddingTop', 'paddingRight', 'paddingBottom',
    'paddingLeft', 'margin', 'overflowX', 'overflowY', 'fontSize',
    'fontFamily', 'lineHeight', 'color', 'backgroundColor', 'whiteSpace',
    'wordBreak', 'borderTopLeftRadius', 'borderTopRightRadius',
    'borderBottomLeftRadius', 'borderBottomRightRadius', 'boxShadow',
    'scrollbarWidth', 'scrollbarColor', 'outlineColor', 'touchAction'];
  return [...document.querySelectorAll('article pre code')].map(code => {
    const pre = code.closest('pre'), block = pre.closest('.tabbed-block');
    if (block) {  // show the block's tab, so it is laid out
      const set = block.closest('.tabbed-set');
      const i = [...block.parentElement.children].indexOf(block);
      set.querySelectorAll(':scope > input')[i].checked = true;
    }
    const style = getComputedStyle(code), box = code.getBoundingClientRect();
    return [pre.id, ...props.map(p => style[p]),
            Math.round(box.width), Math.round(box.height)].join(' | ');
  });
}"""

CODE_PAGES = [
    "part-1/network-by-hand/",
    "part-1/exercises/",
    "notebooks/backprop-by-hand/",
    "reference/cheat-sheet/",
]

UNWRAP = """() => document.querySelectorAll('article pre > .bp-code')
  .forEach(wrap => wrap.replaceWith(...wrap.childNodes))"""


@pytest.mark.parametrize("width, scheme", [(1280, "light"), (360, "dark")])
def test_code_blocks_render_as_the_theme_renders_them(browser, server, width,
                                                       scheme):  # fmt: skip
    """hooks/code_blocks.py wraps each <code> in <span class="bp-code"> so
    the theme's start-up work skips it; the stylesheet copies the theme's
    `pre > code` rules. Unwrapped again, so the theme's own rules apply,
    every block must look the same: same computed style, same size. Pages
    with code in tabs, outputs, exercises, a notebook, a narrow column."""
    context = browser.new_context(viewport={"width": width, "height": 800},
                                  color_scheme=scheme)  # fmt: skip
    page = context.new_page()
    for rel in CODE_PAGES:
        page.goto(server + rel, wait_until="networkidle")
        ours = page.evaluate(CODE_LOOK)
        page.evaluate(UNWRAP)
        assert page.locator("article pre > code").count() == len(ours) > 3
        theirs = page.evaluate(CODE_LOOK)
        assert ours == theirs, (rel, [(a, b) for a, b in zip(ours, theirs)
                                      if a != b][:3])  # fmt: skip
    context.close()


def test_copy_buttons_copy_their_block(browser, server):
    """Built into the page (hooks/code_blocks.py), the copy button of a
    block in a hidden Code tab, of an output and of a solution copies that
    block's text, and the theme says so."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "part-1/network-by-hand/", wait_until="networkidle")
    code_tab = page.locator(".tabbed-set").first.locator("label").nth(1)
    assert code_tab.inner_text().strip() == "Code"
    code_tab.click()
    checked = 0
    for pre in page.locator("article pre").all():
        if not pre.is_visible():
            continue
        pre.hover()
        pre.locator(".md-code__button[data-md-type=copy]").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == pre.locator("code").inner_text().rstrip(), pre
        checked += 1
    assert checked >= 4
    assert "Copied to clipboard" in page.locator(".md-dialog").inner_text()
    context.close()
