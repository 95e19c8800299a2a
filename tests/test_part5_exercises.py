"""Part 5 exercises: each solution passes its checker and is right by an
independent measure; each checker rejects realistic wrong attempts, names
the mistake, and never raises or prints; the built page links every file a
reader needs and shows each checker's lines."""

import importlib
import inspect
import math

import numpy as np
import p5_checks as C
import pytest
from bs4 import BeautifulSoup
from gradcheck import Report, rel_error
from hypothesis import given, settings
from hypothesis import strategies as st
from layers5 import attention_backward, attention_forward


def run(check, *attempt, capsys):
    """check(*attempt): its Report and text; it must not print."""
    capsys.readouterr()
    report = check(*attempt)
    assert capsys.readouterr().out == "", "a checker printed"
    assert isinstance(report, Report), type(report)
    return report, str(report)


def solution(n):
    return importlib.import_module(f"p5_exercise_{n}_solution")


def start(n):
    return importlib.import_module(f"p5_exercise_{n}_start")


def raises(*args):
    raise IndexError("tuple index out of range")


def central(f, x, h=1e-6):
    """d sum(f())/d x, independent of gradcheck."""
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = np.sum(f())
        x[i] = old - h
        g[i] = (up - np.sum(f())) / (2 * h)
        x[i] = old
    return g


# Exercise 1: dropout ---------------------------------------------------------


def no_scale(dout, cache):
    return dout * cache[0]


def no_mask(dout, cache):
    return dout * cache[1]


def fresh_mask(dout, cache):  # draws its own mask, as the forward pass did
    keep = np.random.default_rng(3).random(dout.shape) >= 0.5
    return dout * keep * cache[1]


def divided(dout, cache):
    return dout * cache[0] / cache[1]


def drawn_again(seed, legacy=False, scaled=True):
    """Fresh masks a learner might write: any generator, any seed."""

    def backward(dout, cache):
        p = 1 - 1 / cache[1]
        if legacy:
            u = np.random.RandomState(seed).rand(*dout.shape)
        else:
            u = np.random.default_rng(seed).random(dout.shape)
        return dout * (u >= p) * (cache[1] if scaled else 1)

    return backward


DROPOUT_BUGS = [
    (no_scale, "1/(1 - p) of the forward pass"),
    (no_mask, "dropped entries got a gradient"),
    (lambda dout, cache: dout, "the mask and the scale are missing"),
    (divided, "divided by 1/(1 - p)"),
    (fresh_mask, "a new random mask"),
    (raises, "raised IndexError"),
    (lambda dout, cache: None, "your function returned None: return the"),
]


def test_dropout_solution_passes(capsys):
    report, out = run(C.check_dropout, solution(1).dropout_backward,
                      capsys=capsys)  # fmt: skip
    assert report and out.count(": ok") == 2


@pytest.mark.parametrize("attempt, words", DROPOUT_BUGS)
def test_dropout_checker_names_the_mistake(attempt, words, capsys):
    report, out = run(C.check_dropout, attempt, capsys=capsys)
    assert not report and words in out, out


@pytest.mark.parametrize(
    "attempt",
    [drawn_again(s) for s in (0, 3, 7, 11)]
    + [drawn_again(5, legacy=True), drawn_again(7, scaled=False)],
)
def test_dropout_checker_names_any_fresh_mask(attempt, capsys):
    """The page says the checker knows a fresh mask: any one, for both p
    (not only the one generator and seed the checker could guess)."""
    report, out = run(C.check_dropout, attempt, capsys=capsys)
    assert not report and out.count("a new random mask") == 2, out


# Exercise 2: GELU ------------------------------------------------------------


def gelu_parts(x):
    t = np.tanh(C.C * (x + C.A * x**3))
    return t, C.C * (1 + 3 * C.A * x**2)


def product_rule_missing(dout, x):
    t, _ = gelu_parts(x)
    return dout * 0.5 * (1 + t)


def tanh_squared(dout, x):
    t, du = gelu_parts(x)
    return dout * (0.5 * (1 + t) + 0.5 * x * t * t * du)


def no_constant(dout, x):
    t, _ = gelu_parts(x)
    return dout * (0.5 * (1 + t) + 0.5 * x * (1 - t * t)
                   * (1 + 3 * C.A * x**2))  # fmt: skip


def exact_gelu(dout, x):  # the erf form's derivative: not this forward
    phi = np.exp(-x * x / 2) / math.sqrt(2 * math.pi)
    cdf = np.array([0.5 * (1 + math.erf(v / math.sqrt(2))) for v in x])
    return dout * (cdf + x * phi)


def naive_tanh(dout, x):  # tanh as (e^2u - 1)/(e^2u + 1): inf/inf = nan
    u = C.C * (x + C.A * x**3)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(2 * u)
        t = (e - 1) / (e + 1)
    return dout * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * gelu_parts(x)[1])


GELU_BUGS = [
    (product_rule_missing, "product rule's second term is missing"),
    (start(2).gelu_backward, "1 + 3 A x^2, is missing"),
    (no_constant, "C = sqrt(2/pi)"),
    (tanh_squared, "1 - tanh^2, not tanh^2"),
    (exact_gelu, "exact GELU (with erf)"),
    (naive_tanh, "dx at +-1e4: should be 0 and dout"),
    (raises, "raised IndexError"),
]


def test_gelu_solution_passes(capsys):
    report, out = run(C.check_gelu, solution(2).gelu_backward,
                      capsys=capsys)  # fmt: skip
    assert report and out.count(": ok") == 2


@pytest.mark.parametrize("attempt, words", GELU_BUGS)
def test_gelu_checker_names_the_mistake(attempt, words, capsys):
    report, out = run(C.check_gelu, attempt, capsys=capsys)
    assert not report and words in out, out


@settings(max_examples=20, deadline=None)
@given(st.lists(st.floats(-6, 6), min_size=1, max_size=8), st.integers(0, 99))
def test_gelu_solution_matches_central_differences(xs, seed):
    x = np.array(xs)
    dout = np.random.default_rng(seed).standard_normal(x.shape)
    num = central(lambda: C.gelu_forward(x)[0] * dout, x)
    got = solution(2).gelu_backward(dout, x)
    assert rel_error(got, num, floor=1e-3) < 1e-7


# Exercise 3: max pooling -----------------------------------------------------


def overwrite(dout, cache):  # = instead of +=: overlapping windows lose
    x, size, stride = cache
    return C._first_max(dout, x, size, stride, overwrite=True)


def every_tie(dout, cache):
    x, size, stride = cache
    return C._first_max(dout, x, size, stride, every=True)


def _shared(dout, x, size, stride):
    """Each window's dout split evenly among its tied maxima."""
    dx = np.zeros_like(x)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            r, c = i * stride, j * stride
            win = x[:, :, r : r + size, c : c + size]
            mask = win == win.max(axis=(2, 3), keepdims=True)
            share = mask / mask.sum(axis=(2, 3), keepdims=True)
            dx[:, :, r : r + size, c : c + size] += share * dout[
                :, :, i, j][..., None, None]  # fmt: skip
    return dx


def below_max(dout, cache):  # the last entry of the window, not the max
    x, size, stride = cache
    dx = np.zeros_like(x)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            r, c = i * stride + size - 1, j * stride + size - 1
            dx[:, :, r, c] += dout[:, :, i, j]
    return dx


MAXPOOL_BUGS = [
    (start(3).pool_backward, "2 times its dout"),
    (every_tie, "every tied max got all of it"),
    (overwrite, "add (+=), do not assign (=)"),
    (below_max, "dx, size 2, stride 2: wrong"),
    (raises, "raised IndexError"),
    (lambda dout, cache: np.zeros(3), "ties: dx should have shape"),
]


def test_maxpool_solution_passes(capsys):
    report, out = run(C.check_maxpool, solution(3).pool_backward,
                      capsys=capsys)  # fmt: skip
    assert report and out.count(": ok") == 3


def test_maxpool_checker_accepts_an_even_split_at_ties(capsys):
    """Splitting a tie evenly is a valid subgradient: not a mistake."""
    report, out = run(C.check_maxpool, lambda d, c: _shared(d, *c),
                      capsys=capsys)  # fmt: skip
    assert report, out


@pytest.mark.parametrize("attempt, words", MAXPOOL_BUGS)
def test_maxpool_checker_names_the_mistake(attempt, words, capsys):
    report, out = run(C.check_maxpool, attempt, capsys=capsys)
    assert not report and words in out, out


# Exercise 4: heads -----------------------------------------------------------


S = solution(4)


def merge_no_transpose(dout, cache):
    cache, heads = cache
    n, t, d = dout.shape
    grads = attention_backward(S.split(dout, heads), cache)
    return tuple(g.reshape(n, t, d) for g in grads)


def wide_scale_forward(q, k, v, heads, causal=False):
    """Scores by 1/sqrt(D) in every head: attention by hand, per head."""
    scale = math.sqrt(q.shape[2] / heads) / math.sqrt(q.shape[2])
    out, cache = attention_forward(S.split(q * scale, heads),
                                   S.split(k, heads), S.split(v, heads),
                                   causal)  # fmt: skip
    return S.merge(out, heads), (cache, heads)


def forgets_causal(q, k, v, heads, causal=False):
    return S.heads_forward(q, k, v, heads, False)


HEADS_BUGS = [
    (
        (start(4).heads_forward, start(4).heads_backward),
        ["out: positions and heads mixed", "fix the forward pass first"],
    ),
    (
        (S.heads_forward, merge_no_transpose),
        ["out: ok", "dq: right numbers in the wrong places"],
    ),
    (
        (wide_scale_forward, S.heads_backward),
        ["out: scores divided by sqrt(D)"],
    ),
    ((forgets_causal, S.heads_backward), ["out: ok", "out (causal): wrong"]),
    (
        (S.heads_forward, start(4).heads_backward),
        ["out: ok", "dq: the backward pass still reshapes"],
    ),
    ((raises, S.heads_backward), ["out: your code raised IndexError"]),
    ((S.heads_forward, lambda d, c: (d, d)), ["should return (dq, dk, dv)"]),
    ((lambda *a: a[0], S.heads_backward), ["should return (out, cache)"]),
]


def test_heads_solution_passes(capsys):
    report, out = run(C.check_heads, S.heads_forward, S.heads_backward,
                      capsys=capsys)  # fmt: skip
    assert report and out.count(": ok") == 8


@pytest.mark.parametrize("attempt, words", HEADS_BUGS)
def test_heads_checker_names_the_mistake(attempt, words, capsys):
    report, out = run(C.check_heads, *attempt, capsys=capsys)
    assert not report and all(w in out for w in words), out


def test_heads_reference_is_attention_per_column_block():
    """The checker's reference, by hand: H = 1 is plain attention, and
    each head's output columns come from its own input columns only."""
    rng = np.random.default_rng(0)
    q, k, v = rng.standard_normal((3, 2, 4, 6))
    np.testing.assert_array_equal(
        C.heads_reference(q, k, v, 1, False), attention_forward(q, k, v)[0]
    )
    base = C.heads_reference(q, k, v, 3, True)
    q2 = q.copy()
    q2[..., 2:4] += 1.0  # head 1's columns
    moved = np.abs(C.heads_reference(q2, k, v, 3, True) - base).max((0, 1))
    assert (moved > 0).tolist() == [False, False, True, True, False, False]


# Starting files and the page -------------------------------------------------

STARTS = {1: "dropout_backward", 2: "gelu_backward", 3: "pool_backward",
          4: "heads_backward"}  # fmt: skip


@pytest.mark.parametrize("n", STARTS)
def test_starting_file_fails_the_way_the_page_says(n):
    module = start(n)
    text = inspect.getsource(module)
    assert "assert" not in text and text.rstrip().endswith("print(report)")
    assert not module.report and callable(getattr(module, STARTS[n]))
    said = {1: "1/(1 - p)", 2: "1 + 3 A x^2", 3: "2 times its dout",
            4: "positions and heads mixed"}  # fmt: skip
    assert said[n] in str(module.report)


def test_built_page_links_every_file_a_reader_needs(built_site):
    page = built_site / "part-5" / "exercises" / "index.html"
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    hrefs = {a["href"].rsplit("/", 1)[-1]
             for a in html.find_all("a", href=True)}  # fmt: skip
    needed = {"p5_checks.py", "gradcheck.py", "layers.py", "layers5.py"}
    needed |= {f"p5_exercise_{n}_start.py" for n in STARTS}
    assert needed <= hrefs, needed - hrefs
    for name in needed:
        assert (built_site / "snippets" / name).is_file(), name
    text = " ".join(html.article.get_text(" ").lower().split())
    for n in STARTS:
        assert f"download p5_exercise_{n}_start.py" in text, n
    shown = [pre.get_text() for pre in html.find_all("pre")]
    for n in STARTS:
        for kind in ("start", "solution"):
            mod = importlib.import_module(f"p5_exercise_{n}_{kind}")
            assert any(str(mod.report) in s for s in shown), (n, kind)
