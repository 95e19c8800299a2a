"""Part 2 exercises: every solution passes its checker and is right by an
independent truth (closed forms, central differences), every checker names
realistic wrong attempts without raising, and the built page has its
shape."""

import math
import sys
from collections import deque

import numpy as np
import pytest
from bs4 import BeautifulSoup
from conftest import SNIPPETS
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(SNIPPETS))
import p2_checks as C  # noqa: E402
import p2_exercise_2_smoothmax as S2  # noqa: E402
import p2_exercise_3_neuron as S3  # noqa: E402
import p2_exercise_4_backward as S4  # noqa: E402
from engine import Value, lift  # noqa: E402
from gradcheck import Report, numeric_grad  # noqa: E402

SETTINGS = settings(max_examples=100, deadline=None)


def lines(capsys, report):
    """The report's lines; a checker returns them and prints nothing."""
    assert isinstance(report, Report), type(report)
    assert capsys.readouterr().out == ""
    assert str(report) == "\n".join(report)
    return list(report)


# -- exercise 1: numbers ---------------------------------------------------


def closed_form(x=2.0, y=4.0):
    """f = (x + y)/(xy) + x = 1/y + 1/x + x, differentiated by hand."""
    s, p = x + y, x * y
    return {
        "f": 1.0,
        "q": 1.0,
        "s": 1 / p,
        "p": -s / p**2,
        "x": 1 - 1 / x**2,
        "y": -1 / y**2,
    }


def test_by_hand_accepts_the_closed_form_and_the_engine_agrees(capsys):
    report = C.check_by_hand(closed_form())
    assert report
    assert lines(capsys, report) == [f"{n}.grad: ok" for n in "fqpsyx"]
    x, y = Value(2.0), Value(4.0)
    nodes = C.by_hand(x, y)
    nodes["f"].backward()
    want = closed_form()
    assert all(math.isclose(v.grad, want[k]) for k, v in nodes.items())


@pytest.mark.parametrize(
    "change, node, message",
    [
        ({"x": 1 + 1 / 8}, "x", "only some of its 3 shares"),  # via f and s
        ({"y": 1 / 8}, "y", "only some of its 2 shares"),  # forgot via p
        ({"p": 6 / 64}, "p", "wrong sign"),
        ({"s": 8.0}, "s", "is wrong"),
        ({"q": None}, "q", "missing or not a number"),
    ],
)
def test_by_hand_names_wrong_numbers(capsys, change, node, message):
    report = C.check_by_hand(closed_form() | change)
    assert not report
    out = lines(capsys, report)
    (line,) = [ln for ln in out if ln.startswith(f"{node}.grad")]
    assert message in line


def test_by_hand_survives_garbage(capsys):
    report = C.check_by_hand(None)
    assert not report
    out = lines(capsys, report)
    assert len(out) == 6 and all("missing" in ln for ln in out)
    report = C.check_by_hand({"x": "0.75"})
    assert not report
    assert "x.grad: missing or not a number: '0.75'" in lines(capsys, report)


# -- exercise 2: a smooth maximum as one node ----------------------------


@SETTINGS
@given(
    st.floats(-1000, 1000, allow_nan=False),
    st.floats(-1000, 1000, allow_nan=False),
)
def test_smoothmax_matches_its_closed_form(a, b):
    va, vb = Value(a), Value(b)
    out = S2.smoothmax(va, vb)
    out.backward()
    m = max(a, b)
    assert m <= out.data <= m + math.log(2) + 1e-12  # a smooth max
    d = a - b  # da = e^a / (e^a + e^b) = sigmoid(a - b), computed stably
    sig = 1 / (1 + math.exp(-d)) if d >= 0 else math.exp(d) / (1 + math.exp(d))
    assert math.isclose(va.grad, sig, rel_tol=1e-9, abs_tol=1e-300)
    assert math.isclose(va.grad + vb.grad, 1.0)  # shares of one sum
    assert out.parents == (va, vb) and len(out.topological_order()) == 3


def test_smoothmax_takes_numbers_and_passes_its_checker(capsys):
    assert S2.smoothmax(0.0, Value(1.0)).data == S2.smoothmax(0, 1).data
    report = C.check_op(S2.smoothmax, S2.ref)
    assert report
    want = ["value: ok", "da: ok", "db: ok", "a = 1000: ok"]
    assert lines(capsys, report) == want


def naive(a, b):  # right everywhere ref is, but e^1000 overflows
    a, b = lift(a), lift(b)
    ea, eb = math.exp(a.data), math.exp(b.data)
    out = math.log(ea + eb)
    return Value(out, (a, b), (ea / (ea + eb), eb / (ea + eb)), "smoothmax")


def naive_numpy(a, b):  # np.exp: inf and nan instead of an exception
    a, b = lift(a), lift(b)
    ea, eb = np.exp(a.data), np.exp(b.data)
    out = float(np.log(ea + eb))
    return Value(out, (a, b), (ea / (ea + eb), eb / (ea + eb)))


def unlifted(a, b):  # stable, but without lift(): a.data fails on 1000.0
    m = max(a.data, b.data)
    ea, eb = math.exp(a.data - m), math.exp(b.data - m)
    return Value(
        m + math.log(ea + eb), (a, b), (ea / (ea + eb), eb / (ea + eb))
    )


def swapped_stable(a, b):
    out = S2.smoothmax(a, b)
    return Value(out.data, out.parents, out.local_grads[::-1])


@pytest.mark.parametrize(
    "op, line",
    [
        (naive, "a = 1000: overflows: factor out max(a, b)"),
        (naive_numpy, "a = 1000: overflows: factor out max(a, b)"),
        (unlifted, "a = 1000: plain numbers: raised AttributeError: 'float' "
                   "object has no attribute 'data': lift(a), lift(b)"),
        (swapped_stable, "a = 1000: da, db = 0.268941, 0.731059; "
                         "want 0.731059, 0.268941"),
    ],
)  # fmt: skip
def test_check_op_demands_a_1000_and_plain_numbers(capsys, op, line):
    report = C.check_op(op, S2.ref)
    assert not report
    out = lines(capsys, report)
    assert out[-1] == line
    if op is not swapped_stable:  # right at the five seeded points
        assert out[:3] == ["value: ok", "da: ok", "db: ok"]
    assert C.check_op(op, S2.ref, large=None) == out[:3]


def test_check_op_wants_the_value_at_1000():
    report = C.check_op(lambda a, b: Value(1000.0, (a, b), (1.0, 0.0)),
                        lambda a, b: max(a, b) + 1.0)  # fmt: skip
    assert report[-1].startswith("a = 1000: value 1000.0, want 1000.31")
    assert C.LARGE[1] == S2.ref(1.0, 0.0) + 999  # log(e^1000 + e^999)


def smoothmax_with(locals_of):
    def op(a, b):
        a, b = lift(a), lift(b)
        ea, eb = math.exp(a.data), math.exp(b.data)
        out = math.log(ea + eb)
        return Value(out, (a, b), locals_of(ea, eb), "smoothmax")

    return op


def no_parents(a, b):
    return Value(S2.ref(a.data, b.data))


def boom(a, b):
    raise ZeroDivisionError("oops")


@pytest.mark.parametrize(
    "op, message",
    [
        (smoothmax_with(lambda ea, eb: (eb / (ea + eb), ea / (ea + eb))),
         "da: equals db: local_grads in the wrong order"),
        (smoothmax_with(lambda ea, eb: (ea, eb)), "da: wrong pattern"),
        (smoothmax_with(lambda ea, eb: (2 * ea / (ea + eb),
                                        2 * eb / (ea + eb))),
         "da: 2 times the right one"),
        (smoothmax_with(lambda ea, eb: (-ea / (ea + eb), -eb / (ea + eb))),
         "da: wrong sign"),
        (no_parents, "da: all zeros: are the inputs the new Value's parents"),
        (lambda a, b: S2.ref(a.data, b.data), "not a Value"),
        (boom, "raised ZeroDivisionError"),
    ],
)  # fmt: skip
def test_check_op_names_each_wrong_attempt(capsys, op, message):
    report = C.check_op(op, S2.ref)
    assert not report
    out = lines(capsys, report)
    assert any(ln.startswith(message) or message in ln for ln in out), out


# -- exercise 3: a neuron as one node -------------------------------------


@pytest.mark.parametrize("n", [1, 2, 5])
def test_fused_neuron_gradients_are_central_differences(n):
    rng = np.random.default_rng(n)
    z = rng.normal(size=2 * n + 1)
    vs = [Value(v) for v in z]
    out = S3.neuron(vs[:n], vs[n : 2 * n], vs[-1])
    out.backward()
    f = lambda: np.tanh(z[:n] @ z[n : 2 * n] + z[-1])  # noqa: E731
    np.testing.assert_allclose([v.grad for v in vs], numeric_grad(f, z),
                               rtol=1e-7, atol=1e-10)  # fmt: skip
    assert len(out.topological_order()) == 2 * n + 2


def test_fused_neuron_passes_its_checker(capsys):
    report = C.check_neuron(S3.neuron)
    assert report
    want = ["value: ok", "dw: ok", "dx: ok", "db: ok"]
    assert lines(capsys, report) == want


def neuron_with(local_grads):
    def neuron(ws, xs, b):
        z = sum(w.data * x.data for w, x in zip(ws, xs)) + b.data
        t = math.tanh(z)
        return Value(t, (*ws, *xs, b), local_grads(ws, xs, 1 - t * t))

    return neuron


def neuron_of_values(ws, xs, b):  # local grads that are Values
    t = sum((w * x for w, x in zip(ws, xs)), b).tanh()
    return Value(t.data, (*ws, *xs, b), (*xs, *ws, 1 - t * t))


@pytest.mark.parametrize(
    "neuron, start, text",
    [
        (neuron_with(lambda ws, xs, d: (*(x.data for x in xs),
                                        *(w.data for w in ws), 1.0)),
         "dw: ", "times the right one: a missing or extra factor"),
        (neuron_with(lambda ws, xs, d: (*(d * w.data for w in ws),
                                        *(d * x.data for x in xs), d)),
         "dw: ", "equals dx"),
        (lambda ws, xs, b: None, "your code raised", "not a Value"),
        (neuron_of_values, "your code raised", "plain numbers"),
    ],
)  # fmt: skip
def test_check_neuron_names_each_wrong_attempt(capsys, neuron, start, text):
    report = C.check_neuron(neuron)
    assert not report
    out = lines(capsys, report)
    assert any(ln.startswith(start) and text in ln for ln in out), out


# -- exercise 4: the backward pass ----------------------------------------


@SETTINGS
@given(st.integers(0, 10_000), st.lists(st.floats(-1, 1), min_size=3,
                                        max_size=3))  # fmt: skip
def test_own_backward_is_central_differences_on_random_graphs(seed, xs):
    x = np.array(xs)
    vs = [Value(v) for v in x]
    S4.backward(C.random_graph(vs, seed))
    num = numeric_grad(lambda: np.array(C.random_graph(
        [Value(v) for v in x], seed).data), x)  # fmt: skip
    np.testing.assert_allclose([v.grad for v in vs], num, rtol=1e-6,
                               atol=1e-6)  # fmt: skip


def test_own_backward_passes_its_checker(capsys):
    report = C.check_backward(S4.backward)
    assert report
    out = lines(capsys, report)
    assert len(out) == len(C.PROBES) + 1
    assert all(ln.endswith(": ok") for ln in out)


def engine_like(assign=False, seed=True, reverse=True, reset="inner"):
    def backward(root):
        order = root.topological_order()
        for node in order:
            if reset == "all" or (reset == "inner" and node.parents):
                node.grad = 0.0
        if seed:
            root.grad += 1.0
        for node in reversed(order) if reverse else order:
            for parent, local in zip(node.parents, node.local_grads):
                if assign:
                    parent.grad = local * node.grad
                else:
                    parent.grad += local * node.grad

    return backward


def breadth_first(root):
    root.grad, queue, seen = 1.0, deque([root]), {root}
    while queue:
        node = queue.popleft()
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)


def recursive(root):
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for parent in node.parents:
                visit(parent)
            order.append(node)

    visit(root)  # the rest is right; only the order is found recursively
    for node in order:
        if node.parents:
            node.grad = 0.0
    root.grad += 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad


@pytest.mark.parametrize(
    "backward, probe, message",
    [
        (engine_like(assign=True), "x * x", "+=, not ="),
        (engine_like(assign=True), "a used twice", "same cause as the x * x"),
        (breadth_first, "a used twice", "reverse topological order"),
        (engine_like(seed=False), "a chain", "seed it, root.grad = 1"),
        (engine_like(reverse=False), "a chain", "walk back from the root"),
        (recursive, "6000 deep", "RecursionError"),
        (engine_like(reset="none"), "a second call", "inner grads grew"),
        (engine_like(reset="all"), "a second call", "inputs must add up"),
        (lambda root: root.nope, "a chain", "raised AttributeError"),
    ],
)
def test_check_backward_names_each_wrong_attempt(
    capsys, backward, probe, message
):
    report = C.check_backward(backward)
    assert not report
    out = dict(ln.split(": ", 1) for ln in lines(capsys, report))
    assert message in out[probe], out


def test_order_hint_only_when_accumulation_is_right(capsys):
    said = dict(ln.split(": ", 1) for ln in C.check_backward(breadth_first))
    assert said["x * x"] == "ok" and "topological" in said["a used twice"]
    wrong = C.check_backward(engine_like(assign=True))
    said = dict(ln.split(": ", 1) for ln in lines(capsys, wrong))
    assert not any("topological" in v for v in said.values()), said


def test_check_backward_passes_the_engine_itself(capsys):
    report = C.check_backward(Value.backward)
    assert report
    assert all(ln.endswith(": ok") for ln in lines(capsys, report))


def says_ok(*args):
    raise ValueError("ok")


@pytest.mark.parametrize(
    "check, attempt",
    [
        (lambda f: C.check_op(f, S2.ref), says_ok),
        (C.check_neuron, says_ok),
        (C.check_backward, says_ok),
    ],
)
def test_an_error_that_says_ok_is_not_ok(capsys, check, attempt):
    report = check(attempt)
    assert not report
    assert any("raised ValueError: ok." in ln for ln in lines(capsys, report))


# -- the built page --------------------------------------------------------


def test_exercise_page_shows_the_checkers_lines(built_site):
    page = built_site / "part-2" / "exercises" / "index.html"
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = article.find("article")
    text = "\n".join(pre.get_text() for pre in article.find_all("pre"))
    for line in [
        "x.grad: ok",
        "da: equals db",
        "a = 1000: overflows: factor out max(a, b)",
        "x * x: x * x sends x two",
        "a used twice: same cause as the x * x line",
    ]:
        assert line in text, f"checker output {line!r} is not on the page"
    assert "../../reference/glossary/#" in str(article)


def test_the_part_links_to_its_exercises(built_site):
    for page in ("part-2", "part-2/engine-bugs"):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert 'href="exercises/"' in html or 'href="../exercises/"' in html
