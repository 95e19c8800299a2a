"""snippets/layers.py: every backward pass against central differences
(hypothesis picks shapes and values), float32 against float64, extreme
softmax scores, shape and dtype errors.

Hypothesis: max_examples=40, deadline=None for every property."""

import sys
import warnings

import numpy as np
import pytest
from conftest import SNIPPETS
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

sys.path.insert(0, str(SNIPPETS))
import gradcheck as G  # noqa: E402
import layers as L  # noqa: E402

PROPERTY = settings(max_examples=40, deadline=None)
F64_TOL = 1e-7  # gradcheck's "ok" bound in float64 (see its docstring)
F32_TOL = 2e-5  # float32 analytic vs float64 numeric: rounding only
dims = st.integers(1, 5)
# no tiny nonzero values: a gradient like 1e-60 is below what central
# differences resolve (gradcheck's "suspect" band), not a layer bug
off_kink = st.floats(0.01, 3) | st.floats(-3, -0.01)  # relu: no x near 0
values = st.just(0.0) | off_kink
ACTIVATIONS = [
    (L.relu_forward, L.relu_backward, off_kink),
    (L.sigmoid_forward, L.sigmoid_backward, st.floats(-8, 8)),
    (L.tanh_forward, L.tanh_backward, st.floats(-4, 4)),
]


def matrix(rows, cols, elements=values):
    return arrays(np.float64, (rows, cols), elements=elements)


@st.composite
def affine_inputs(draw):
    n, d, m = draw(dims), draw(dims), draw(dims)
    return (
        draw(matrix(n, d)),
        draw(matrix(d, m)),
        draw(arrays(np.float64, (m,), elements=values)),
    )


@st.composite
def scores_and_labels(draw, lo=-5, hi=5):
    n, c = draw(dims), draw(st.integers(2, 5))
    x = draw(matrix(n, c, st.floats(lo, hi)))
    y = np.array(draw(st.lists(st.integers(0, c - 1), min_size=n, max_size=n)))
    return x, y


def numeric_layer_grads(forward, inputs, dout):
    """Central-difference gradients of sum(forward(*inputs)[0] * dout)."""
    inputs = [a.astype(np.float64) for a in inputs]
    f = lambda: forward(*inputs)[0]  # noqa: E731
    return [G.numeric_grad(f, a, dout.astype(np.float64)) for a in inputs]


# float64: backward == central differences ---------------------------------


@PROPERTY
@given(affine_inputs(), st.integers(0, 2**32 - 1))
def test_affine_backward_matches_central_differences(inputs, seed):
    out, cache = L.affine_forward(*inputs)
    dout = np.random.default_rng(seed).standard_normal(out.shape)
    grads = L.affine_backward(dout, cache)
    for g, num in zip(
        grads, numeric_layer_grads(L.affine_forward, inputs, dout)
    ):
        assert g.shape == num.shape
        assert G.rel_error(g, num) < F64_TOL


@pytest.mark.parametrize("pair", ACTIVATIONS, ids=["relu", "sigmoid", "tanh"])
def test_activation_backward_matches_central_differences(pair):
    forward, backward, elements = pair

    @PROPERTY
    @given(st.data())
    def prop(data):
        x = data.draw(matrix(data.draw(dims), data.draw(dims), elements))
        dout = data.draw(matrix(*x.shape))
        out, cache = forward(x)
        (num,) = numeric_layer_grads(forward, [x], dout)
        assert G.rel_error(backward(dout, cache), num) < F64_TOL

    prop()


@PROPERTY
@given(scores_and_labels())
def test_softmax_loss_gradient_matches_central_differences(xy):
    x, y = xy
    assert G.check_loss(L.softmax_loss, x, y) < F64_TOL


@PROPERTY
@given(st.data())
def test_mse_loss_gradient_matches_central_differences(data):
    shape = (data.draw(dims), data.draw(dims))
    pred, target = data.draw(matrix(*shape)), data.draw(matrix(*shape))
    assert G.check_loss(L.mse_loss, pred, target) < F64_TOL


# exact values derived by hand ----------------------------------------------


def test_affine_by_hand():
    x = np.array([[1.0, 2.0]])  # (1, 2)
    w = np.array([[3.0, 0.0, 1.0], [-1.0, 2.0, 0.0]])  # (2, 3)
    b = np.array([0.5, 0.0, -1.0])
    out, cache = L.affine_forward(x, w, b)
    assert out.tolist() == [[1.5, 4.0, 0.0]]  # 1*3 + 2*(-1) + 0.5, ...
    dx, dw, db = L.affine_backward(np.array([[1.0, 0.0, 2.0]]), cache)
    assert dx.tolist() == [[5.0, -1.0]]  # dout @ w.T: 3 + 2, -1 + 0
    assert dw.tolist() == [[1.0, 0.0, 2.0], [2.0, 0.0, 4.0]]  # x.T @ dout
    assert db.tolist() == [1.0, 0.0, 2.0]
    dx, dw2, _ = L.affine_backward(np.ones((1, 3)), cache, input_grad=False)
    assert dx is None and dw2.tolist() == [[1.0] * 3, [2.0] * 3]


def test_softmax_loss_uniform_scores():
    # equal scores: p = 1/C everywhere, loss = log C, dx = (1/C - y) / N
    x, y = np.zeros((2, 4)), np.array([0, 3])
    loss, dx = L.softmax_loss(x, y)
    assert loss == pytest.approx(np.log(4), rel=1e-15)
    expected = np.full((2, 4), 0.25 / 2)
    expected[[0, 1], [0, 3]] = (0.25 - 1) / 2
    np.testing.assert_allclose(dx, expected, rtol=1e-15)


def test_mse_loss_by_hand():
    loss, dpred = L.mse_loss(np.array([[1.0], [3.0]]), np.array([[0.0], [0]]))
    assert loss == 0.5 * (1 + 9) / 2
    assert dpred.tolist() == [[0.5], [1.5]]  # (pred - target) / N


# extreme scores ------------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_softmax_loss_at_extreme_scores(dtype):
    x = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4], [5e3, 5e3, -1e4]])
    y = np.array([1, 2, 0])
    with (
        warnings.catch_warnings(),
        np.errstate(over="raise", invalid="raise", divide="raise"),
    ):
        warnings.simplefilter("error")
        loss, dx = L.softmax_loss(x.astype(dtype), y)
    # row 0 misses by 2e4; row 1 is certain and right; row 2 is a coin toss
    assert loss == pytest.approx((2e4 + 0 + np.log(2)) / 3, rel=1e-6)
    expected = np.array([[1, -1, 0], [0, 0, 0], [-0.5, 0.5, 0]]) / 3
    np.testing.assert_allclose(dx, expected, atol=1e-7)


@PROPERTY
@given(scores_and_labels(), st.floats(-1e4, 1e4))
def test_softmax_loss_ignores_a_shift_of_every_score(xy, shift):
    x, y = xy
    loss, dx = L.softmax_loss(x, y)
    loss2, dx2 = L.softmax_loss(x + shift, y)
    assert np.isfinite(loss2) and np.all(np.isfinite(dx2))
    assert loss2 == pytest.approx(loss, rel=1e-9, abs=1e-9)
    np.testing.assert_allclose(dx2, dx, atol=1e-9)


@PROPERTY
@given(scores_and_labels(-1e4, 1e4))
def test_softmax_gradient_rows_sum_to_zero(xy):
    x, y = xy
    loss, dx = L.softmax_loss(x, y)
    assert np.isfinite(loss) and loss >= 0
    np.testing.assert_allclose(dx.sum(axis=1), 0, atol=1e-12)
    assert np.all(dx[np.arange(len(y)), y] <= 0)  # p - 1 <= 0


def test_sigmoid_at_extreme_inputs():
    x = np.array([[-1e4, -800.0, 0.0, 800.0, 1e4]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out, cache = L.sigmoid_forward(x)
        dx = L.sigmoid_backward(np.ones_like(x), cache)
    assert out.tolist() == [[0.0, 0.0, 0.5, 1.0, 1.0]]
    assert dx.tolist() == [[0.0, 0.0, 0.25, 0.0, 0.0]]


# float32 -------------------------------------------------------------------


@PROPERTY
@given(affine_inputs(), st.integers(0, 2**32 - 1))
def test_float32_gradients_are_float64_gradients_rounded(inputs, seed):
    rng = np.random.default_rng(seed)
    x, w, b = (a.astype(np.float32) for a in inputs)
    pairs = [(L.affine_forward, L.affine_backward, (x, w, b))] + [
        (f, bwd, (x,)) for f, bwd, _ in ACTIVATIONS[1:]
    ]
    for forward, backward, args in pairs:
        out, cache = forward(*args)
        dout = rng.standard_normal(out.shape).astype(np.float32)
        grads = backward(dout, cache)
        grads = grads if isinstance(grads, tuple) else (grads,)
        nums = numeric_layer_grads(forward, args, dout)
        for g, num in zip(grads, nums):
            assert g.dtype == np.float32
            assert G.rel_error(g, num) < F32_TOL


@PROPERTY
@given(scores_and_labels())
def test_float32_softmax_gradient_is_the_float64_one_rounded(xy):
    x, y = xy
    _, dx32 = L.softmax_loss(x.astype(np.float32), y)
    x64 = x.astype(np.float32).astype(np.float64)  # the same numbers
    num = G.numeric_grad(lambda: L.softmax_loss(x64, y)[0], x64)
    assert dx32.dtype == np.float32
    # p - onehot cancels where p ~ 1 (a confident right answer): float32
    # holds p to eps32 ~ 1.2e-7 absolute and the subtraction keeps that
    # error, so a tiny dx (x = [3, -4], y = 0: dx0 = -9.1e-4) is 2e-5 off
    # relative. Hence a few eps32 / N absolute besides the relative bound.
    eps32 = float(np.finfo(np.float32).eps)
    np.testing.assert_allclose(
        dx32, num, rtol=F32_TOL, atol=4 * eps32 / len(y)
    )


# dtypes and shapes ---------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_every_result_keeps_the_input_dtype(dtype):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 3)).astype(dtype)
    w = rng.standard_normal((3, 2)).astype(dtype)
    b = np.zeros(2, dtype)
    out, cache = L.affine_forward(x, w, b)
    results = [out, *L.affine_backward(np.ones_like(out), cache)]
    for forward, backward, _ in ACTIVATIONS:
        out, cache = forward(x)
        results += [out, backward(np.ones_like(out), cache)]
    results += list(L.softmax_loss(x, np.array([0, 1, 2, 0])))
    results += list(L.mse_loss(x, np.zeros_like(x)))
    for r in results:
        assert r.dtype == dtype


def test_shape_errors_name_expected_and_actual_shapes():
    x, w, b = np.zeros((4, 5)), np.zeros((5, 3)), np.zeros(3)
    cases = [
        (lambda: L.affine_forward(x, w.T, b), r"w .*\(5, \?\), got \(3, 5\)"),
        (lambda: L.affine_forward(x, w, np.zeros(4)), r"\(3,\), got \(4,\)"),
        (lambda: L.affine_forward(x[0], w, b), r"x .*\(\?, \?\), got \(5,\)"),
        (
            lambda: L.affine_backward(np.zeros((4, 2)), (x, w)),
            r"dout .*\(4, 3\), got \(4, 2\)",
        ),
        (
            lambda: L.relu_backward(np.zeros((4, 4)), x),
            r"dout .*\(4, 5\), got \(4, 4\)",
        ),
        (
            lambda: L.softmax_loss(x, np.zeros(3, int)),
            r"y .*\(4,\), got \(3,\)",
        ),
        (lambda: L.mse_loss(x, x.T), r"target .*\(4, 5\), got \(5, 4\)"),
    ]
    for call, message in cases:
        with pytest.raises(ValueError, match=message):
            call()


def test_bad_labels_and_dtypes_are_refused():
    x = np.zeros((2, 3))
    for y in (np.array([0, 3]), np.array([-1, 0]), np.array([0.0, 1.0])):
        with pytest.raises(ValueError, match=r"labels in \[0, 3\)"):
            L.softmax_loss(x, y)
    with pytest.raises(TypeError, match="int64"):
        L.relu_forward(np.array([1, 2]))
    with pytest.raises(TypeError, match="mixed dtypes"):
        L.affine_forward(x.astype(np.float32), np.zeros((3, 1)), np.zeros(1))


def test_inputs_are_not_modified():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 4))
    w, b, y = rng.standard_normal((4, 2)), np.ones(2), np.array([0, 1, 1])
    saved = [a.copy() for a in (x, w, b)]
    out, cache = L.affine_forward(x, w, b)
    dout = np.ones_like(out)
    L.affine_backward(dout, cache)
    L.softmax_loss(out, y)
    for forward, backward, _ in ACTIVATIONS:
        backward(dout, forward(out)[1])
    for a, s in zip((x, w, b), saved):
        np.testing.assert_array_equal(a, s)
    np.testing.assert_array_equal(dout, 1.0)
