"""The Jacobian view and the softmax Jacobian: the formulas the pages
state, against central differences, hand-derived values and (when it is
installed) torch.autograd; and the unfused softmax + cross-entropy fails
where the page says it does."""

import importlib

import numpy as np
import pytest
from gradcheck import numeric_grad, rel_error
from hypothesis import given, settings
from hypothesis import strategies as st
from layers import softmax_loss


def jacobian(f, x, h=1e-6):
    """d f(x).flat / d x.flat by central differences, column by column."""
    cols = []
    for j in range(x.size):
        e = np.zeros(x.size)
        e[j] = h
        e = e.reshape(x.shape)
        cols.append(((f(x + e) - f(x - e)) / (2 * h)).ravel())
    return np.stack(cols, axis=1)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 3),
       d=st.integers(1, 4), m=st.integers(1, 4))  # fmt: skip
def test_linear_jacobian_is_blocks_of_w_transposed(seed, n, d, m):
    rng = np.random.default_rng(seed)
    X, W = rng.standard_normal((n, d)), rng.standard_normal((d, m))
    dout, V = rng.standard_normal((n, m)), rng.standard_normal((n, d))
    J = jacobian(lambda X: X @ W, X)
    np.testing.assert_allclose(J, np.kron(np.eye(n), W.T), atol=1e-8)
    np.testing.assert_allclose(dout.ravel() @ J, (dout @ W.T).ravel(),
                               atol=1e-8)  # fmt: skip
    checker = numeric_grad(lambda: X @ W, X, dout)  # sum(out * dout)
    np.testing.assert_allclose(checker, dout @ W.T, atol=1e-8)
    np.testing.assert_allclose(J @ V.ravel(), (V @ W).ravel(), atol=1e-8)


def test_the_byte_counts_of_the_page():
    m = importlib.import_module("p3_jacobian_size")
    n, d, k = 64, 4096, 4096  # by hand: 2^6 2^12 2^6 2^12 entries, 4 bytes
    assert m.J_x == (n * k) * (n * d) * 4 == 2**38  # 256 GiB
    assert m.J_w == (n * k) * (d * k) * 4 == 2**44  # 16 TiB
    assert m.size(2**38) == "256 GiB" and m.size(2**44) == "16 TiB"


def softmax(s):
    e = np.exp(s - s.max())
    return e / e.sum()


@pytest.mark.parametrize("scale", [1.0, 30.0, 1e4])
def test_softmax_jacobian_formula(scale):
    rng = np.random.default_rng(int(scale))
    s = rng.standard_normal(5) * scale
    p = softmax(s)
    J = np.diag(p) - np.outer(p, p)
    h = 1e-6 * max(1.0, scale / 10)
    np.testing.assert_allclose(J, jacobian(softmax, s, h), atol=1e-8)
    dp = rng.standard_normal(5)
    np.testing.assert_allclose(dp @ J, p * (dp - dp @ p), atol=1e-14)


def test_softmax_jacobian_against_torch():
    torch = pytest.importorskip("torch")
    s = np.random.default_rng(7).standard_normal(6)
    got = torch.autograd.functional.jacobian(
        lambda t: torch.softmax(t, 0), torch.tensor(s)
    ).numpy()
    p = softmax(s)
    np.testing.assert_allclose(got, np.diag(p) - np.outer(p, p), atol=1e-15)


@pytest.mark.parametrize("dtype, gap", [(np.float64, 800.0),
                                        (np.float32, 120.0)])  # fmt: skip
def test_unfused_fails_where_fused_does_not(dtype, gap):
    m = importlib.import_module("p3_softmax_unfused")
    s = np.array([gap, 0.0, 1.0], dtype=dtype)
    loss, ds = m.unfused(s, 1)
    assert np.isinf(loss) and np.isnan(ds).all()
    fused, dfused = softmax_loss(s[None], np.array([1]))
    # by hand: loss = gap + log(1 + e^-gap + e^(1-gap)) ~ gap; p ~ e_0
    assert fused == pytest.approx(gap, rel=1e-6)
    np.testing.assert_allclose(dfused[0], [1.0, -1.0, 0.0], atol=1e-6)


def test_fused_gradient_agrees_with_central_differences_when_confident():
    s = np.array([[40.0, 0.0, 1.0], [0.3, -0.2, 0.1]])
    y = np.array([1, 2])
    _, ds = softmax_loss(s, y)
    num = numeric_grad(lambda: softmax_loss(s, y)[0], s)
    assert rel_error(ds, num) < 1e-7
