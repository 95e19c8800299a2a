"""Part 4 exercises: each solution passes its checker and is right by an
independent measure; each checker rejects realistic wrong attempts, names
the kind of bug, and never raises; the built page has the promised shape."""

import importlib
import inspect
import math
import re

import numpy as np
import p4_checks as C
import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, SNIPPETS
from gradcheck import Report, rel_error
from hypothesis import given, settings
from hypothesis import strategies as st


def central(f, x, h=1e-6):
    """d sum(f())/d x by central differences, independent of gradcheck."""
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = np.sum(f())
        x[i] = old - h
        g[i] = (up - np.sum(f())) / (2 * h)
        x[i] = old
    return g


def rel(a, b):
    """gradcheck's relative error, never relative to less than 1e-3.
    Central differences carry a rounding error of about eps * |f| / h ~
    1e-10 per entry, so a vanishing gradient (norm 3e-5 after five tanh
    layers, the very case exercise 3 is about) cannot be matched to 1e-6
    relative; against the floor a right one reads ~1e-7, a wrong one
    >> 1e-6."""
    return rel_error(a, b, floor=1e-3)


def run(check, attempt, capsys, **kw):
    """check(attempt): its Report and the Report's text. It must neither
    raise nor print: the lines are returned, not printed."""
    capsys.readouterr()  # drop what importing a solution printed
    report = check(attempt, **kw)
    assert capsys.readouterr().out == "", "a checker printed"
    assert isinstance(report, Report), type(report)
    return report, str(report)


def NAMES(value):
    """Test ids: an attempt's function name, nothing for the words."""
    return getattr(value, "__qualname__", "").split(".")[0] or None


def solution(n):
    return importlib.import_module(f"p4_exercise_{n}_solution")


# Exercise 1: counting passes -------------------------------------------


def test_exercise_1_counts_and_jacobian(capsys):
    m = importlib.import_module("p4_exercise_1_passes")
    assert (m.forward_passes, m.reverse_passes) == (len(m.x), 2)  # n, m
    x, w = np.array(m.x), np.array(m.w)

    def g():  # the same function in plain numpy, differentiated apart
        return np.array([x @ x, np.tanh(w @ x)])

    for k in range(2):  # row k of the Jacobian: gradient of output k
        num = central(lambda k=k: g()[k], x)
        np.testing.assert_allclose(m.rows[k], num, atol=1e-8)
        np.testing.assert_allclose([c[k] for c in m.columns], num, atol=1e-8)


# Exercise 2: the gated layer -------------------------------------------


def glu_parts(dout, cache):
    x, Wa, Wb, a, g = cache
    da, dzb = dout * g, dout * a * g * (1 - g)
    return x, Wa, Wb, da, dzb


def missing_slope(dout, cache):  # forgot σ' = g (1 - g) on the gate path
    x, Wa, Wb, a, g = cache
    da, dzb = dout * g, dout * a
    return da @ Wa.T + dzb @ Wb.T, x.T @ da, x.T @ dzb


def wrong_sign(dout, cache):
    x, Wa, Wb, da, dzb = glu_parts(dout, cache)
    return da @ Wa.T + dzb @ Wb.T, x.T @ da, -(x.T @ dzb)


def doubled(dout, cache):
    x, Wa, Wb, da, dzb = glu_parts(dout, cache)
    return da @ Wa.T + dzb @ Wb.T, 2 * (x.T @ da), x.T @ dzb


def raises(*args):
    raise IndexError("tuple index out of range")


def two_of_three(dout, cache):
    x, Wa, Wb, da, dzb = glu_parts(dout, cache)
    return da @ Wa.T, x.T @ da


def unfinished(dout, cache):
    x, Wa, Wb, da, dzb = glu_parts(dout, cache)
    return None, x.T @ da, np.full(Wb.shape, np.nan)


GLU_BUGS = [  # attempt, {line: words the checker must print}
    (importlib.import_module("p4_exercise_2_start").glu_backward,
     {"dx": "missing term", "dWa": "transposed", "dWb": "ok"}),
    (missing_slope, {"dx": "wrong pattern", "dWb": "wrong pattern"}),
    (wrong_sign, {"dx": "ok", "dWa": "ok", "dWb": "wrong sign"}),
    (doubled, {"dWa": "2 times the right one"}),
    (raises, {"attempt": "raised IndexError"}),
    (two_of_three, {"should return": "(dx, dWa, dWb)"}),
    (unfinished, {"dx": "None", "dWb": "not finite"}),
]  # fmt: skip


def test_glu_solution_passes(capsys):
    report, out = run(C.check_glu, solution(2).glu_backward, capsys)
    assert report and out == "dx: ok\ndWa: ok\ndWb: ok"


def said(out, start, words):
    """Did the checker print a line that starts so and has these words?"""
    return any(ln.startswith(start) and words in ln for ln in out.split("\n"))


@pytest.mark.parametrize("attempt, says", GLU_BUGS, ids=NAMES)
def test_glu_checker_names_the_bug(attempt, says, capsys):
    report, out = run(C.check_glu, attempt, capsys)
    assert bool(report) is False
    assert all(said(out, start, words) for start, words in says.items()), out


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 5),
       d=st.integers(1, 4), m=st.integers(1, 4))  # fmt: skip
def test_glu_solution_matches_central_differences(seed, n, d, m):
    rng = np.random.default_rng(seed)
    x, Wa, Wb = (rng.standard_normal(s) for s in ((n, d), (d, m), (d, m)))
    dout = rng.standard_normal((n, m))

    def out():  # (x Wa) σ(x Wb), with σ(z) = (1 + tanh(z / 2)) / 2
        return (x @ Wa) * (1 + np.tanh(x @ Wb / 2)) / 2 * dout

    grads = solution(2).glu_backward(dout, C.glu_forward(x, Wa, Wb)[1])
    for v, g in zip((x, Wa, Wb), grads):
        assert g.shape == v.shape and rel(g, central(out, v)) < 1e-6


# Exercise 3: the rate a gradient vanishes at ---------------------------


def settle(W, b):
    h = np.zeros(len(b))
    for _ in range(300):
        h = np.tanh(h @ W + b)
    return h


def weights_alone(W, b):
    return max(abs(np.linalg.eigvals(W)))


def singular_value(W, b):  # one step's largest stretch, not the long run
    return np.linalg.norm(np.diag(1 - settle(W, b) ** 2) @ W.T, 2)


RATE_BUGS = [
    (weights_alone, "spectral radius of W alone"),
    (singular_value, "but backprop shrinks by"),
    (raises, "raised IndexError"),
    (lambda W, b: None, "not a number"),
    (lambda W, b: float("nan"), "but backprop shrinks by"),
]


def test_rate_solution_passes_and_agrees_with_backprop(capsys):
    report, out = run(C.check_rate, solution(3).predict_rate, capsys)
    assert report and out.count(": ok") == len(C.RATE_CASES)


@pytest.mark.parametrize("attempt, words", RATE_BUGS, ids=NAMES)
def test_rate_checker_names_the_mistake(attempt, words, capsys):
    report, out = run(C.check_rate, attempt, capsys)
    assert bool(report) is False and words in out, out
    assert len(report) == len(C.RATE_CASES)  # one line a case
    assert len(out.splitlines()) == len(C.RATE_CASES)  # each one line


def test_rate_with_zero_bias_is_the_spectral_radius_of_w():
    """b = 0 and a contracting W: h settles at 0, where tanh' = 1, so the
    rate is exactly rho(W), by hand."""
    W, b = C.rate_case(0.5, 0.0)
    rho = max(abs(np.linalg.eigvals(W)))
    assert solution(3).predict_rate(W, b) == pytest.approx(rho, rel=1e-12)
    assert C.measured_rate(W, b) == pytest.approx(rho, rel=0.02)


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), depth=st.integers(1, 5))
def test_chain_backward_matches_central_differences(seed, depth):
    rng = np.random.default_rng(seed)
    W, b = rng.standard_normal((4, 4)), rng.standard_normal(4)
    x, dout = rng.standard_normal((2, 1, 4))
    dhs = C.chain_backward(W, b, x, dout, depth)
    assert len(dhs) == depth + 1

    def out():
        h = x
        for _ in range(depth):
            h = np.tanh(h @ W + b)
        return h * dout

    assert rel(dhs[-1], central(out, x)) < 1e-6


# Exercise 4: checkpointing ---------------------------------------------


def keeps_all(x, Ws, dout, step, k):  # the plain backward: k ignored
    return C.plain_grads(x, Ws, dout, step)


def per_layer_recompute(x, Ws, dout, step, k):  # from x, for every layer
    dh, dWs = dout, [None] * len(Ws)
    for i in reversed(range(len(Ws))):
        h_in = x
        for W in Ws[:i]:
            h_in = step(h_in, W)
        h_out = step(h_in, Ws[i])
        dz = dh * (1 - h_out**2)
        dWs[i], dh = h_in.T @ dz, dz @ Ws[i].T
    return dh, dWs


def make_segmented(bug):
    """A checkpointed backward pass, right unless `bug` is given."""

    def grads(x, Ws, dout, step, k):
        saved, h = {}, x
        for i, W in enumerate(Ws):
            if i % k == 0:
                saved[i] = h
            h = step(h, W)
        del h
        dh, dWs = dout, [None] * len(Ws)
        for s in reversed(range(0, len(Ws), k)):
            start = max(s - k, 0) if bug == "wrong checkpoint" else s
            hs = [saved[start]]
            for W in Ws[s : s + k]:
                hs.append(step(hs[-1], W))
            if bug == "restart":
                dh = dout  # forgot to carry dh from the segment above
            for j in reversed(range(len(hs) - 1)):
                dz = dh * (1 - hs[j + 1] ** 2)
                dWs[s + j] = (dz.T @ hs[j] if bug == "transposed" and s == 0
                              else hs[j].T @ dz)  # fmt: skip
                dh = dz @ Ws[s + j].T
            del hs
            saved.pop(s)
        return dh, dWs

    return grads


def no_step(x, Ws, dout, step, k):  # computes tanh itself: nothing counted
    return C.plain_grads(x, Ws, dout, lambda h, W: np.tanh(h @ W))


def backward_through(hs, Ws, dout):
    dh, dWs = dout, [None] * len(Ws)
    for i in reversed(range(len(Ws))):
        dz = dh * (1 - hs[i + 1] ** 2)
        dWs[i], dh = hs[i].T @ dz, dz @ Ws[i].T
    return dh, dWs


def copies_all(x, Ws, dout, step, k):  # step()'s outputs die; copies live
    hs = [x]
    for W in Ws:
        hs.append(step(hs[-1], W).copy())
    return backward_through(hs, Ws, dout)


def buffer_all(x, Ws, dout, step, k):  # every activation in one array
    hs = np.empty((len(Ws) + 1, *x.shape))
    hs[0] = x
    for i, W in enumerate(Ws):
        hs[i + 1] = step(hs[i], W)
    return backward_through(hs, Ws, dout)


CHECKPOINT_BUGS = [  # attempt, words the output must contain
    (importlib.import_module("p4_exercise_4_start").checkpoint_grads,
     "too many"),
    (keeps_all, "too many"),
    (per_layer_recompute, "recompute each segment once"),
    (make_segmented("wrong checkpoint"), "dW["),
    (make_segmented("restart"), "dx: wrong"),
    (make_segmented("transposed"), "dW[0]: right numbers, transposed"),
    (no_step, "use step() for every layer"),
    (copies_all, "every activation is kept"),
    (copies_all, "no recomputation"),
    (buffer_all, "every activation is kept"),
    (buffer_all, "no recomputation"),
    (raises, "raised IndexError"),
    (lambda *a: (np.zeros((3, 5)), 5), "dW[0]: None"),
]  # fmt: skip


@pytest.mark.parametrize("k", [2, 4, 8])
def test_checkpoint_solution_passes(k, capsys):
    report, out = run(C.check_checkpoint, solution(4).checkpoint_grads,
                      capsys, k=k)  # fmt: skip
    assert report, out
    report, out = run(C.check_checkpoint, make_segmented(None), capsys, k=k)
    assert report, out


@pytest.mark.parametrize("attempt, words", CHECKPOINT_BUGS, ids=NAMES)
def test_checkpoint_checker_names_the_mistake(attempt, words, capsys):
    report, out = run(C.check_checkpoint, attempt, capsys)
    assert bool(report) is False and words in out, out


def test_step_counts_live_activations_and_calls():
    x, W = np.ones((2, 3)), np.eye(3)
    step, kept = C.Step(), []
    for _ in range(5):
        kept.append(step(x, W))  # five alive
    for _ in range(3):
        step(x, W)  # each dropped at once
    assert (step.calls, step.peak) == (8, 6)  # 5 kept + the one in flight


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), depth=st.integers(1, 9),
       k=st.integers(1, 9))  # fmt: skip
def test_checkpoint_solution_is_exact_and_bounded(seed, depth, k):
    rng = np.random.default_rng(seed)
    x, dout = rng.standard_normal((2, 2, 3))
    Ws = list(rng.standard_normal((depth, 3, 3)))
    step = C.Step()
    dx, dWs = solution(4).checkpoint_grads(x, Ws, dout, step, k)
    want_dx, want_dWs = C.plain_grads(x, Ws, dout, C.Step())
    assert np.array_equal(dx, want_dx)  # same arithmetic: bit for bit
    assert all(np.array_equal(a, b) for a, b in zip(dWs, want_dWs))
    assert step.peak <= math.ceil(depth / k) + k and step.calls == 2 * depth

    def out():
        h = x
        for W in Ws:
            h = np.tanh(h @ W)
        return h * dout

    assert rel(dx, central(out, x)) < 1e-6
    assert rel(dWs[0], central(out, Ws[0])) < 1e-6


# The built page ----------------------------------------------------------


CHECKED = ["2_start", "2_solution", "3_start", "3_solution", "4_start",
           "4_solution"]  # fmt: skip
STARTS = {2: "glu_backward", 3: "predict_rate", 4: "checkpoint_grads"}


def test_starting_files_fail_the_way_the_page_says():
    """The page runs each starting file as given and explains its report;
    the file itself cannot assert that (a reader's right fix would trip
    it), so the claims are checked here."""
    lines = dict(
        ln.split(": ", 1)
        for ln in importlib.import_module("p4_exercise_2_start").report
    )
    assert lines["dWb"] == "ok"  # two bugs, and dWb is not one
    assert "transposed" in lines["dWa"] and "missing term" in lines["dx"]
    rate = importlib.import_module("p4_exercise_3_start").report
    assert not rate  # the tanh slopes are missing, and the checker says so
    assert str(rate).count("spectral radius of W alone") == 2
    cache = importlib.import_module("p4_exercise_4_start").report
    memory = r"peak ([\d.]+) activations \(plain ([\d.]+)"
    peak, plain = map(float, re.search(memory, str(cache)).groups())
    assert not cache and "dx: ok" in cache  # right gradients, but
    assert peak > plain  # `saved` keeps more than the plain backward pass


@pytest.mark.parametrize("n", STARTS)
def test_starting_file_has_no_asserts(n):
    start = importlib.import_module(f"p4_exercise_{n}_start")
    text = inspect.getsource(start)
    assert "assert" not in text and text.rstrip().endswith("print(report)")
    assert not start.report and callable(getattr(start, STARTS[n]))


def test_checkers_call_the_upstream_gradient_dout():
    """The site's name for the gradient arriving from above is `dout`."""
    for fn in (C.chain_backward, C.plain_grads):
        assert "dout" in inspect.signature(fn).parameters
    for path in sorted(SNIPPETS.glob("p4_exercise_*.py")) + [
        SNIPPETS / "p4_checks.py",
        DOCS / "part-4" / "exercises.md",
    ]:
        assert "dtop" not in path.read_text("utf-8"), path.name


def test_built_page_links_every_file_a_reader_needs(built_site):
    """Exercise 1 runs with engine.py and p4_dual.py; exercises 2-4 are
    fixed in their starting files, each downloadable from the page."""
    page = built_site / "part-4" / "exercises" / "index.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    hrefs = {
        a["href"].rsplit("/", 1)[-1] for a in html.find_all("a", href=True)
    }
    needed = {"engine.py", "p4_dual.py", "p4_checks.py", "gradcheck.py"}
    needed |= {f"p4_exercise_{n}_start.py" for n in STARTS}
    assert needed <= hrefs, needed - hrefs
    for name in needed:
        assert (built_site / "snippets" / name).is_file(), name
    text = " ".join(html.article.get_text(" ").lower().split())
    for n in STARTS:  # the prose names the file to download
        assert f"download p4_exercise_{n}_start.py" in text, n


def test_built_page_shows_each_checkers_lines(built_site):
    """Each snippet prints the Report its checker returned: the lines must
    be in an executed block's output on the page."""
    page = built_site / "part-4" / "exercises" / "index.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    shown = [pre.get_text() for pre in html.find_all("pre")]
    for name in CHECKED:
        report = importlib.import_module(f"p4_exercise_{name}").report
        assert isinstance(report, Report) and len(report) >= 2, name
        assert any(str(report) in text for text in shown), name


def test_exercise_3_starting_file_leaves_the_answer_to_the_reader():
    """Issue 12, item 12: the starter used to compute the fixed point h*
    with tanh, most of the answer. It now reasons from W alone."""
    start = importlib.import_module("p4_exercise_3_start")
    body = inspect.getsource(start.predict_rate)
    assert "tanh" not in body and "for " not in body and "diag" not in body
    W, b = C.rate_case(*C.RATE_CASES["mild"])
    rho = max(abs(np.linalg.eigvals(W)))
    assert start.predict_rate(W, b) == pytest.approx(rho)  # W alone
