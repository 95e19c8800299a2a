"""The "Step through it" page in a real browser: the stepper starts at an
input, reveals values in topological order, then gradients in reverse
order, and ends on the gradient the computation gives."""

import re
from urllib.parse import unquote, urlsplit

import pytest
from test_browser import browser, server, watched  # noqa: F401

pytestmark = pytest.mark.browser
PAGE = "part-1/step-through-it/"

STATE = """box => {
  const svg = box.querySelector("svg");
  const shown = cls => [...svg.querySelectorAll(".bp-" + cls)]
    .filter(t => !t.classList.contains("p1-hidden"))
    .map(t => t.closest(".bp-node").dataset.node);
  const active = [...svg.querySelectorAll(".bp-node.bp-active")]
    .map(g => g.dataset.node);
  const grad = id => svg.querySelector(
    `.bp-node[data-node="${id}"] .bp-grad`).textContent;
  const edges = [...svg.querySelectorAll(".bp-edge")]
    .map(e => [e.dataset.from, e.dataset.to]);
  return {values: shown("value"), grads: shown("grad"), active, edges,
          rule: box.querySelector(".p1-stepper-rule").textContent,
          status: box.querySelector(".p1-stepper-status").textContent,
          lastGrad: active.length ? grad(active[0]) : null};
}"""


def state(page):
    return page.locator("[data-p1-stepper]").evaluate(STATE)


def open_stepper(watched, server):  # noqa: F811
    watched.page.goto(server + PAGE, wait_until="networkidle")
    return watched.page


def test_stepper_walks_forward_then_backward(server, watched):  # noqa: F811
    page = open_stepper(watched, server)
    s = state(page)
    parents = {}
    for src, dst in s["edges"]:
        parents.setdefault(dst, set()).add(src)
    n_nodes = len({n for e in s["edges"] for n in e})
    # starts at an input: one node lit, its value shown, nothing else
    assert s["active"] == s["values"] and s["grads"] == []
    assert s["active"][0] not in parents and "input" in s["rule"]
    order = [s["active"][0]]
    nxt = page.get_by_role("button", name="Next ▶")
    for _ in range(n_nodes - 1):  # forward: every value after its inputs
        nxt.click()
        s = state(page)
        node = s["active"][0]
        assert parents.get(node, set()) <= set(order), node
        assert set(s["values"]) == set(order) | {node} and s["grads"] == []
        assert "Forward" in s["status"]
        order.append(node)
    back = []
    for _ in range(n_nodes):  # backward: every gradient after its users'
        nxt.click()
        s = state(page)
        node = s["active"][0]
        users = {d for src, d in s["edges"] if src == node}
        assert users <= set(back), node
        assert set(s["grads"]) == set(back) | {node}
        assert "Backward" in s["status"] and "∂f/∂" + node in s["rule"]
        back.append(node)
    assert back == order[::-1]
    assert nxt.is_disabled()
    # the last gradient shown: df/dx for f = (x + y)·y·z at (1.5, -2, 3),
    # by central difference here, not read from the page's data
    f = lambda x, y, z: (x + y) * y * z  # noqa: E731
    h = 1e-6
    dx = (f(1.5 + h, -2.0, 3.0) - f(1.5 - h, -2.0, 3.0)) / (2 * h)
    assert back[-1] == "x" and s["lastGrad"] == f"∂ {dx:.4f}"
    assert not watched.problems, "\n".join(watched.problems)


def test_stepper_keyboard(server, watched):  # noqa: F811
    page = open_stepper(watched, server)
    box = page.locator("[data-p1-stepper]")
    box.focus()
    page.keyboard.press("End")
    end = state(page)
    assert len(end["grads"]) == len(end["values"]) > 0
    page.keyboard.press("ArrowLeft")
    assert len(state(page)["grads"]) == len(end["grads"]) - 1
    page.keyboard.press("Home")
    start = state(page)
    assert len(start["values"]) == 1 and start["grads"] == []
    page.keyboard.press("ArrowRight")
    assert len(state(page)["values"]) == 2
    assert not watched.problems, "\n".join(watched.problems)


def test_stepper_survives_instant_navigation(browser, built_site):  # noqa: F811
    """Material loads pages in place only under its site_url, so the pages
    are served at that origin straight from disk (no port is bound)."""
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    home = re.search(r"<loc>([^<]+)</loc>", sitemap)[1]  # site_url
    host, prefix = urlsplit(home).netloc, urlsplit(home).path
    problems, context = [], browser.new_context()

    def serve(route):
        url = urlsplit(route.request.url)
        path = built_site / unquote(url.path).removeprefix(prefix)
        if url.netloc != host or not url.path.startswith(prefix):
            problems.append(f"off-site request: {route.request.url}")
            return route.abort()
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return route.fulfill(status=404, body="")
        return route.fulfill(path=str(path))

    context.route("**/*", serve)
    page = context.new_page()
    page.on("pageerror", lambda e: problems.append(f"js: {e}"))
    page.goto(home + "part-1/computational-graphs/", wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.p1Marker = 1")  # survives only an in-place load
    page.locator("article a[href$='step-through-it/']").last.click()
    page.wait_for_selector(".p1-stepper-status")
    assert page.evaluate("location.pathname").endswith(PAGE)
    assert page.evaluate("window.p1Marker") == 1, "not an instant load"
    assert page.locator(".p1-stepper-controls").count() == 1
    assert "input" in state(page)["rule"]
    page.get_by_role("button", name="Next ▶").click()
    assert len(state(page)["values"]) == 2
    page.go_back()
    page.wait_for_url("**/computational-graphs/**")
    page.go_forward()
    page.wait_for_selector(".p1-stepper-status")
    assert page.locator(".p1-stepper-controls").count() == 1
    context.close()
    assert not problems, "\n".join(problems)


PART1 = ["", "derivatives-as-nudges/", "chain-rule/", "computational-graphs/",
         "step-through-it/", "gate-patterns/", "staged-computation/",
         "network-by-hand/"]  # fmt: skip


def test_part1_pages_fit_a_phone_and_have_no_stray_annotations(
    server,  # noqa: F811
    watched,  # noqa: F811
):
    """A comment like `# (1)` in a snippet becomes a Material code
    annotation (a stray tooltip that widens the page); every page must also
    fit a 390 px wide screen without sideways scrolling."""
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 800})
    for rel in PART1:
        page.goto(server + "part-1/" + rel, wait_until="networkidle")
        assert page.locator(".md-annotation").count() == 0, rel
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{rel}: {width} px wide"
    assert not watched.problems, "\n".join(watched.problems)
