"""Part 1 exercises: each solution passes its checker and agrees with values
derived independently here; each checker rejects realistic wrong attempts,
names the kind of slip, and never raises; the built page has its shape."""

import contextlib
import functools
import io
import math
import runpy

import numpy as np
import p1_checks as C
import pytest
from bs4 import BeautifulSoup
from conftest import SNIPPETS
from gradcheck import Report
from hypothesis import given, settings
from hypothesis import strategies as st

H = 1e-6


@functools.cache
def run(name):
    """A snippet's globals after running it, and what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ns = runpy.run_path(str(SNIPPETS / name), run_name="p1_test")
    return ns, out.getvalue()


def check(fn, *args):
    """A checker's verdict, its lines by name and its text. It returns a
    Report whose truth is that every line is ok, and prints nothing."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        report = fn(*args)
    assert out.getvalue() == "", "a checker must not print"
    assert isinstance(report, Report) and len(report) > 0, "no lines"
    ok = bool(report)
    assert ok == all(ln.endswith(": ok") for ln in report)
    by_name = dict(ln.split(": ", 1) for ln in report if ": " in ln)
    return ok, by_name, str(report)


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


# ---- exercise 1: numbers by hand -------------------------------------


def f1(x, y, z, w):
    return (x * y + z) * max(y, w)


POINT = dict(x=3.0, y=2.0, z=-1.0, w=1.0)
# by hand: s = xy + z = 5, m = max(y, w) = y = 2; df/dx = m·y = 4,
# df/dy = m·x + s = 11 (fork: product and max), df/dz = m = 2, df/dw = 0
HAND = dict(x=4.0, y=11.0, z=2.0, w=0.0)


def test_exercise_1_solution_is_the_hand_values_and_passes():
    ns, _ = run("p1_exercise_1_patterns.py")
    assert ns["grads"] == HAND
    for i, k in enumerate(POINT):  # and central differences agree
        up, down = list(POINT.values()), list(POINT.values())
        up[i] += H
        down[i] -= H
        assert (f1(*up) - f1(*down)) / (2 * H) == pytest.approx(HAND[k])
    assert check(C.check_numbers, f1, POINT, ns["grads"])[0] is True


@pytest.mark.parametrize(
    "slip, name, message",
    [
        (dict(x=-4.0), "dx", "wrong sign"),
        (dict(y=6.0), "dy", "a path missing"),  # the max's path is lost
        (dict(y=5.0), "dy", "a path missing"),  # the product's path is lost
        (dict(y=16.0), "dy", "counted twice"),  # 6 + 5 + 5: max path twice
        (dict(y=17.0), "dy", "counted twice"),  # 6 + 6 + 5: product twice
        (dict(z=4.0), "dz", "looks like dx's"),  # dx's number on dz
        (dict(w=5.0), "dw", "should be 0"),  # the max's loser got it
        (dict(x=8.0), "dx", "2 times the right value"),
        (dict(z=0.0), "dz", "is 0 but should not be"),
        (dict(x=None), "dx", "not a number"),
        (dict(y="11"), "dy", "not a number"),
    ],
)
def test_exercise_1_checker_names_the_slip(slip, name, message):
    ok, lines, _ = check(C.check_numbers, f1, POINT, HAND | slip)
    assert ok is False
    assert message in lines[name]
    assert all(v == "ok" for k, v in lines.items() if k != name)


def test_exercise_1_checker_accepts_rounding_and_reports_a_missing_name():
    rounded = dict(x=4.0, y=11.001, z=2.0, w=0)  # an int and 4 digits pass
    assert check(C.check_numbers, f1, POINT, rounded)[0] is True
    ok, lines, _ = check(C.check_numbers, f1, POINT, dict(x=4.0))
    assert ok is False and "missing: your dict has no 'y'" in lines["dy"]
    ok, lines, _ = check(C.check_numbers, f1, POINT, HAND | dict(x=None))
    assert ok is False and "not a number: None" in lines["dx"]
    ok, _, out = check(C.check_numbers, f1, POINT, [4.0, 11.0, 2.0, 0.0])
    assert ok is False and "a dict" in out


# ---- exercise 2: the staged swish gate -------------------------------


def swish_grads(x, w, b, df):
    """Hand-derived: with g = σ(wx + b), f = x g and g' = g(1 − g)."""
    g = sigmoid(w * x + b)
    gp = g * (1 - g)
    return df * (g + x * w * gp), df * x * x * gp, df * x * gp


@settings(max_examples=50, deadline=None)
@given(st.floats(-3, 3), st.floats(-3, 3), st.floats(-3, 3), st.floats(0.1, 3))
def test_exercise_2_solution_matches_the_derivative(x, w, b, df):
    ns, _ = run("p1_exercise_2_swish.py")
    f, cache = ns["forward"](x, w, b)
    assert f == pytest.approx(x * sigmoid(w * x + b), abs=1e-12)
    got = ns["backward"](df, cache)
    assert got == pytest.approx(swish_grads(x, w, b, df), abs=1e-12)


def test_exercise_2_solution_passes_its_checker():
    ns, out = run("p1_exercise_2_swish.py")
    ok, lines, _ = check(C.check_swish, ns["forward"], ns["backward"])
    assert ok is True and set(lines.values()) == {"ok"}
    assert out.count(": ok") == 4  # the page shows four ok lines


def forward_ok(x, w, b):
    g = sigmoid(w * x + b)
    return x * g, (x, w, g)


def bw(body):
    """A backward(df, cache) from a variant of the correct body."""

    def backward(df, cache):
        x, w, g = cache
        dx, dw, db = body(x, w, g, df)
        return dx, dw, db

    return backward


def tail(x, w, g, df):  # the correct dz, then stages [2] and [1]
    return g * (1 - g) * x * df


WRONG_2 = {
    # `=` where `+=` belongs: only the path through stage [1] is kept
    "overwrite": (
        bw(lambda x, w, g, df: (w * tail(x, w, g, df), *[0, 0])),
        "dx",
        "missing term",
    ),
    "fork, first path only": (
        bw(lambda x, w, g, df: (g * df, x * tail(x, w, g, df), 0)),
        "dx",
        "missing term",
    ),
    "sigmoid slope is σ": (
        bw(lambda x, w, g, df: (g * df + w * g * x * df, x * g * x * df, 0)),
        "dw",
        "a wrong local rule",
    ),
    "wrong sign": (
        bw(lambda x, w, g, df: (0, -x * tail(x, w, g, df), 0)),
        "dw",
        "wrong sign",
    ),
    "ignores df": (
        bw(
            lambda x, w, g, df: (
                g + w * g * (1 - g) * x,
                x * g * (1 - g) * x,
                g * (1 - g) * x,
            )
        ),
        "db",
        "ignores the upstream gradient",
    ),
    "factor 2": (
        bw(lambda x, w, g, df: (0, 0, 2 * tail(x, w, g, df))),
        "db",
        "2 times the right one",
    ),
}


@pytest.mark.parametrize("case", WRONG_2)
def test_exercise_2_checker_names_the_slip(case):
    backward, name, message = WRONG_2[case]
    ok, lines, text = check(C.check_swish, forward_ok, backward)
    assert ok is False
    assert lines[name] != "ok" and message in lines[name]
    assert "transpose" not in text  # scalars: there is nothing to transpose


def test_exercise_2_checker_reports_a_wrong_forward():
    def forward(x, w, b):  # σ(w x) + b: the bias in the wrong stage
        g = sigmoid(w * x)
        return x * g + b, (x, w, g)

    ok, lines, _ = check(C.check_swish, forward, bw(lambda *a: (0, 0, 0)))
    assert ok is False and lines["f"] != "ok"


def raises(*args):
    raise ZeroDivisionError("oops")


@pytest.mark.parametrize(
    "forward, backward, message",
    [
        (raises, raises, "raised ZeroDivisionError: oops"),
        (forward_ok, raises, "raised ZeroDivisionError"),
        (forward_ok, lambda df, c: (1.0, 2.0), "raised ValueError"),
        (forward_ok, lambda df, c: None, "raised TypeError"),
        (forward_ok, lambda df, c: (None, 1.0, 1.0), "dx: not a number"),
        (lambda x, w, b: 0.5, raises, "raised TypeError"),
    ],
)
def test_exercise_2_checker_reports_broken_code_without_raising(
    forward, backward, message
):
    ok, _, out = check(C.check_swish, forward, backward)
    assert ok is False and message in out


# ---- exercise 3: the 2-2-1 relu network ------------------------------


def loss3(p, x, t):
    """Written here, not imported: relu hidden units, a linear output."""
    h = [
        max(0.0, p[a] * x[0] + p[b] * x[1] + p[c])
        for a, b, c in [("w1", "w2", "b1"), ("w3", "w4", "b2")]
    ]
    return 0.5 * (p["w5"] * h[0] + p["w6"] * h[1] + p["b3"] - t) ** 2


def central3(p, x, t):
    grads = {}
    for k in p:
        up, down = dict(p), dict(p)
        up[k] += H
        down[k] -= H
        grads[k] = (loss3(up, x, t) - loss3(down, x, t)) / (2 * H)
    return grads


def test_exercise_3_solution_matches_the_hand_values():
    ns, out = run("p1_exercise_3_network.py")
    g = ns["backward"](ns["P"], ns["x"], ns["t"])
    # by hand at x = (0.5, -1), t = 1: net_h1 = 0.2 + 0.6 + 0.1 = 0.9,
    # net_h2 = -0.15 - 0.5 + 0.2 < 0 (off), o = 0.8 · 0.9 + 0.1 = 0.82,
    # do = -0.18, dnet_h1 = do · w5 = -0.144, dnet_h2 = 0
    hand = dict(w1=-0.072, w2=0.144, w3=0, w4=0, w5=-0.162, w6=0)
    hand |= dict(b1=-0.144, b2=0, b3=-0.18)
    assert g == pytest.approx(hand, abs=1e-12)
    assert g == pytest.approx(central3(ns["P"], ns["x"], ns["t"]), abs=1e-8)
    E0 = 0.5 * 0.18**2
    assert loss3(ns["P"], ns["x"], ns["t"]) == pytest.approx(E0)
    assert f"E before: {E0:.6f}" in out
    assert ns["E1"] < ns["E0"]


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_exercise_3_solution_matches_central_differences(seed):
    ns, _ = run("p1_exercise_3_network.py")
    rng = np.random.default_rng(seed)
    p = dict(zip(C.KEYS, rng.normal(0, 1, 9).tolist()))
    x, t = tuple(rng.uniform(-1, 1, 2).tolist()), rng.uniform(-1, 1)
    nets = [
        p["w1"] * x[0] + p["w2"] * x[1] + p["b1"],
        p["w3"] * x[0] + p["w4"] * x[1] + p["b2"],
    ]
    if min(abs(n) for n in nets) < 1e-4:
        return  # a nudge would straddle a kink
    g = ns["backward"](p, x, t)
    assert g == pytest.approx(central3(p, x, t), abs=1e-7)


def test_exercise_3_solution_passes_and_check_points_avoid_kinks():
    ns, _ = run("p1_exercise_3_network.py")
    seen = []

    def spy(p, x, t):
        seen.append((dict(p), x))
        return ns["backward"](p, x, t)

    ok, lines, _ = check(C.check_network, spy)
    assert ok is True and len(lines) == 9
    nets = [
        [p[a] * x[0] + p[b] * x[1] + p[c] for a, b, c in UNITS]
        for p, x in seen
    ]
    # every on/off combination of h1, h2 (so routing is tested) and no net
    # input within 1e-3 of the kink (so central differences are trusted)
    assert {(n1 > 0, n2 > 0) for n1, n2 in nets} == {
        (True, True), (True, False), (False, True), (False, False)
    }  # fmt: skip
    assert min(abs(n) for pair in nets for n in pair) > 1e-3


UNITS = [("w1", "w2", "b1"), ("w3", "w4", "b2")]


def backward3(slip=None):
    """The right backward pass, or one with a named slip."""

    def backward(p, x, t):
        n1 = p["w1"] * x[0] + p["w2"] * x[1] + p["b1"]
        n2 = p["w3"] * x[0] + p["w4"] * x[1] + p["b2"]
        h1, h2 = max(0.0, n1), max(0.0, n2)
        do = p["w5"] * h1 + p["w6"] * h2 + p["b3"] - t
        if slip == "no half":  # E = (o - t)²: forgot the ½
            do *= 2
        d1 = do * p["w5"] if n1 > 0 else 0.0
        d2 = do * p["w6"] if n2 > 0 or slip == "relu" else 0.0
        if slip == "gate":  # copy-paste: h2's relu tested on net_h1
            d2 = do * p["w6"] if n1 > 0 else 0.0
        x1, x2 = (x[1], x[0]) if slip == "swap" else x
        g = dict(w1=d1 * x1, w2=d1 * x2, w3=d2 * x[0], w4=d2 * x[1])
        g |= dict(w5=do * h1, w6=do * h2, b1=d1, b2=d2, b3=do)
        if slip == "missing":
            del g["b2"]
        if slip == "sign":
            g["w5"] = -g["w5"]
        return g

    return backward


@pytest.mark.parametrize(
    "slip, name, message",
    [
        ("relu", "dw3", "not 0 where it should be"),
        ("gate", "db2", "not 0 where it should be"),
        ("no half", "db3", "2 times the right one"),
        ("swap", "dw1", "looks like dw2's"),
        ("missing", "db2", "not a number: None"),
        ("sign", "dw5", "wrong sign"),
    ],
)
def test_exercise_3_checker_names_the_slip(slip, name, message):
    assert check(C.check_network, backward3())[0] is True  # the control
    ok, lines, text = check(C.check_network, backward3(slip))
    assert ok is False and message in lines[name]
    assert "transpose" not in text  # scalars: there is nothing to transpose


@pytest.mark.parametrize(
    "backward, message",
    [
        (raises, "raised ZeroDivisionError"),
        (lambda p, x, t: [0.0] * 9, "raised AttributeError"),
        (lambda p, x, t: None, "raised AttributeError"),
    ],
)
def test_exercise_3_checker_reports_broken_code_without_raising(
    backward, message
):
    ok, _, out = check(C.check_network, backward)
    assert ok is False and message in out


# ---- exercise 4: a kink that cancels ---------------------------------


@given(st.floats(-1e6, 1e6))
def test_exercise_4_f_is_the_identity(x):
    ns, _ = run("p1_exercise_4_kink.py")
    assert ns["f"](x) == x


def test_exercise_4_rules_at_the_tie():
    ns, out = run("p1_exercise_4_kink.py")
    # by hand: df/dx = relu'(x) + relu'(-x), which is 2·relu'(0) at 0
    for r in (0.0, 1.0, 0.5):
        assert ns["backward"](0.0, r) == 2 * r
        assert ns["backward"](0.3, r) == ns["backward"](-0.3, r) == 1.0
    assert ns["central"] == 1.0


def test_the_site_code_uses_relu_slope_0_at_0():
    """The page says the engine and the layers use relu'(0) = 0."""
    import engine
    import layers

    x = engine.Value(0.0)
    (x.relu() - (-x).relu()).backward()
    assert x.grad == 0.0  # 2 · relu'(0) with relu'(0) = 0
    dx = layers.relu_backward(np.ones(1), layers.relu_forward(np.zeros(1))[1])
    assert dx[0] == 0.0


# ---- the snippets shown on the page, and the built page --------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("p1_exercise_1_wrong.py", ["wrong sign", "path missing", "swapped"]),
        ("p1_exercise_2_wrong.py", ["missing term", "2 times"]),
        ("p1_exercise_3_wrong.py", ["swapped input", "not 0 where"]),
        ("p1_exercise_2_start.py", ["raised NotImplementedError"]),
        ("p1_exercise_3_start.py", ["raised NotImplementedError"]),
    ],
)
def test_the_page_shows_the_checker_naming_the_slips(name, expected):
    ns, out = run(name)
    assert isinstance(ns["report"], Report) and not ns["report"]
    assert out.strip().endswith(str(ns["report"]))  # the page shows it
    for text in expected:
        assert text in out, (text, out)


def test_built_page_shows_what_each_checker_printed(built_site):
    """The checkers return their lines and the snippets print them, so
    they reach the page (a build captures only the snippet's own print)."""
    page = built_site / "part-1" / "exercises" / "index.html"
    html = page.read_text(encoding="utf-8")
    shown = [
        pre.get_text()
        for pre in BeautifulSoup(html, "html.parser").find_all("pre")
    ]
    names = sorted(p.name for p in SNIPPETS.glob("p1_exercise_*.py"))
    assert len(names) == 10
    for name in names:
        _, out = run(name)
        assert out.strip(), name
        assert any(out.strip() in text for text in shown), name


def test_part_1_links_to_its_exercises(built_site):
    for page in ["part-1", "part-1/network-by-hand"]:
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        article = BeautifulSoup(html, "html.parser").find("article")
        hrefs = [a["href"] for a in article.find_all("a", href=True)]
        assert any(h.rstrip("/").endswith("exercises") for h in hrefs), page
