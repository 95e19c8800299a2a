"""Where the transpose comes from: every row of its table of common
layers (snippets/p3_layer_rows.py) against central differences at random
points, at magnitudes of 1e4 and in float32, ReLU at its kink; the old
"reshape, transpose" row (dY.reshape(X.shape) for a transpose) fails."""

import numpy as np
import p3_layer_rows as T
import pytest
from conftest import DOCS
from gradcheck import rel_error, verdict

IDS = [row[0].replace(" ", "_") for row in T.ROWS]


def central(f, xs, dout, k):
    """d sum(dout * f(*xs))/d xs[k], the step scaled to each entry."""
    x = xs[k]
    g = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        h = 1e-6 * max(1.0, abs(float(x[i])))
        old = x[i]
        x[i] = old + h
        up = np.sum(dout * f(*xs))
        x[i] = old - h
        g[i] = (up - np.sum(dout * f(*xs))) / (2 * h)
        x[i] = old
    return g


def check(row, xs, rng, dtype=np.float64, tol=1e-8):
    _, _, _, _, _, f, grads = row
    dout = rng.standard_normal(np.shape(f(*xs)))
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        got = grads(dout.astype(dtype), *[x.astype(dtype) for x in xs])
    assert len(got) == len(xs)
    for k, g in enumerate(got):
        assert np.shape(g) == xs[k].shape and np.asarray(g).dtype == dtype
        num = central(f, [x.copy() for x in xs], dout, k)
        assert rel_error(g, num, floor=1e-6) < tol, (row[0], k)


@pytest.mark.parametrize("row", T.ROWS, ids=IDS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_row_at_random_points(row, seed):
    rng = np.random.default_rng(seed)
    check(row, [rng.standard_normal(s) for s in row[4]], rng)


@pytest.mark.parametrize("row", T.ROWS, ids=IDS)
def test_row_in_float32_agrees_with_float64_differences(row):
    rng = np.random.default_rng(3)
    xs = [rng.standard_normal(s) for s in row[4]]
    check(row, xs, rng, dtype=np.float32, tol=1e-5)


@pytest.mark.parametrize("row", T.ROWS, ids=IDS)
def test_row_at_magnitudes_of_1e4(row):
    """One input at a time has half its entries near +-1e4 (distinct: no
    ties): saturated sigmoid and tanh, softmax far from uniform, and no
    overflow warning anywhere. (With every input at 1e4 a product reaches
    1e8 and no central difference keeps enough digits to judge it.)"""
    rng = np.random.default_rng(4)
    for k in range(len(row[4])):
        xs = [rng.standard_normal(s) for s in row[4]]
        big = rng.random(xs[k].shape) < 0.5
        size = 1e4 + rng.uniform(0, 99, xs[k].shape)
        xs[k] = np.where(big, np.sign(xs[k]) * size, xs[k])
        check(row, xs, rng, tol=1e-5)  # ~8 digits survive a nudge at 1e4


def test_relu_row_at_its_kink_returns_the_stated_pick():
    """relu'(0) = 0 (the cheat sheet's rule), and it is between the two
    one-sided slopes, 0 and 1."""
    row = next(r for r in T.ROWS if r[0] == "ReLU")
    X = np.array([[0.0, 2.0, -1.0], [0.0, -0.0, 3.0]])
    (dX,) = row[6](np.ones_like(X), X)
    np.testing.assert_array_equal(dX, [[0, 1, 0], [0, 0, 1]])
    t = 2.0**-20
    right = (row[5](X + t) - row[5](X)) / t
    left = (row[5](X) - row[5](X - t)) / t
    assert np.all(left <= dX) and np.all(dX <= right)


def test_the_old_transpose_rule_is_wrong():
    """The table used to give dX = dY.reshape(X.shape) for a transpose:
    the right numbers in the wrong places."""
    row = next(r for r in T.ROWS if r[0] == "transpose")
    rng = np.random.default_rng(5)
    X = rng.standard_normal((T.N, T.D))
    dout = rng.standard_normal((T.D, T.N))
    num = central(row[5], [X], dout, 0)
    assert verdict(rel_error(dout.reshape(X.shape), num)) == "wrong"
    assert verdict(rel_error(row[6](dout, X)[0], num)) == "ok"


def test_permute_row_inverts_any_permutation():
    rng = np.random.default_rng(6)
    for p in [(0, 1, 2), (2, 0, 1), (1, 0, 2), (2, 1, 0)]:
        X = rng.standard_normal((2, 3, 4))
        dout = rng.standard_normal(X.transpose(p).shape)
        dX = dout.transpose(np.argsort(p))
        num = central(lambda X, p=p: X.transpose(p), [X], dout, 0)
        assert rel_error(dX, num) < 1e-9, p


def test_page_states_the_summing_rule_without_contradiction():
    text = (DOCS / "part-3" / "transposes.md").read_text(encoding="utf-8")
    assert "sum over the axis the forward pass summed over" not in text
    assert "reshape, transpose" not in text
    assert '--8<-- "p3_layer_table.py"' in text
