"""The cheat sheet's rows (snippets/ref_rows.py): every row's backward
function against central differences, on random inputs, on values chosen
by hypothesis, against the scalar engine, and against hand-derived values;
and a wrong row must fail the same check."""

import math

import engine
import numpy as np
import pytest
import ref_rows as R
from gradcheck import numeric_grad, rel_error, verdict
from hypothesis import given, settings
from hypothesis import strategies as st

SCALAR = [r for r in R.ROWS if R.parse(r)[1] is None]


def errors(row, inputs, rng):
    """Relative error of each input's gradient for a random dout."""
    out = row.forward(*inputs)
    dout = rng.standard_normal(np.shape(out))
    grads = row.backward(dout, *inputs)
    assert len(grads) == len(inputs), row.name
    for x, g in zip(inputs, grads):
        assert np.shape(g) == x.shape, f"{row.name}: {np.shape(g)}"
    return [
        rel_error(g, numeric_grad(lambda: row.forward(*inputs), x, dout))
        for x, g in zip(inputs, grads)
    ]


def row_id(row):
    kind = "scalar" if R.parse(row)[1] is None else "array"
    return f"{kind}-{row.name.replace(' ', '_')}"


@pytest.mark.parametrize("row", R.ROWS, ids=row_id)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_row_matches_central_differences(row, seed):
    rng = np.random.default_rng(seed)
    inputs = R.sample(row, rng)
    out_spec = R.parse(row)[1]
    if out_spec is not None:  # the declared output shape is the real one
        assert np.shape(row.forward(*inputs)) == R.shape(out_spec[1])
    errs = errors(row, inputs, rng)
    assert all(verdict(e) == "ok" for e in errs), (row.name, errs)


def test_every_row_has_one_tex_gradient_per_input_and_unique_names():
    for row in R.ROWS:
        assert len(row.tex_grads) == len(R.parse(row)[0]), row.name
    names = [row_id(r) for r in R.ROWS]
    assert len(names) == len(set(names))


def away_from_kinks(values, positive):
    """Keep |x| >= 0.1 and inputs 0.1 apart: no kink or pole within h."""
    if any(abs(v) < 0.1 for v in values):
        return False
    if positive and min(values) <= 0:
        return False
    return len(values) < 2 or abs(values[0] - values[1]) >= 0.1


@pytest.mark.parametrize("row", SCALAR, ids=row_id)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_scalar_row_on_values_chosen_by_hypothesis(row, data):
    spec = R.parse(row)[0]
    positive = any(p for _, _, p in spec)
    values = data.draw(
        st.lists(
            st.floats(-4, 4, allow_nan=False),
            min_size=len(spec),
            max_size=len(spec),
        ).filter(lambda v: away_from_kinks(v, positive))
    )
    inputs = [np.array([v]) for v in values]
    errs = errors(row, inputs, np.random.default_rng(0))
    assert all(verdict(e) == "ok" for e in errs), (row.name, values, errs)


# the same operations in engine.py, written independently (Part 2)
ENGINE = {
    "add": lambda a, b: a + b,
    "subtract": lambda a, b: a - b,
    "multiply": lambda a, b: a * b,
    "divide": lambda a, b: a / b,
    "power": lambda x: x**R.POWER,
    "exp": lambda x: x.exp(),
    "log": lambda x: x.log(),
    "tanh": lambda x: x.tanh(),
    "sigmoid": lambda x: x.sigmoid(),
    "ReLU": lambda x: x.relu(),
}


@pytest.mark.parametrize("name", sorted(ENGINE))
def test_scalar_row_agrees_with_the_engine(name):
    row = next(r for r in SCALAR if r.name == name)
    rng = np.random.default_rng(4)
    for _ in range(5):
        values = [float(x[0]) for x in R.sample(row, rng, scalars=1)]
        leaves = [engine.Value(v) for v in values]
        out = ENGINE[name](*leaves)
        out.backward()
        forward = row.forward(*map(np.float64, values))
        assert out.data == pytest.approx(float(forward), rel=1e-12)
        grads = row.backward(1.0, *map(np.float64, values))
        for leaf, g in zip(leaves, grads):
            assert leaf.grad == pytest.approx(float(g), rel=1e-12, abs=0)


def test_hand_derived_values():
    rows = {row_id(r): r for r in R.ROWS}
    a, b = np.array([3.0]), np.array([-4.0])
    da, db = rows["scalar-multiply"].backward(1.0, a, b)
    assert (da[0], db[0]) == (-4.0, 3.0)  # multiply swaps
    da, db = rows["scalar-max"].backward(2.0, a, b)
    assert (da[0], db[0]) == (2.0, 0.0)  # max routes
    zero = np.array([0.0])
    (ds,) = rows["scalar-sigmoid"].backward(1.0, zero)
    assert ds[0] == pytest.approx(0.25)  # sigma'(0) = 1/4
    (dt,) = rows["scalar-tanh"].backward(1.0, zero)
    assert dt[0] == pytest.approx(1.0)
    (dl,) = rows["scalar-log"].backward(1.0, np.array([4.0]))
    assert dl[0] == pytest.approx(0.25)
    # Y = XW + b with W = I: dX = dY, dW = outer(x, dY), db = dY
    X, W, bias = np.array([[1.0, 2.0]]), np.eye(2), np.zeros(2)
    dY = np.array([[1.0, -1.0]])
    dX, dW, dB = rows["array-affine_(linear)"].backward(dY, X, W, bias)
    np.testing.assert_allclose(dX, dY)
    np.testing.assert_allclose(dW, [[1.0, -1.0], [2.0, -2.0]])
    np.testing.assert_allclose(dB, [1.0, -1.0])
    # equal scores: P = 1/C everywhere, dS = (1/C - onehot(y)) / N
    n, c = R.SIZES["N"], R.SIZES["C"]
    (dS,) = rows["array-softmax_+_cross-entropy"].backward(
        1.0, np.zeros((n, c))
    )
    expected = np.full((n, c), 1 / c)
    expected[np.arange(n), R.LABELS] -= 1
    np.testing.assert_allclose(dS, expected / n)
    assert rows["array-softmax_+_cross-entropy"].forward(
        np.zeros((n, c))
    ) == pytest.approx(math.log(c))
    # a gather that uses row 1 twice: its gradient is the sum of both
    (dG,) = rows["array-gather_(embedding)"].backward(
        np.ones((n, R.SIZES["D"])), np.zeros((c, R.SIZES["D"]))
    )
    np.testing.assert_allclose(dG[:, 0], np.bincount(R.LABELS, minlength=c))


@pytest.mark.parametrize(
    "name, wrong",
    [
        ("array-sigmoid", lambda d, X: (d * R.sigmoid(X),)),  # z, not z(1-z)
        (  # a mean over the batch where the bias needs a sum
            "array-affine_(linear)",
            lambda d, X, W, b: (d @ W.T, X.T @ d, d.mean(axis=0)),
        ),
        ("array-transpose", lambda d, X: (d.reshape(X.shape),)),
        ("scalar-divide", lambda d, a, b: (d / b, d * a / b**2)),  # sign
    ],
)
def test_a_wrong_row_fails_the_check(name, wrong):
    row = next(r for r in R.ROWS if row_id(r) == name)
    bad = row._replace(backward=wrong)
    rng = np.random.default_rng(5)
    errs = errors(bad, R.sample(bad, rng), rng)
    assert any(verdict(e) == "wrong" for e in errs), (name, errs)
