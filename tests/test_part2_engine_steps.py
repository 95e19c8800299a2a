"""Part 2's first page: the small engine (p2_tiny.py) is right and breaks
exactly where the page says; each hardening step of engine.py does what
the page says; and the benchmark's old versions of engine.py compute the
same numbers as the engine (so "what each change bought" compares like
with like)."""

import math
import subprocess
import sys

import pytest
from conftest import ROOT, SNIPPETS
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(SNIPPETS))
sys.path.insert(0, str(ROOT / "benchmarks"))
import engine  # noqa: E402
import p2_tiny  # noqa: E402
from engine_versions import old_backward  # noqa: E402

OPS = ["add", "mul", "tanh"]


@st.composite
def programs(draw, n_inputs=3):
    """Steps (op, i, j): node n_inputs + k is op of nodes i and j."""
    steps = []
    for k in range(draw(st.integers(1, 12))):
        n = n_inputs + k
        op = draw(st.sampled_from(OPS))
        steps.append(
            (op, draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1)))
        )
    return steps


def run(steps, nodes):
    """Values or floats: the same program (tanh of floats via math)."""
    nodes = list(nodes)
    for op, i, j in steps:
        a, b = nodes[i], nodes[j]
        if op == "add":
            nodes.append(a + b)
        elif op == "mul":
            nodes.append(a * b)
        else:
            nodes.append(a.tanh() if hasattr(a, "tanh") else math.tanh(a))
    return nodes


inputs = st.lists(st.floats(-2, 2), min_size=3, max_size=3)


@settings(max_examples=200, deadline=None)
@given(programs(), inputs)
def test_tiny_engine_matches_central_differences(steps, xs):
    values = [p2_tiny.Value(x) for x in xs]
    out = run(steps, values)[-1]
    out.backward()
    h = 1e-6
    for k, v in enumerate(values):
        up, down = list(xs), list(xs)
        up[k] += h
        down[k] -= h
        numeric = (run(steps, up)[-1] - run(steps, down)[-1]) / (2 * h)
        # products of up to 12 factors in [-2, 2]: |out| stays below 1e4
        assert math.isclose(v.grad, numeric, rel_tol=1e-5, abs_tol=1e-5)


@settings(max_examples=200, deadline=None)
@given(programs(), inputs)
def test_engine_order_is_the_recursive_order(steps, xs):
    # the page: the stack of paused loops visits nodes as visit() does
    tiny = run(steps, [p2_tiny.Value(x) for x in xs])
    ours = run(steps, [engine.Value(x) for x in xs])
    where = {id(node): k for k, node in enumerate(tiny)}
    tiny_order = [where[id(n)] for n in tiny[-1].topological_order()]
    where = {id(node): k for k, node in enumerate(ours)}
    our_order = [where[id(n)] for n in ours[-1].topological_order()]
    assert our_order == tiny_order
    ours[-1].backward()
    tiny[-1].backward()
    for a, b in zip(tiny[:3], ours[:3]):  # and the same gradients
        assert math.isclose(a.grad, b.grad, rel_tol=1e-12, abs_tol=1e-300)


def chain(Value, n):
    x = Value(1.0)
    y = x
    for _ in range(n):
        y = y * Value(0.9999)
    y.backward()
    return x.grad


def test_tiny_engine_breaks_where_the_page_says():
    assert math.isclose(chain(p2_tiny.Value, 100), 0.9999**100)
    with pytest.raises(RecursionError):
        chain(p2_tiny.Value, 5_000)
    x = p2_tiny.Value(3.0)
    with pytest.raises(AttributeError, match="'int' object has no "):
        x + 1
    with pytest.raises(TypeError, match="unsupported operand"):
        2 * x
    assert (p2_tiny.Value("3") + p2_tiny.Value("4")).data == "34"
    assert (p2_tiny.Value(1e200) * p2_tiny.Value(1e200)).data == math.inf


def test_engine_mends_each_break():
    assert chain(engine.Value, 100_000) == pytest.approx(0.9999**100_000)
    x = engine.Value(3.0)
    assert ((x + 1).data, (2 * x).data, (1 - x).data, (6 / x).data) == (
        4.0,
        6.0,
        -2.0,
        2.0,
    )
    with pytest.raises(TypeError, match="real number, not '3'"):
        engine.Value("3") + engine.Value("4")
    with pytest.raises(ValueError, match="result of '\\*'"):
        engine.Value(1e200) * engine.Value(1e200)
    with pytest.raises(TypeError, match="real number"):
        engine.lift("a")
    assert engine.lift(x) is x and engine.lift(2).data == 2.0


def test_the_small_engine_is_about_thirty_lines():
    lines = (SNIPPETS / "p2_tiny.py").read_text().splitlines()
    code = [ln for ln in lines if ln.strip() and ln.strip()[0] not in '#"']
    assert 25 <= len(code) <= 35, len(code)  # the page: "about 30 lines"


# --- backward() skips a node whose gradient is 0 ------------------------


def test_a_zero_gradient_never_meets_an_infinite_slope():
    # q = a/b with b tiny: q is finite, its slope along b is -q/b = -inf.
    # Nothing flows back to q (out = 0 * q), so b's gradient is 0: the
    # loop skips q. Multiplying instead gives 0 * -inf = nan.
    def make():
        a, b = engine.Value(1.0), engine.Value(1e-200)
        q = a / b
        return a, b, q, q * 0.0

    a, b, q, out = make()
    assert q.local_grads[1] == -math.inf
    out.backward()
    assert (q.grad, a.grad, b.grad) == (0.0, 0.0, 0.0)
    a, b, q, out = make()
    old_backward(out)  # the loop before issue 16: no skip
    assert math.isnan(b.grad)


def test_division_by_a_tiny_number_has_no_hidden_underflow():
    # -a/(b*b) underflowed b*b to 0 and raised ZeroDivisionError
    a, b = engine.Value(1.0), engine.Value(1e-200)
    q = a / b
    q.backward()
    assert q.data == pytest.approx(1e200)
    assert a.grad == pytest.approx(1e200) and b.grad == -math.inf
    a, b = engine.Value(3.0), engine.Value(-4.0)
    (a / b).backward()  # by hand: 1/b = -1/4, -a/b^2 = -3/16
    assert (a.grad, b.grad) == (-0.25, -3 / 16)


def test_skipping_changes_no_gradient_of_a_relu_network():
    # a ReLU network with dead units: skipped or not, the same gradients
    def grads(backward):
        xs = [engine.Value(v) for v in (0.5, -1.5, 2.0)]
        h = [(xs[0] * w + xs[1] * -w + xs[2]).relu() for w in (1, -1, 3)]
        out = sum(hi * hi for hi in h) + xs[0]
        backward(out)
        return [x.grad for x in xs], sum(hi.grad == 0.0 for hi in h)

    new, dead = grads(engine.Value.backward)
    old, _ = grads(old_backward)
    assert dead >= 1 and new == old


# --- the benchmark's versions of engine.py ------------------------------

VERSION = """
import sys
sys.path[:0] = [{bench!r}, {snippets!r}]
import engine, mlp
from engine_versions import undo
undo(engine.Value, {keys!r})
X, y = mlp.data()
model = mlp.make_model(engine.Value)
loss = mlp.train_step(model, X, y)
print(repr(loss), *(repr(p.data) for p in mlp.parameters(model)))
"""


def train_once(keys):
    code = VERSION.format(
        bench=str(ROOT / "benchmarks"), snippets=str(SNIPPETS), keys=keys
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return [float(v) for v in out.stdout.split()]


def test_every_old_version_trains_to_the_same_numbers():
    from engine_versions import OLD_CODE

    keys = [k for k, _, _ in OLD_CODE]
    now = train_once([])
    for i in range(len(keys)):
        then = train_once(keys[i:])  # changes up to keys[i - 1] kept
        assert then == pytest.approx(now, rel=1e-12, abs=1e-15), keys[i:]


def test_engine_script_prints_one_time_per_step():
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "engine_script.py"),
         "engine", "2"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    cpu, wall = out.stdout.splitlines()
    assert len(cpu.split()) == len(wall.split()) == 2
    assert all(float(t) > 0 for t in cpu.split() + wall.split())
