"""snippets/gradcheck.py: the checker itself must be right, and must say
"wrong" when a backward pass is wrong."""

import sys

import numpy as np
import pytest
from conftest import SNIPPETS
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(SNIPPETS))
import gradcheck as G  # noqa: E402
import layers as L  # noqa: E402


def test_numeric_grad_of_a_known_function_and_x_is_restored():
    x = np.array([[0.3, -1.2], [2.0, 0.7]])
    saved = x.copy()
    num = G.numeric_grad(lambda: np.sum(x**3), x)
    np.testing.assert_allclose(num, 3 * saved**2, rtol=1e-9)  # d x^3 = 3x^2
    assert x.tobytes() == saved.tobytes()  # restored bit for bit


def test_numeric_grad_with_dout_is_a_vector_jacobian_product():
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((3, 4)), rng.standard_normal((4, 2))
    dout = rng.standard_normal((3, 2))
    # out = x @ w is linear in w: d sum(out * dout)/dw = x.T @ dout exactly
    num = G.numeric_grad(lambda: x @ w, w, dout)
    np.testing.assert_allclose(num, x.T @ dout, rtol=1e-8)


def test_rel_error_is_scale_free_and_bounded():
    a = np.array([1.0, -2.0, 3.0])
    assert G.rel_error(a, a) == 0.0
    assert G.rel_error(a, -a) == 1.0  # opposite: as wrong as it gets
    assert G.rel_error(a, 2 * a) == pytest.approx(1 / 3)
    assert G.rel_error(1e-3 * a, 2e-3 * a) == pytest.approx(1 / 3)
    assert G.rel_error(np.zeros(3), np.full(3, 1e-17)) < 1e-7  # the floor


def test_verdicts_follow_the_stated_thresholds():
    assert G.verdict(1e-10) == "ok"
    assert G.verdict(1e-5) == "suspect"
    assert G.verdict(1e-2) == "wrong"
    assert G.verdict(1e-5, np.float32) == "ok"  # float32 cannot do better


def test_every_correct_layer_passes():
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((5, 4)), rng.standard_normal((4, 3))
    b = rng.standard_normal(3)
    errors = G.check_layer(L.affine_forward, L.affine_backward, x, w, b)
    for forward, backward in [
        (L.relu_forward, L.relu_backward),
        (L.sigmoid_forward, L.sigmoid_backward),
        (L.tanh_forward, L.tanh_backward),
    ]:
        errors += G.check_layer(forward, backward, x)
    errors.append(G.check_loss(L.softmax_loss, x, np.array([0, 3, 1, 1, 2])))
    errors.append(G.check_loss(L.mse_loss, x, np.zeros_like(x)))
    assert all(G.verdict(e) == "ok" for e in errors), errors


def buggy_affine_backward(dout, cache):
    x, w = cache
    return dout @ w.T, x.T @ dout, dout.mean(axis=0)  # db: mean, not sum


def buggy_softmax_loss(x, y):
    loss, dx = L.softmax_loss(x, y)
    return loss, dx * len(y)  # forgot the 1/N of the mean


def test_a_wrong_backward_is_called_wrong():
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal((4, 3)), rng.standard_normal((3, 2))
    b = np.zeros(2)
    errors = G.check_layer(L.affine_forward, buggy_affine_backward, x, w, b)
    assert [G.verdict(e) for e in errors] == ["ok", "ok", "wrong"]
    err = G.check_loss(buggy_softmax_loss, x, np.array([0, 1, 2, 0]))
    assert G.verdict(err) == "wrong"


def test_float32_checks_are_worse_than_float64_ones():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((4, 4))
    e64 = G.check_layer(L.tanh_forward, L.tanh_backward, x)[0]
    e32 = G.check_layer(L.tanh_forward, L.tanh_backward, x.astype("f4"))[0]
    assert e64 < 1e-8 < 1e-6 < e32 < G.THRESHOLDS[np.dtype("f4")][0]


def test_numeric_grad_of_a_view_of_its_input():
    """f() returning a view of x (a transpose) must not see the next nudge:
    d sum(x.T * dout)/dx = dout.T exactly."""
    import numpy as np
    from gradcheck import numeric_grad

    rng = np.random.default_rng(0)
    x, dout = rng.normal(size=(2, 3)), rng.normal(size=(3, 2))
    grad = numeric_grad(lambda: x.T, x, dout)
    assert np.allclose(grad, dout.T, atol=1e-8)


def test_explain_names_each_kind_of_wrong():
    import layers
    import numpy as np
    from gradcheck import check_and_explain, explain

    rng = np.random.default_rng(1)
    n = rng.normal(size=(3, 4))
    assert explain(n, n) == "ok"
    assert explain(n.T, n).startswith("right numbers, transposed")
    square = rng.normal(size=(4, 4))  # same shape: the values must tell
    assert explain(square.T, square).startswith("right numbers, transposed")
    assert explain(square, square) == "ok"
    assert explain(-n, n) == "wrong sign"
    assert explain(3 * n, n).startswith("3 times the right one")
    assert explain(np.zeros_like(n), n).startswith("all zeros")
    assert explain(n + rng.normal(size=n.shape), n).startswith("wrong pattern")
    x, w, b = rng.normal(size=(5, 3)), rng.normal(size=(3, 2)), np.zeros(2)
    lines = check_and_explain(
        layers.affine_forward, layers.affine_backward, x, w, b, names="xwb"
    )
    assert lines == ["dx: ok", "dw: ok", "db: ok"] and lines


# --- issue 12, item 4: dtype-aware explanations, a "suspect" band ------


def ln_forward(x, g, b, eps=1e-5):
    """Layer norm of each row: the reference forward, with its epsilon."""
    mu = x.mean(axis=1, keepdims=True)
    std = np.sqrt(x.var(axis=1, keepdims=True) + eps)
    xhat = (x - mu) / std
    return g * xhat + b, (x, g)


def ln_backward(eps):
    """Layer norm's backward with `eps` in its std (0: the ε forgotten)."""

    def backward(dout, cache):
        x, g = cache
        mu = x.mean(axis=1, keepdims=True)
        std = np.sqrt(x.var(axis=1, keepdims=True) + eps)
        xhat, dxh = (x - mu) / std, dout * g
        dx = dxh - dxh.mean(1, keepdims=True)
        dx -= xhat * (dxh * xhat).mean(1, keepdims=True)
        return dx / std, (dout * xhat).sum(0), dout.sum(0)

    return backward


def test_a_correct_float32_layer_is_checked_in_float32_and_ok():
    """It used to raise TypeError (a float64 dout met a float32 layer)."""
    rng = np.random.default_rng(3)
    x = rng.standard_normal((4, 3)).astype(np.float32)
    w = rng.standard_normal((3, 2)).astype(np.float32)
    b = rng.standard_normal(2).astype(np.float32)
    lines = G.check_and_explain(
        L.affine_forward, L.affine_backward, x, w, b, names="xwb"
    )
    assert lines == ["dx: ok", "dw: ok", "db: ok"]
    assert G.check_and_explain(L.tanh_forward, L.tanh_backward, x)


def test_a_wrong_float32_layer_is_still_wrong():
    rng = np.random.default_rng(4)
    x = rng.standard_normal((5, 4)).astype(np.float32)
    (line,) = G.check_and_explain(L.tanh_forward, lambda d, out: d, x)
    assert "wrong pattern" in line  # tanh' = 1 - out**2 forgotten


def test_float32_rounding_is_not_a_factor_and_never_one_times():
    """A correct float32 gradient against float32 central differences
    differs by ~1e-4 relative: explain() must call that ok, and must never
    say "1 times the right one"."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((6, 5)).astype(np.float32)
    out, cache = L.tanh_forward(x)
    dout = rng.standard_normal(out.shape).astype(np.float32)
    analytic = L.tanh_backward(dout, cache)
    numeric = G.numeric_grad(lambda: L.tanh_forward(x)[0], x, dout)
    err = G.rel_error(analytic, numeric)
    assert 1e-7 < err < 1e-3  # float32 rounding, above float64's bound
    assert G.explain(analytic, numeric) == "ok"


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    factor=st.floats(0.99, 1.01).filter(lambda f: f != 1.0),
)
def test_explain_never_prints_one_times(seed, factor):
    n = np.random.default_rng(seed).standard_normal((3, 4))
    msg = G.explain(factor * n, n)
    assert not msg.startswith("1 times"), msg
    if abs(factor - 1) > 2e-3:  # clearly a factor: named with its value
        assert msg.endswith("a missing or extra factor"), msg
        assert float(msg.split()[0]) == pytest.approx(factor, rel=1e-3)


def test_a_forgotten_epsilon_is_suspect_not_wrong():
    """Layer norm's backward without the ε of its forward: off by ~1e-6,
    between the ok and the wrong bound."""
    rng = np.random.default_rng(6)
    x = rng.standard_normal((4, 5))
    g, b = rng.standard_normal(5), rng.standard_normal(5)
    right = G.check_and_explain(ln_forward, ln_backward(1e-5), x, g, b)
    assert right == ["dinput 0: ok", "dinput 1: ok", "dinput 2: ok"]
    lines = G.check_and_explain(ln_forward, ln_backward(0.0), x, g, b)
    for line in lines[:2]:  # dx and dg use x-hat, without its ε
        assert line.split(": ")[1].startswith("suspect"), lines
        err = float(line.split("error ")[1].split(")")[0])
        assert G.verdict(err) == "suspect"
    assert lines[2] == "dinput 2: ok"  # db = sum of dout: no ε in it


def test_gradients_returned_as_a_list_are_read_as_a_tuple():
    rng = np.random.default_rng(7)
    x, w = rng.standard_normal((3, 2)), rng.standard_normal((2, 2))
    b = np.zeros(2)

    def as_list(dout, cache):
        return list(L.affine_backward(dout, cache))

    assert G.check_and_explain(L.affine_forward, as_list, x, w, b)
    assert all(G.verdict(e) == "ok" for e in G.check_layer(
        L.affine_forward, as_list, x, w, b))  # fmt: skip
    lines = G.check_and_explain(
        L.affine_forward, lambda d, c: L.affine_backward(d, c)[:2], x, w, b
    )
    assert lines == ["2 gradients for 3 inputs"]


def test_gradient_checking_page_claims_what_its_snippets_show():
    """Issue 12, item 6: the kink demo scores "wrong" (so the threshold
    table must not put kinks in "suspect"), one near 0 is rare, and a
    float64 check does not vouch for float32 code."""
    from conftest import DOCS

    text = (DOCS / "part-3" / "gradient-checking.md").read_text("utf-8")
    table = text[text.index("| relative error") : text.index("The bounds")]
    suspect = next(ln for ln in table.splitlines() if "| suspect |" in ln)
    wrong = next(ln for ln in table.splitlines() if "| wrong |" in ln)
    assert "kink" not in suspect and "kink" in wrong
    assert "near 0 is common" not in text
    assert "then trust\nit in any precision" not in text
    assert "trust it in any precision" not in " ".join(text.split())
    assert "usually lands at $10^{-2}$ or above" in " ".join(text.split())
    # and the numbers behind those sentences
    x = np.array([[0.8, -1.2, 3e-7, 0.5]])
    dx = L.relu_backward(np.ones_like(x), x)
    num = G.numeric_grad(lambda: L.relu_forward(x)[0], x, np.ones_like(x))
    assert G.verdict(G.rel_error(dx, num)) == "wrong"
