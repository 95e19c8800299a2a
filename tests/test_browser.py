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
from conftest import site_pages

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


def test_print_shows_every_tab(built_site, browser, server):
    page = browser.new_page()
    page.goto(server + "intuition/two-line-picture/", wait_until="networkidle")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """[...document.querySelectorAll('.tabbed-block')]
           .filter(b => getComputedStyle(b).display === 'none').length"""
    )
    assert hidden == 0
    assert not page.locator(".md-sidebar--primary").is_visible()
    page.close()
