"""Property-based tests of snippets/engine.py (hypothesis).

Random programs use every operation; each step may reuse any earlier node,
so the graphs are DAGs with shared nodes. Every gradient is compared with a
central difference of the same program evaluated on plain floats."""

import math
import sys
import warnings

from conftest import SNIPPETS
from hypothesis import assume, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(SNIPPETS))
from engine import Value  # noqa: E402

SETTINGS = settings(max_examples=200, deadline=None)
N_INPUTS = 3


def f_sigmoid(x):
    return (
        1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))
    )


# name -> (on a Value, on a float); arguments stay inside each op's domain
UNARY = {
    "neg": (lambda a: -a, lambda a: -a),
    "exp": (lambda a: a.tanh().exp(), lambda a: math.exp(math.tanh(a))),
    "log": (lambda a: (a * a + 0.5).log(), lambda a: math.log(a * a + 0.5)),
    "tanh": (lambda a: a.tanh(), math.tanh),
    "sigmoid": (lambda a: a.sigmoid(), f_sigmoid),
    "relu": (lambda a: a.relu(), lambda a: max(a, 0.0)),
}
BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / (b * b + 1),
}
WITH_CONST = {  # a number on either side
    "radd": lambda a, c: c + a,
    "rsub": lambda a, c: c - a,
    "rmul": lambda a, c: c * a,
    "rdiv": lambda a, c: c / (a * a + 1),
    "addc": lambda a, c: a + c,
    "divc": lambda a, c: a / (c * c + 0.5),
    "ipow": lambda a, c: a ** int(abs(c) * 2),  # integer power 0..6
    "fpow": lambda a, c: (a * a + 0.5) ** c,  # float power
}
OPS = [*UNARY, *BINARY, *WITH_CONST]

inputs = st.lists(
    st.floats(-2, 2, allow_nan=False), min_size=N_INPUTS, max_size=N_INPUTS
)


@st.composite
def programs(draw):
    """A list of steps (op, i, j, const); node k+N_INPUTS is step k."""
    steps = []
    for k in range(draw(st.integers(1, 10))):
        n = N_INPUTS + k  # nodes available so far
        op = draw(st.sampled_from(OPS))
        i, j = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        c = draw(st.floats(-1.5, 1.5, allow_nan=False))
        steps.append((op, i, j, c))
    return steps


def run(program, xs, on_value):
    """Evaluate a program on Values or on floats; relu inputs are kept."""
    nodes, kinks = list(xs), []
    for op, i, j, c in program:
        a, b = nodes[i], nodes[j]
        if op in UNARY:
            if op == "relu":
                kinks.append(a.data if on_value else a)
            out = UNARY[op][0 if on_value else 1](a)
        elif op in BINARY:
            out = BINARY[op](a, b)
        else:
            out = WITH_CONST[op](a, c)
        nodes.append(out)
    return nodes[-1] + nodes[-2] * 0.5, kinks


@SETTINGS
@given(programs(), inputs)
def test_random_programs_match_central_differences(program, xs):
    try:
        values = [Value(x) for x in xs]
        out, kinks = run(program, values, on_value=True)
        f = run(program, xs, on_value=False)[0]
    except (ValueError, OverflowError):
        assume(False)  # left a domain (too large a value): not a test case
    assume(abs(out.data) < 1e6)
    assume(all(abs(k) > 1e-3 for k in kinks))  # keep off relu's kink
    assert math.isclose(out.data, f, rel_tol=1e-12, abs_tol=1e-12)
    out.backward()
    h = 1e-6
    for k, v in enumerate(values):
        up, down = list(xs), list(xs)
        up[k] += h
        down[k] -= h
        fu, fd = (run(program, p, False)[0] for p in (up, down))
        numeric = (fu - fd) / (2 * h)
        assert math.isclose(v.grad, numeric, rel_tol=1e-4, abs_tol=1e-5), (
            k,
            v.grad,
            numeric,
        )


@SETTINGS
@given(programs(), inputs)
def test_backward_twice_doubles_input_grads(program, xs):
    try:
        values = [Value(x) for x in xs]
        out, _ = run(program, values, on_value=True)
    except (ValueError, OverflowError):
        assume(False)
    out.backward()
    once = [v.grad for v in values]
    out.backward()
    for v, g in zip(values, once):  # same sum, added in another order
        # rounding of a sum that cancels can differ by ~1e-16 of its terms
        assert math.isclose(v.grad, 2 * g, rel_tol=1e-9, abs_tol=1e-9)
    out.zero_grad()
    out.backward()
    assert [v.grad for v in values] == once


@SETTINGS
@given(st.floats(-5, 5, allow_nan=False), st.integers(1, 50))
def test_a_node_used_k_times(x, k):
    a = Value(x)
    sq = a * a  # one node, reused k times
    total = sq
    for _ in range(k - 1):
        total = total + sq
    total.backward()
    assert math.isclose(a.grad, 2 * k * x, rel_tol=1e-12, abs_tol=1e-12)


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 20_000), st.floats(0.5, 1.5))
def test_deep_tanh_chains_match_the_product_of_slopes(depth, x0):
    x = Value(x0)
    v, slope = x, 1.0
    for _ in range(depth):
        v = v.tanh()
        slope *= 1 - v.data**2  # d tanh(u)/du = 1 - tanh(u)^2
    v.backward()
    assert math.isclose(x.grad, slope, rel_tol=1e-9, abs_tol=1e-300)


@SETTINGS
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_tanh_and_sigmoid_at_any_finite_x(x):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning would fail
        for op in ("tanh", "sigmoid"):
            v = Value(x)
            out = getattr(v, op)()
            out.backward()
            lo = -1.0 if op == "tanh" else 0.0
            assert lo <= out.data <= 1.0
            assert math.isfinite(v.grad) and 0.0 <= v.grad <= 1.0


@SETTINGS
@given(st.floats(-1e3, 1e3, allow_nan=False))
def test_relu_slope_is_one_exactly_when_positive(x):
    v = Value(x)
    out = v.relu()
    out.backward()
    assert out.data == max(x, 0.0)
    assert v.grad == (1.0 if x > 0 else 0.0)  # relu'(0) = 0, documented
