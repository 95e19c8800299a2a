"""Part 4: forward mode (dual numbers) and reverse mode (the engine) agree
with each other and with central differences; the cost snippets compute
what they claim."""

import importlib
import math

import numpy as np
import pytest
from conftest import DOCS
from engine import Value
from hypothesis import given, settings
from hypothesis import strategies as st
from p4_dual import Dual

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.floats(-2, 2)),
        st.tuples(st.just("mul"), st.floats(-2, 2)),
        st.tuples(st.just("mulx"), st.just(0.0)),
        st.tuples(st.just("tanh"), st.just(0.0)),
        st.tuples(st.just("exp"), st.just(0.0)),
    ),
    min_size=1,
    max_size=8,
)


def run(ops, x, tanh, exp):
    """Apply ops to x; works on floats, Dual and Value alike."""
    y = x
    for op, c in ops:
        if op == "add":
            y = y + c
        elif op == "mul":
            y = y * c
        elif op == "mulx":
            y = y * x  # x is used again: a fork in the graph
        elif op == "tanh":
            y = tanh(y)
        else:
            y = exp(y * 0.1)  # keep exp from overflowing
    return y


@settings(max_examples=60, deadline=None)
@given(ops=OPS, x=st.floats(-1.5, 1.5))
def test_dual_engine_and_central_differences_agree(ops, x):
    dual = run(ops, Dual(x, 1.0), lambda v: v.tanh(), lambda v: v.exp())
    v = Value(x)
    out = run(ops, v, lambda v: v.tanh(), lambda v: v.exp())
    out.backward()

    def f(t):
        return run(ops, t, math.tanh, math.exp)

    h = 1e-6
    numeric = (f(x + h) - f(x - h)) / (2 * h)
    assert dual.val == pytest.approx(out.data, rel=1e-12, abs=1e-12)
    assert dual.dot == pytest.approx(v.grad, rel=1e-9, abs=1e-9)
    assert dual.dot == pytest.approx(numeric, rel=1e-5, abs=1e-5)


def test_dual_product_rule_is_exact():
    x = Dual(3.0, 1.0)
    y = x * x * x  # d(x^3)/dx = 3x^2 = 27
    assert (y.val, y.dot) == (27.0, 27.0)
    z = 2 * x + 1  # constants on the left work too
    assert (z.val, z.dot) == (7.0, 2.0)


@pytest.fixture(scope="module")
def inputs():
    return importlib.import_module("p4_modes_inputs")


@pytest.fixture(scope="module")
def outputs():
    return importlib.import_module("p4_modes_outputs")


@settings(max_examples=15, deadline=None)
@given(xs=st.lists(st.floats(-2, 2), min_size=2, max_size=12))
def test_many_inputs_modes_agree(inputs, xs):
    np.testing.assert_allclose(
        inputs.forward_mode(xs), inputs.reverse_mode(xs), atol=1e-12
    )


@settings(max_examples=15, deadline=None)
@given(x=st.floats(-2, 2), m=st.integers(1, 12))
def test_many_outputs_modes_agree_and_match_differences(outputs, x, m):
    fwd = outputs.forward_mode(x, m)
    np.testing.assert_allclose(fwd, outputs.reverse_mode(x, m), atol=1e-12)
    h = 1e-6  # y_k(x ± h): values only (a Dual with slope 0)
    up = [y.val for y in outputs.g(Dual(x + h), m)]
    down = [y.val for y in outputs.g(Dual(x - h), m)]
    numeric = [(a - b) / (2 * h) for a, b in zip(up, down)]
    np.testing.assert_allclose(fwd, numeric, rtol=1e-5, atol=1e-6)


def test_backprop_in_the_cost_snippet_matches_central_differences():
    fd = importlib.import_module("p4_cost_fd")
    rng = np.random.default_rng(3)
    H = 5
    theta = rng.standard_normal(fd.D * H + H + H * fd.C + fd.C) * 0.3
    g = fd.backprop(theta, H)
    h = 1e-6
    numeric = np.array(
        [
            (fd.loss(theta + h * e, H)[0] - fd.loss(theta - h * e, H)[0])
            / (2 * h)
            for e in np.eye(theta.size)
        ]
    )
    assert np.linalg.norm(g - numeric) < 1e-7 * np.linalg.norm(numeric) + 1e-9


@settings(max_examples=8, deadline=None)
@given(depth=st.integers(1, 6), batch=st.integers(1, 40))
def test_cached_bytes_are_two_activations_per_layer(depth, batch):
    mem = importlib.import_module("p4_cost_memory")
    assert mem.cached_bytes(depth, batch) == depth * 2 * batch * mem.width * 8


def test_one_blas_thread_limits_blas_and_restores_it():
    """Through threadpoolctl, not by scanning /proc for OpenBLAS."""
    import inspect

    import p4_timing
    from threadpoolctl import threadpool_info

    def blas_threads():
        return [p["num_threads"] for p in threadpool_info()
                if p["user_api"] == "blas"]  # fmt: skip

    assert p4_timing.BLAS_LIMITED
    before = blas_threads()
    assert before, "numpy's BLAS not seen by threadpoolctl"
    with p4_timing.one_blas_thread():
        assert set(blas_threads()) == {1}
    assert blas_threads() == before
    assert "/proc" not in inspect.getsource(p4_timing)


# Issue 12, item 9: what the memory page and its exercise count -----------


@settings(max_examples=8, deadline=None)
@given(depth=st.integers(1, 6), batch=st.integers(1, 40))
def test_a_relu_that_keeps_its_output_shares_one_array_per_layer(depth, batch):
    mem = importlib.import_module("p4_cost_memory")
    one = batch * mem.width * 8
    keep_out = mem.cached_bytes(depth, batch, mem.relu_keeping_output)
    keep_mask = mem.cached_bytes(depth, batch, mem.relu_keeping_mask)
    assert keep_out == (depth + 1) * one  # the input and every output
    assert keep_mask == depth * one + depth * batch * mem.width  # bool


def test_the_relu_variants_give_the_same_gradient():
    """relu'(z) from the output or from a mask is relu'(z) from z."""
    import layers

    mem = importlib.import_module("p4_cost_memory")
    z = np.array([[-1.0, 0.0, 2.0], [0.5, -0.0, -3.0]])
    dout = np.arange(6.0).reshape(2, 3) + 1
    want = layers.relu_backward(dout, layers.relu_forward(z)[1])
    for relu in (mem.relu_keeping_output, mem.relu_keeping_mask):
        got = layers.relu_backward(dout, relu(z)[1].astype(float))
        np.testing.assert_array_equal(got, want)


def test_checkpoint_exercise_counts_by_brute_force():
    """ceil(48/k) checkpoints of one array, plus a segment of k layers of
    two arrays: simulate the peak for every k, independently."""
    ex = importlib.import_module("p4_ex_memory")
    peak = {}
    for k in range(1, 49):
        checkpoints = len(range(0, 48, k))
        segment = max(len(range(s, min(s + k, 48))) for s in range(0, 48, k))
        peak[k] = checkpoints + 2 * segment
    least = min(peak.values())
    assert least == ex.least == 20
    assert [k for k, v in peak.items() if v == least] == ex.best == [4, 5, 6]
    text = " ".join((DOCS / "part-4" / "what-a-gradient-costs.md")
                    .read_text("utf-8").split())  # fmt: skip
    assert "k = \\sqrt{48} \\approx 7" not in text
    assert "in training but not in inference" not in text
    assert "optimiser" in text and "gradient of the same size" in text


# The cheap gradient principle: what p4_cheap_gradient.py counts ---------


def test_backward_work_is_one_multiply_add_per_local_derivative():
    """On a graph counted by hand: (a*b + c).tanh() has 3 operations and
    5 local derivatives, one multiply-add each in engine.backward's loop;
    the count p4_cheap_gradient.py makes on a larger graph."""
    a, b, c = Value(0.5), Value(-1.5), Value(2.0)
    out = (a * b + c).tanh()
    ops = [v for v in out.topological_order() if v.parents]
    assert len(ops) == 3
    assert sum(len(v.parents) for v in ops) == 5
    out.backward()  # and the gradients are right, by hand
    t = math.tanh(0.5 * -1.5 + 2.0)
    assert a.grad == pytest.approx((1 - t * t) * -1.5)
    assert b.grad == pytest.approx((1 - t * t) * 0.5)
    assert c.grad == pytest.approx(1 - t * t)


def test_cheap_gradient_snippet_counts_and_differentiates_right(capsys):
    m = importlib.import_module("p4_cheap_gradient")
    capsys.readouterr()
    assert m.edges <= 2 * len(m.ops)  # at most two inputs per operation
    w = m.V2[3]
    loss = m.engine_loss()
    loss.zero_grad()
    loss.backward()
    old, h = w.data, 1e-6
    w.data = old + h
    up = m.engine_loss().data
    w.data = old - h
    down = m.engine_loss().data
    w.data = old
    assert w.grad == pytest.approx((up - down) / (2 * h), rel=1e-6)
