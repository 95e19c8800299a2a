"""snippets/layers5.py (Part 5): every backward pass against central
differences on shapes and values hypothesis picks (float64), float32
against float64, ties and masks, extreme inputs, shape and dtype errors,
inputs left alone; and the loop version of conv2d against im2col.

Hypothesis: max_examples=40, deadline=None for every property."""

import warnings

import gradcheck as G
import layers
import layers5 as L
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from p5_conv_loops import conv_loops_backward, conv_loops_forward

PROPERTY = settings(max_examples=40, deadline=None)
F64_TOL = 1e-7  # gradcheck's "ok" in float64
F32_TOL = 1e-4  # float32 results against float64 ones: rounding only
values = st.floats(-3, 3, allow_nan=False, width=64)


def grads_and_numeric(forward, backward, inputs, seed):
    """Analytic gradients for a random dout, and central differences."""
    out, cache = forward(*inputs)
    dout = np.random.default_rng(seed).standard_normal(out.shape)
    grads = backward(dout, cache)
    grads = grads if isinstance(grads, tuple) else (grads,)
    nums = [G.numeric_grad(lambda: forward(*inputs)[0], x, dout)
            for x in inputs]  # fmt: skip
    return grads, nums


def rel(a, b):
    """gradcheck's relative error, never relative to less than 0.1.
    Central differences carry a rounding error of about eps |out| / h ~
    1e-10 per entry, so a gradient that is tiny by nature (batch norm of
    two examples: x-hat is +-1 whatever x is, and dx ~ eps = 1e-5) cannot
    be matched to 1e-7 relative. Below norm 0.1 this compares absolutely:
    an error above 1e-8 still fails, and a missing factor or term in a
    gradient of norm 1e-5 is an error of ~1e-5."""
    return G.rel_error(a, b, floor=0.1)


def assert_matches(forward, backward, inputs, seed, tol=F64_TOL):
    grads, nums = grads_and_numeric(forward, backward, inputs, seed)
    assert len(grads) == len(inputs)
    for x, g, n in zip(inputs, grads, nums):
        assert g.shape == x.shape and g.dtype == x.dtype
        assert rel(g, n) < tol, (rel(g, n), x.shape)


seeds = st.integers(0, 2**32 - 1)
dims = st.integers(1, 5)


# unbroadcast -----------------------------------------------------------------


@st.composite
def broadcast_pair(draw):
    """An output shape, and an operand shape numpy broadcasts to it."""
    out = draw(st.lists(st.integers(1, 4), min_size=0, max_size=4))
    keep = draw(st.integers(0, len(out)))  # trailing axes the operand has
    shape = [s if draw(st.booleans()) else 1 for s in out[len(out) - keep :]]
    return tuple(out), tuple(shape)


@PROPERTY
@given(broadcast_pair(), seeds)
def test_unbroadcast_is_the_backward_of_a_broadcast(pair, seed):
    out_shape, shape = pair
    rng = np.random.default_rng(seed)
    a, dout = rng.standard_normal(shape), rng.standard_normal(out_shape)
    num = G.numeric_grad(lambda: np.broadcast_to(a, out_shape), a, dout)
    got = L.unbroadcast(dout, shape)
    assert got.shape == shape
    np.testing.assert_allclose(got, num, atol=1e-8)
    assert not np.shares_memory(got, dout)


def test_unbroadcast_by_hand_and_its_errors():
    g = np.arange(24.0).reshape(2, 3, 4)
    assert L.unbroadcast(g, (4,)).tolist() == g.sum(axis=(0, 1)).tolist()
    assert L.unbroadcast(g, (3, 1)).tolist() == [[60.0], [92.0], [124.0]]
    assert L.unbroadcast(g, ()) == 276.0
    for bad in ((5,), (2, 3, 4, 1), (3, 2)):
        with pytest.raises(ValueError, match=r"cannot come from"):
            L.unbroadcast(g, bad)


# batch norm and layer norm ---------------------------------------------------


@PROPERTY
@given(st.data(), seeds)
def test_batchnorm_backward_matches_central_differences(data, seed):
    n, d = data.draw(dims), data.draw(dims)
    x = data.draw(arrays(np.float64, (n, d), elements=values))
    gamma, beta = data.draw(arrays(np.float64, (2, d), elements=values))
    assert_matches(L.batchnorm_forward, L.batchnorm_backward,
                   (x, gamma, beta), seed)  # fmt: skip


@PROPERTY
@given(st.data(), seeds)
def test_layernorm_backward_matches_central_differences(data, seed):
    lead = data.draw(st.lists(st.integers(1, 3), min_size=0, max_size=2))
    d = data.draw(dims)
    x = data.draw(arrays(np.float64, (*lead, d), elements=values))
    gamma, beta = data.draw(arrays(np.float64, (2, d), elements=values))
    assert_matches(L.layernorm_forward, L.layernorm_backward,
                   (x, gamma, beta), seed)  # fmt: skip


@PROPERTY
@given(st.data(), seeds)
def test_staged_and_compact_batchnorm_agree_to_round_off(data, seed):
    from p5_bn_staged import bn_staged_backward, bn_staged_forward

    rng = np.random.default_rng(seed)
    n, d = data.draw(st.integers(2, 9)), data.draw(dims)
    x = rng.normal(data.draw(st.floats(-100, 100)), 3, (n, d))
    gamma, beta = rng.standard_normal(d), rng.standard_normal(d)
    dout = rng.standard_normal((n, d))
    staged = bn_staged_backward(dout, bn_staged_forward(x, gamma, beta)[1])
    compact = L.batchnorm_backward(
        dout, L.batchnorm_forward(x, gamma, beta)[1]
    )
    # round-off relative to the size of the terms that are added up (dx
    # may be tiny from cancellation: x-hat = +-1 for two examples)
    terms = np.abs(dout).max() * (
        np.abs(gamma).max() / x.std(axis=0).min()
        + np.abs(x).max() / x.std(axis=0).min()
    )
    for s, c in zip(staged[:3], compact):
        assert np.abs(s - c).max() < 1e-13 * max(terms, np.abs(c).max())


def test_norm_statistics_by_hand():
    x = np.array([[1.0, 2.0], [3.0, 6.0]])
    one, zero = np.ones(2), np.zeros(2)
    out = L.batchnorm_forward(x, one, zero, eps=0.0)[0]  # columns: +-1
    assert out.tolist() == [[-1.0, -1.0], [1.0, 1.0]]
    out = L.layernorm_forward(x, one, zero, eps=0.0)[0]  # rows: +-1
    assert out.tolist() == [[-1.0, 1.0], [-1.0, 1.0]]


def test_norms_do_not_move_under_a_shift_of_1e4():
    rng = np.random.default_rng(0)
    x, g, b = rng.standard_normal((5, 3)), np.ones(3), np.zeros(3)
    for fwd in (L.batchnorm_forward, L.layernorm_forward):
        np.testing.assert_allclose(fwd(x + 1e4, g, b)[0], fwd(x, g, b)[0],
                                   atol=1e-9)  # fmt: skip


def test_batchnorm_couples_examples_and_layernorm_does_not():
    rng = np.random.default_rng(0)
    x, g, b = rng.standard_normal((4, 3)), np.ones(3), np.zeros(3)
    dout = np.zeros((4, 3))
    dout[0] = 1.0  # the loss reads example 0 only
    dx = L.batchnorm_backward(dout, L.batchnorm_forward(x, g, b)[1])[0]
    assert np.all(dx[1:] != 0) and np.allclose(dx.sum(axis=0), 0)
    dx = L.layernorm_backward(dout, L.layernorm_forward(x, g, b)[1])[0]
    assert not dx[1:].any()


# conv2d and max pooling ------------------------------------------------------


@st.composite
def conv_inputs(draw):
    n, c, f = draw(st.integers(1, 2)), draw(st.integers(1, 3)), draw(dims)
    h, w = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    pad, stride = draw(st.integers(0, 2)), draw(st.integers(1, 3))
    kh = draw(st.integers(1, h + 2 * pad))
    kw = draw(st.integers(1, w + 2 * pad))
    rng = np.random.default_rng(draw(seeds))
    x = rng.standard_normal((n, c, h, w))
    return x, rng.standard_normal((f, c, kh, kw)), rng.standard_normal(f), \
        stride, pad  # fmt: skip


@PROPERTY
@given(conv_inputs(), seeds)
def test_conv2d_backward_matches_central_differences(inputs, seed):
    x, w, b, stride, pad = inputs

    def forward(x, w, b):
        return L.conv2d_forward(x, w, b, stride, pad)

    assert_matches(forward, L.conv2d_backward, (x, w, b), seed)


@PROPERTY
@given(conv_inputs(), seeds)
def test_conv2d_loops_and_im2col_agree(inputs, seed):
    x, w, b, stride, pad = inputs
    out, cache = L.conv2d_forward(x, w, b, stride, pad)
    np.testing.assert_allclose(
        out, conv_loops_forward(x, w, b, stride, pad), atol=1e-12
    )
    dout = np.random.default_rng(seed).standard_normal(out.shape)
    for fast, slow in zip(
        L.conv2d_backward(dout, cache),
        conv_loops_backward(dout, x, w, stride, pad),
    ):
        np.testing.assert_allclose(fast, slow, atol=1e-12)


def test_conv2d_by_hand():
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    w = np.ones((1, 1, 2, 2))
    out, cache = L.conv2d_forward(x, w, np.array([1.0]))
    assert out[0, 0].tolist() == [[9.0, 13.0], [21.0, 25.0]]  # 0+1+3+4+1
    dx, dw, db = L.conv2d_backward(np.ones((1, 1, 2, 2)), cache)
    assert dx[0, 0].tolist() == [[1, 2, 1], [2, 4, 2], [1, 2, 1]]
    assert dw[0, 0].tolist() == [[8.0, 12.0], [20.0, 24.0]]  # window sums
    assert db.tolist() == [4.0]


@st.composite
def pool_inputs(draw):
    n, c = draw(st.integers(1, 2)), draw(st.integers(1, 3))
    h, w = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    size = draw(st.integers(1, min(h, w)))
    stride = draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(seeds))
    x = rng.permutation(n * c * h * w).reshape(n, c, h, w) / 100.0  # no tie
    return x * rng.choice([-1.0, 1.0]), size, stride


@PROPERTY
@given(pool_inputs(), seeds)
def test_maxpool_backward_matches_central_differences(inputs, seed):
    x, size, stride = inputs

    def forward(x):
        return L.maxpool_forward(x, size, stride)

    assert_matches(forward, L.maxpool_backward, (x,), seed)


@PROPERTY
@given(st.integers(1, 3), st.integers(1, 3), seeds)
def test_maxpool_ties_go_to_the_first_max_once(size, stride, seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 2, (1, 2, 5, 5)).astype(float)  # ties everywhere
    out, cache = L.maxpool_forward(x, size, stride)
    dout = rng.standard_normal(out.shape)
    dx = L.maxpool_backward(dout, cache)
    assert np.isclose(dx.sum(), dout.sum())  # each window passes on dout
    want = np.zeros_like(x)  # by loops: the first max in reading order
    for n, c, i, j in np.ndindex(out.shape):
        win = x[n, c, i * stride : i * stride + size,
                j * stride : j * stride + size]  # fmt: skip
        r, s = np.unravel_index(np.argmax(win), win.shape)
        want[n, c, i * stride + r, j * stride + s] += dout[n, c, i, j]
    np.testing.assert_allclose(dx, want, atol=1e-12)


# attention -------------------------------------------------------------------


@st.composite
def attention_inputs(draw):
    causal = draw(st.booleans())
    n, t, d, e = (draw(st.integers(1, 4)) for _ in range(4))
    s = t if causal else draw(st.integers(1, 4))
    q = draw(arrays(np.float64, (n, t, d), elements=values))
    k = draw(arrays(np.float64, (n, s, d), elements=values))
    v = draw(arrays(np.float64, (n, s, e), elements=values))
    return q, k, v, causal


@PROPERTY
@given(attention_inputs(), seeds)
def test_attention_backward_matches_central_differences(inputs, seed):
    q, k, v, causal = inputs

    def forward(q, k, v):
        return L.attention_forward(q, k, v, causal)

    assert_matches(forward, L.attention_backward, (q, k, v), seed)


@PROPERTY
@given(st.integers(1, 6), seeds)
def test_causal_attention_never_looks_ahead(t, seed):
    rng = np.random.default_rng(seed)
    q, k, v = rng.standard_normal((3, 2, t, 3))
    out, cache = L.attention_forward(q, k, v, causal=True)
    for j in range(t):  # change position j's key and value
        k2, v2 = k.copy(), v.copy()
        k2[:, j], v2[:, j] = 5.0, -5.0
        out2 = L.attention_forward(q, k2, v2, causal=True)[0]
        assert np.array_equal(out2[:, :j], out[:, :j])  # earlier: unmoved
    dout = np.zeros_like(out)
    dout[:, 0] = 1.0
    dq, dk, dv = L.attention_backward(dout, cache)
    assert not dk[:, 1:].any() and not dv[:, 1:].any() and not dq[:, 1:].any()
    assert np.allclose(cache[3].sum(axis=-1), 1)
    assert not np.triu(cache[3][0], 1).any()  # future weights exactly 0


def test_attention_by_hand():
    # equal scores: uniform weights, the output is the mean of the values
    q, k = np.zeros((1, 2, 2)), np.ones((1, 3, 2))
    v = np.array([[[1.0], [2.0], [6.0]]])
    out, cache = L.attention_forward(q, k, v)
    assert np.allclose(out, 3.0)
    out, _ = L.attention_forward(np.zeros((1, 3, 2)), np.ones((1, 3, 2)),
                                 v, causal=True)  # fmt: skip
    assert np.allclose(out[0, :, 0], [1.0, 1.5, 3.0])  # running means


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_attention_at_extreme_scores(dtype):
    rng = np.random.default_rng(0)
    q, k, v = (1e4 * rng.standard_normal((3, 2, 4, 3))).astype(dtype)
    with (
        warnings.catch_warnings(),
        np.errstate(over="raise", invalid="raise", divide="raise"),
    ):
        warnings.simplefilter("error")
        for causal in (False, True):
            out, cache = L.attention_forward(q, k, v, causal)
            grads = L.attention_backward(np.ones_like(out), cache)
            for a in (out, *grads):
                assert a.dtype == dtype and np.isfinite(a).all()


# float32 ---------------------------------------------------------------------


def cases(dtype, rng):
    """(forward, backward, inputs) for every layer, in one dtype."""
    r = lambda *s: rng.standard_normal(s).astype(dtype)  # noqa: E731
    return [
        (L.batchnorm_forward, L.batchnorm_backward, (r(6, 4), r(4), r(4))),
        (L.layernorm_forward, L.layernorm_backward, (r(2, 3, 4), r(4), r(4))),
        (lambda *a: L.conv2d_forward(*a, 2, 1), L.conv2d_backward,
         (r(2, 3, 5, 6), r(4, 3, 3, 2), r(4))),
        (L.maxpool_forward, L.maxpool_backward, (r(2, 3, 6, 4),)),
        (L.attention_forward, L.attention_backward,
         (r(2, 4, 3), r(2, 5, 3), r(2, 5, 2))),
        (lambda *a: L.attention_forward(*a, causal=True),
         L.attention_backward, (r(2, 4, 3), r(2, 4, 3), r(2, 4, 2))),
    ]  # fmt: skip


@pytest.mark.parametrize("seed", range(5))
def test_float32_results_are_float64_results_rounded(seed):
    c32 = cases(np.float32, np.random.default_rng(seed))
    for forward, backward, inputs in c32:
        i64 = [a.astype(np.float64) for a in inputs]  # the same numbers
        out32, cache32 = forward(*inputs)
        out64, cache64 = forward(*i64)
        assert out32.dtype == np.float32
        assert G.rel_error(out32, out64) < F32_TOL
        dout = np.random.default_rng(seed + 100).standard_normal(out32.shape)
        g32 = backward(dout.astype(np.float32), cache32)
        g64 = backward(dout, cache64)
        g32 = g32 if isinstance(g32, tuple) else (g32,)
        g64 = g64 if isinstance(g64, tuple) else (g64,)
        for a, b in zip(g32, g64):
            assert a.dtype == np.float32 and G.rel_error(a, b) < F32_TOL
    assert L.unbroadcast(np.ones((2, 3), np.float32), (3,)).dtype == (
        np.float32
    )


def test_a_float64_eps_does_not_promote_float32():
    x = np.ones((3, 2), np.float32)
    g = np.ones(2, np.float32)
    out = L.batchnorm_forward(x, g, g, eps=np.float64(1e-5))[0]
    assert out.dtype == np.float32


# errors and inputs -----------------------------------------------------------


def test_shape_errors_name_expected_and_actual_shapes():
    x2, x4 = np.zeros((4, 3)), np.zeros((2, 3, 5, 5))
    q = np.zeros((2, 4, 3))
    cases = [
        (lambda: L.batchnorm_forward(x2, np.ones(2), np.zeros(3)),
         r"gamma should have shape \(3,\), got \(2,\)"),
        (lambda: L.batchnorm_forward(x4, np.ones(3), np.zeros(3)),
         r"x should have shape \(\?, \?\), got \(2, 3, 5, 5\)"),
        (lambda: L.layernorm_forward(x4, np.ones(3), np.zeros(5)),
         r"gamma should have shape \(5,\), got \(3,\)"),
        (lambda: L.batchnorm_backward(np.zeros((4, 2)),
                                      L.batchnorm_forward(x2, np.ones(3),
                                                          np.ones(3))[1]),
         r"dout should have shape \(4, 3\), got \(4, 2\)"),
        (lambda: L.conv2d_forward(x4, np.zeros((2, 4, 3, 3)), np.zeros(2)),
         r"w should have shape \(\?, 3, \?, \?\), got \(2, 4, 3, 3\)"),
        (lambda: L.conv2d_forward(x4, np.zeros((2, 3, 3, 3)), np.zeros(3)),
         r"b should have shape \(2,\), got \(3,\)"),
        (lambda: L.conv2d_forward(x4, np.zeros((2, 3, 6, 3)), np.zeros(2)),
         r"kernel \(6, 3\) should fit in the padded input \(5, 5\)"),
        (lambda: L.conv2d_backward(np.zeros((2, 2, 2, 2)), L.conv2d_forward(
            x4, np.zeros((2, 3, 3, 3)), np.zeros(2))[1]),
         r"dout should have shape \(2, 2, 3, 3\), got \(2, 2, 2, 2\)"),
        (lambda: L.maxpool_forward(x4, size=6),
         r"size should be in \[1, 5\]"),
        (lambda: L.maxpool_backward(np.zeros((2, 3, 3, 3)),
                                    L.maxpool_forward(x4)[1]),
         r"dout should have shape \(2, 3, 2, 2\), got \(2, 3, 3, 3\)"),
        (lambda: L.attention_forward(q, np.zeros((2, 4, 2)), q),
         r"k should have shape \(2, \?, 3\), got \(2, 4, 2\)"),
        (lambda: L.attention_forward(q, np.zeros((2, 5, 3)),
                                     np.zeros((2, 5, 3)), causal=True),
         r"k should have shape \(2, 4, 3\), got \(2, 5, 3\)"),
        (lambda: L.attention_forward(q, q, np.zeros((2, 5, 3))),
         r"v should have shape \(2, 4, \?\), got \(2, 5, 3\)"),
        (lambda: L.attention_backward(np.zeros((2, 4, 2)),
                                      L.attention_forward(q, q, q)[1]),
         r"dout should have shape \(2, 4, 3\), got \(2, 4, 2\)"),
    ]  # fmt: skip
    for call, message in cases:
        with pytest.raises(ValueError, match=message):
            call()


def test_dtype_errors():
    with pytest.raises(TypeError, match="mixed dtypes"):
        L.layernorm_forward(np.ones((2, 3), np.float32), np.ones(3),
                            np.zeros(3))  # fmt: skip
    with pytest.raises(TypeError, match="int64"):
        L.conv2d_forward(np.ones((1, 1, 3, 3), int), np.ones((1, 1, 2, 2)),
                         np.ones(1))  # fmt: skip


def test_inputs_are_never_modified():
    for forward, backward, inputs in cases(
        np.float64, np.random.default_rng(0)
    ):
        saved = [a.copy() for a in inputs]
        out, cache = forward(*inputs)
        dout = np.ones_like(out)
        backward(dout, cache)
        backward(dout, cache)  # twice: the cache is not used up either
        for a, s in zip(inputs, saved):
            np.testing.assert_array_equal(a, s)
        np.testing.assert_array_equal(dout, 1.0)


def test_layers_hands_out_the_part5_names():
    from layers import conv2d_forward

    assert conv2d_forward is L.conv2d_forward
    for name in L.__all__:
        assert getattr(layers, name) is getattr(L, name)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        layers.nope  # noqa: B018
    assert not hasattr(layers, "__wrapped__")


@pytest.mark.parametrize("stride", [2, 3])
@pytest.mark.parametrize("pad", [0, 1])
@pytest.mark.parametrize("size", [6, 7, 8])
def test_strided_conv_backward_is_a_transposed_convolution(stride, pad, size):
    """The convolution page: with stride s, dX is dY with s - 1 zeros
    between its entries, fully correlated with the rotated kernels, then
    zeros for the last (H + 2p - K) mod s padded rows and columns (no
    window reached them), and the padding cropped. Built here with plain
    loops over the dilated dY, independent of conv2d_backward."""
    rng = np.random.default_rng(size + 10 * stride + 100 * pad)
    n, c, f, k = 2, 2, 3, 3
    x = rng.standard_normal((n, c, size, size))
    w = rng.standard_normal((f, c, k, k))
    out, cache = L.conv2d_forward(x, w, np.zeros(f), stride=stride, pad=pad)
    dy = rng.standard_normal(out.shape)
    dx = L.conv2d_backward(dy, cache)[0]
    ho = out.shape[2]
    dil = np.zeros((n, f, (ho - 1) * stride + 1, (ho - 1) * stride + 1))
    dil[:, :, ::stride, ::stride] = dy  # s - 1 zeros between entries
    full = np.pad(dil, ((0, 0), (0, 0), (k - 1, k - 1), (k - 1, k - 1)))
    rot = w[:, :, ::-1, ::-1]
    m = dil.shape[2] + k - 1  # the padded rows some window reached
    dxp = np.zeros((n, c, m, m))
    for i in range(m):
        for j in range(m):
            win = full[:, :, i : i + k, j : j + k]  # (n, f, k, k)
            dxp[:, :, i, j] = np.einsum("nfuv,fcuv->nc", win, rot)
    rest = (size + 2 * pad - k) % stride
    assert m + rest == size + 2 * pad
    dxp = np.pad(dxp, ((0, 0), (0, 0), (0, rest), (0, rest)))  # unreached
    assert np.allclose(dxp[:, :, pad : pad + size, pad : pad + size], dx)
