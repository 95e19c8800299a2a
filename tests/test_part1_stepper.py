"""The "Step through it" page in a real browser: two steppers (the graph of
f = (x + y)·(y·z) and the 2-2-2 network). Each reveals the inputs at once,
then values in topological order, then gradients one wire at a time in
reverse order, adding every share; before each backward number it asks for
a prediction and judges it to 3 significant figures. Numbers are checked
against values derived here (by hand and by central differences), never
read from the page's data."""

import math
import re
from urllib.parse import unquote, urlsplit

import pytest
from test_browser import browser, server, watched  # noqa: F401

pytestmark = pytest.mark.browser
PAGE = "part-1/step-through-it/"
H = 1e-6

STATE = """box => {
  const svg = box.querySelector("svg");
  const visible = e => !e.closest(".p1-hidden");
  const shown = cls => [...svg.querySelectorAll(".bp-" + cls)]
    .filter(visible).map(t => t.closest(".bp-node").dataset.node);
  const grads = {};
  svg.querySelectorAll(".bp-grad").forEach(t => {
    if (visible(t)) grads[t.closest(".bp-node").dataset.node] = t.textContent;
  });
  const carries = {};
  svg.querySelectorAll(".bp-carry").forEach(c => {
    if (visible(c)) carries[c.dataset.edge] = c.textContent;
  });
  const wire = e => [e.dataset.from, e.dataset.to];
  const form = box.querySelector(".p1-stepper-ask");
  return {
    values: shown("value"), grads, carries,
    active: [...svg.querySelectorAll(".bp-node.bp-active")]
      .map(g => g.dataset.node),
    activeWires: [...svg.querySelectorAll(".bp-edge.p1-edge-active")]
      .map(e => e.dataset.edge),
    edges: [...svg.querySelectorAll(".bp-edge")].map(wire),
    rule: box.querySelector(".p1-stepper-rule").textContent,
    status: box.querySelector(".p1-stepper-status").textContent,
    verdict: box.querySelector(".p1-stepper-verdict").textContent,
    asking: !form.hidden && !box.querySelector("input").readOnly,
    focus: box.contains(document.activeElement) ?
      (document.activeElement.textContent || document.activeElement.tagName)
      : document.activeElement.tagName,
  };
}"""


def state(page, k=0):
    return page.locator("[data-p1-stepper]").nth(k).evaluate(STATE)


def stepper(page, k):
    box = page.locator("[data-p1-stepper]").nth(k)
    return box, box.get_by_role("button", name="Next ▶"), box.locator("input")


def number(grad_text):  # "∂ -7.5000" -> -7.5
    return float(grad_text.removeprefix("∂ "))


def f(x, y, z):
    return (x + y) * y * z


POINT = (1.5, -2.0, 3.0)


def central(fn, args, i):
    up, down = list(args), list(args)
    up[i] += H
    down[i] -= H
    return (fn(*up) - fn(*down)) / (2 * H)


# the 2-2-2 network, from its definition on "A network worked by hand"
X, T = (0.8, 0.2), (0.1, 0.9)
WH = ((0.3, -0.4, 0.1), (0.6, 0.1, -0.2))  # w1, w2, b1; w3, w4, b2
WO = ((0.7, -0.5, 0.05), (0.2, 0.9, -0.1))  # w5, w6, b3; w7, w8, b4


def sig(z):
    return 1 / (1 + math.exp(-z))


def hidden():
    return [sig(a * X[0] + b * X[1] + c) for a, b, c in WH]


def error_from(h1, h2):  # E as a function of the hidden units' outputs
    o = [sig(a * h1 + b * h2 + c) for a, b, c in WO]
    return sum(0.5 * (oi - ti) ** 2 for oi, ti in zip(o, T))


def open_page(watched, server):  # noqa: F811
    watched.page.goto(server + PAGE, wait_until="networkidle")
    return watched.page


def walk(page, k):
    """Press Next to the end: every state, and the asked states apart."""
    box, nxt, _ = stepper(page, k)
    states = [state(page, k)]
    while not nxt.is_disabled():
        nxt.click()
        states.append(state(page, k))
    return states


def test_graph_stepper_walks_forward_then_backward_one_share_at_a_time(
    server,  # noqa: F811
    watched,  # noqa: F811
):
    page = open_page(watched, server)
    states = walk(page, 0)
    first, edges = states[0], states[0]["edges"]
    parents = {}
    for src, dst in edges:
        parents.setdefault(dst, []).append(src)
    inputs = sorted(
        n for n in {n for e in edges for n in e} if n not in parents
    )
    # the inputs appear together, in one step, and nothing else
    assert sorted(first["values"]) == sorted(first["active"]) == inputs
    assert first["grads"] == {} and "inputs" in first["rule"]
    forward = [s for s in states if "Forward" in s["status"]]
    order = list(inputs)
    for s in forward[1:]:  # every value after its inputs' values
        (node,) = s["active"]
        assert set(parents[node]) <= set(order) and s["grads"] == {}
        order.append(node)
        assert sorted(s["values"]) == sorted(order)
    backward = [s for s in states if "Backward" in s["status"]]
    asked = [s for s in backward if s["asking"]]
    shown = [s for s in backward if not s["asking"]]
    assert len(asked) == len(shown) == 1 + len(edges)  # the seed, each wire
    # before each reveal the asked number is not on the page yet
    for a, s in zip(asked, shown):
        assert a["active"] == s["active"] and "Your turn" in a["rule"]
        (node,) = s["active"]
        assert a["grads"].get(node) != s["grads"][node] or node == "y"
        assert len(s["carries"]) == len(a["carries"]) + (s != shown[0])
    # shares: each wire carries back once, and only after every wire out of
    # its destination has carried its own (reverse topological order)
    done = []
    for s in shown[1:]:
        (k,) = s["activeWires"]
        src, dst = edges[int(k)]
        users = [i for i, (a, _) in enumerate(edges) if a == dst]
        assert all(str(i) in done for i in users), (src, dst)
        done.append(k)
    # y collects two shares: z·∂f/∂r = 3·q = -1.5, then 1·∂f/∂q = r = -6
    x, y, z = POINT
    q, r = x + y, y * z
    y_history = [
        number(s["grads"]["y"]) for s in shown if s["active"] == ["y"]
    ]
    assert y_history == [z * q, z * q + r] == [-1.5, -7.5]
    final = shown[-1]["grads"]
    for i, name in enumerate("xyz"):
        assert abs(number(final[name]) - central(f, POINT, i)) < 1e-4
    assert (number(final["q"]), number(final["r"])) == (r, q)  # the swap
    assert stepper(page, 0)[1].is_disabled()
    assert not watched.problems, "\n".join(watched.problems)


def test_network_stepper_sums_the_shares_of_each_hidden_unit(
    server,  # noqa: F811
    watched,  # noqa: F811
):
    page = open_page(watched, server)
    states = walk(page, 1)
    assert sorted(states[0]["values"]) == ["x1", "x2"]
    shown = [
        s for s in states if "Backward" in s["status"] and not s["asking"]
    ]
    h = hidden()
    for i, name in enumerate(["h1", "h2"]):
        history = [number(s["grads"][name]) for s in shown
                   if s["active"] == [name]]  # fmt: skip
        assert len(history) == 2  # a share from each output unit
        exact = central(error_from, h, i)  # nudge h_i, rerun the outputs
        assert abs(history[-1] - exact) < 1e-4
        assert abs(history[0] - exact) > 1e-3  # one share is not enough
    # the inputs' gradients are exercise 1 on the network page: not shown
    assert "x1" not in shown[-1]["grads"] and "x2" not in shown[-1]["grads"]
    assert not watched.problems, "\n".join(watched.problems)


def test_the_stepper_judges_a_prediction_to_three_figures(
    server,  # noqa: F811
    watched,  # noqa: F811
):
    page = open_page(watched, server)
    box, nxt, field = stepper(page, 1)
    h = hidden()
    dh1 = central(error_from, h, 0)  # 0.0638 by hand on the network page
    while not (state(page, 1)["asking"] and "∂E/∂h1" in
               box.locator("label").text_content()):  # fmt: skip
        nxt.click()
    first_share = state(page, 1)
    field.fill("12 apples")  # not a number: asked again, nothing shown
    field.press("Enter")
    s = state(page, 1)
    assert s["asking"] and "not a number" in s["verdict"]
    field.fill(f"{dh1:.3g}")  # the complete gradient: not yet, one share
    field.press("Enter")
    s = state(page, 1)
    assert not s["asking"] and s["verdict"].startswith("Not quite")
    assert "h1 gets o2(1 − o2)·w7·∂E/∂o2" in s["rule"]  # the rule shown
    assert s["grads"]["h1"] != first_share["grads"].get("h1")
    field.press("Enter")  # Enter again: the next wire, asked
    field.press("Enter")  # no prediction: Enter shows it
    assert not state(page, 1)["asking"]
    field.press("Enter")  # h1's second share: type the sum
    assert state(page, 1)["asking"]
    field.fill(f"{dh1:.3g}".replace("-", "−") + " ")  # 3 figures, U+2212
    field.press("Enter")
    s = state(page, 1)
    assert s["verdict"].startswith("Right"), s["verdict"]
    assert abs(number(s["grads"]["h1"]) - dh1) < 1e-4
    for guess, right in [(f"{dh1:.2g}", False), (f"{dh1:.4g}", True)]:
        box.get_by_role("button", name="◀ Back").click()
        nxt.click()  # Back then Next: asked again
        assert state(page, 1)["asking"]
        field.fill(guess)
        field.press("Enter")
        verdict = state(page, 1)["verdict"]
        assert verdict.startswith("Right" if right else "Not quite"), guess
    assert not watched.problems, "\n".join(watched.problems)


def test_stepper_keyboard_and_focus(server, watched):  # noqa: F811
    page = open_page(watched, server)
    box, nxt, field = stepper(page, 0)
    box.focus()
    page.keyboard.press("End")
    end = state(page)
    assert len(end["grads"]) == len(end["values"]) == 6 and not end["asking"]
    page.keyboard.press("ArrowLeft")
    assert len(state(page)["carries"]) == len(end["carries"]) - 1
    page.keyboard.press("Home")
    start = state(page)
    assert len(start["values"]) == 3 and start["grads"] == {}
    page.keyboard.press("ArrowRight")
    assert len(state(page)["values"]) == 4
    # typing in the field moves its caret, not the stepper
    for _ in range(3):  # r, f, then the seed of the backward pass, asked
        page.keyboard.press("ArrowRight")
    assert state(page)["asking"]
    field.fill("12")
    field.press("ArrowLeft")
    assert state(page)["asking"] and field.input_value() == "12"
    # a button that becomes disabled hands the focus on, inside the stepper
    while not nxt.is_disabled():
        nxt.click()
    assert state(page)["focus"] == "◀ Back"
    box.get_by_role("button", name="« Start").click()
    assert state(page)["focus"] == "Next ▶"
    assert not watched.problems, "\n".join(watched.problems)


CONTRAST = """button => {
  const rgb = s => {  // "rgba(r, g, b, a)" or "color(srgb r g b / a)"
    const v = s.match(/[\\d.]+/g).map(Number);
    return s.startsWith("color(") ? v.map((c, i) => i < 3 ? c * 255 : c)
      : v;
  };
  const lum = ([r, g, b]) => [r, g, b].map(c => c / 255).map(c =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = null, e = button;  // the first opaque background behind it
  while (e && !bg) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || c[3] === 1) bg = c.slice(0, 3);
    e = e.parentElement;
  }
  const style = getComputedStyle(button);
  const fg = rgb(style.color), alpha = (fg[3] ?? 1) * Number(style.opacity);
  const seen = fg.slice(0, 3).map((c, i) => c * alpha + bg[i] * (1 - alpha));
  const [a, b] = [lum(seen), lum(bg)].sort((p, q) => q - p);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_disabled_buttons_stay_readable(server, watched, scheme):  # noqa: F811
    page = open_page(watched, server)
    page.evaluate(f"document.body.dataset.mdColorScheme = '{scheme}'")
    box, nxt, _ = stepper(page, 0)
    start = box.get_by_role("button", name="« Start")
    assert start.is_disabled()
    assert start.evaluate(CONTRAST) >= 4.5
    while not nxt.is_disabled():
        nxt.click()
    assert nxt.evaluate(CONTRAST) >= 4.5


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
    assert page.locator(".p1-stepper-controls").count() == 2
    assert "inputs" in state(page)["rule"]
    stepper(page, 0)[1].click()
    assert len(state(page)["values"]) == 4
    page.go_back()
    page.wait_for_url("**/computational-graphs/**")
    page.go_forward()
    page.wait_for_selector(".p1-stepper-status")
    assert page.locator(".p1-stepper-controls").count() == 2
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
