"""The cheat sheet's rows at the points a random sample never hits: kinks
and ties (each pick must be the stated convention *and* a subgradient,
checked with one-sided differences), extremes of ±1e4 (finite, no
overflow, against central differences or a hand-derived limit), and
float32 (dtype kept, agreeing with float64 central differences). The
old max rules ([a > b], [b > a]; [X = max]) must fail the tie check."""

import numpy as np
import pytest
import ref_rows as R
from gradcheck import rel_error

SCALAR = {r.name: r for r in R.ROWS if R.parse(r)[1] is None}
ARRAY = {r.name: r for r in R.ROWS if R.parse(r)[1] is not None}
ROW_IDS = [("scalar" if R.parse(r)[1] is None else "array") + "-" + r.name
           for r in R.ROWS]  # fmt: skip


def directional(f, xs, vs, t=2.0**-20):
    """One-sided slope of f at the inputs xs along the directions vs."""
    up = f(*[x + t * v for x, v in zip(xs, vs)])
    return float(np.sum(up - f(*xs))) / t


def is_subgradient(row, xs, dout, rng, tries=200):
    """For a convex f (and dout >= 0, so sum(dout * f) is convex), g is a
    subgradient at xs iff g . v <= f'(xs; v) for every direction v. Check
    the axis directions both ways, the all-ones direction both ways, and
    random ones: one-sided differences, independent of row.backward."""
    grads = row.backward(dout, *xs)

    def f(*ins):
        return dout * row.forward(*ins)

    shapes = [x.shape for x in xs]
    dirs = []
    for k, s in enumerate(shapes):
        for i in np.ndindex(s):
            for sign in (1.0, -1.0):
                v = [np.zeros(sh) for sh in shapes]
                v[k][i] = sign
                dirs.append(v)
    dirs += [[sign * np.ones(sh) for sh in shapes] for sign in (1.0, -1.0)]
    dirs += [[rng.standard_normal(sh) for sh in shapes] for _ in range(tries)]
    for v in dirs:
        gv = sum(float(np.sum(g * d)) for g, d in zip(grads, v))
        if gv > directional(f, xs, v) + 1e-9:
            return False
    return True


KINKS = [  # row, inputs at a kink or tie, the stated pick (hand-derived)
    (SCALAR["ReLU"], [np.zeros(1)], [0.0]),
    (SCALAR["leaky ReLU"], [np.zeros(1)], [R.ALPHA]),
    (SCALAR["abs"], [np.zeros(1)], [0.0]),
    (SCALAR["max"], [np.ones(1), np.ones(1)], [1.0, 0.0]),  # first wins
    (SCALAR["max"], [np.full(1, -2.5), np.full(1, -2.5)], [1.0, 0.0]),
    (ARRAY["ReLU"], [np.array([[0.0, 1.0], [-1.0, 0.0]])],
     [np.array([[0.0, 1.0], [0.0, 0.0]])]),
    (ARRAY["max of each row"], [np.array([[1.0, 3.0, 3.0], [2.0, 2, 2]])],
     [np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])]),  # first max only
]  # fmt: skip


@pytest.mark.parametrize("row, xs, pick", KINKS,
                         ids=[k[0].name for k in KINKS])  # fmt: skip
def test_a_kink_gets_the_stated_pick_and_it_is_a_subgradient(row, xs, pick):
    out = row.forward(*xs)
    ones = np.ones(np.shape(out))
    grads = row.backward(ones, *xs)
    for g, want in zip(grads, pick):
        np.testing.assert_array_equal(g, want)
    rng = np.random.default_rng(0)
    assert is_subgradient(row, xs, ones, rng)
    dout = rng.uniform(0.5, 2.0, np.shape(out))  # any dout >= 0
    assert is_subgradient(row, xs, dout, rng)


OLD = [  # the rules the cheat sheet printed before issue 12
    (SCALAR["max"], lambda d, a, b: (d * (a > b), d * (b > a)),
     [np.ones(1), np.ones(1)]),  # a tie: the gradient vanished
    (ARRAY["max of each row"],
     lambda d, X: (d[:, None] * (X == X.max(axis=1, keepdims=True)),),
     [np.array([[1.0, 3.0, 3.0]])]),  # a tie: each tied entry got all
]  # fmt: skip


@pytest.mark.parametrize("row, backward, xs", OLD, ids=["max", "row max"])
def test_the_old_max_rules_fail_at_a_tie(row, backward, xs):
    old = row._replace(backward=backward)
    ones = np.ones(np.shape(row.forward(*xs)))
    assert not is_subgradient(old, xs, ones, np.random.default_rng(0))
    assert is_subgradient(row, xs, ones, np.random.default_rng(0))


def test_ties_are_exact_in_a_random_sample_only_by_design():
    """Why the tie tests exist: the random self-check never draws one."""
    rng = np.random.default_rng(1)
    for row in (SCALAR["max"], ARRAY["max of each row"]):
        xs = R.sample(row, rng)
        vals = np.concatenate([np.ravel(x) for x in xs])
        assert len(np.unique(vals)) == vals.size


def extreme_inputs(row, rng):
    """Inputs with entries of magnitude about 1e4 (positive where the row
    needs it), mixed with ordinary ones, all different (no ties: those
    are tested above)."""
    xs = []
    for x, (_, _, positive) in zip(R.sample(row, rng), R.parse(row)[0]):
        big = rng.random(x.shape) < 0.5
        x = np.where(big, np.sign(x) * (1e4 + rng.uniform(0, 99, x.shape)), x)
        xs.append(np.abs(x) if positive else x)
    return xs


def central(row, xs, dout, k):
    """Central differences, each step scaled to its entry's size and never
    below the step that balances rounding against truncation,
    (eps * |output|)^(1/3): a 2-D convolution at 1e4 gives outputs near
    1e9, whose rounding (1e-7) swamps a 1e-6 step on a bias of order 1.
    The two outputs are subtracted entry by entry before the sum."""
    x = xs[k]
    g = np.zeros(x.shape)
    scale = float(np.max(np.abs(row.forward(*xs))))
    floor = (np.finfo(np.float64).eps * scale) ** (1 / 3)
    for i in np.ndindex(x.shape):
        h = max(1e-6 * max(1.0, abs(x[i])), floor)
        old = x[i]
        x[i] = old + h
        up = row.forward(*xs)
        x[i] = old - h
        g[i] = np.sum(dout * (up - row.forward(*xs))) / (2 * h)
        x[i] = old
    return g


SMOOTH_LIMITS = {  # hand-derived derivatives at +-1e4
    "tanh": {1e4: 0.0, -1e4: 0.0},
    "sigmoid": {1e4: 0.0, -1e4: 0.0},
    "softplus": {1e4: 1.0, -1e4: 0.0},
    "exp": {-1e4: 0.0},  # e^1e4 is not a float: +1e4 is out of range
    "ReLU": {1e4: 1.0, -1e4: 0.0},
    "leaky ReLU": {1e4: 1.0, -1e4: R.ALPHA},
    "abs": {1e4: 1.0, -1e4: -1.0},
}


@pytest.mark.parametrize("name, limits", SMOOTH_LIMITS.items())
def test_scalar_rows_at_plus_minus_1e4_match_the_hand_derived_slope(
    name, limits
):
    row = SCALAR[name]
    for x, slope in limits.items():
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            z = row.forward(np.array([x]))
            (g,) = row.backward(np.ones(1), np.array([x]))
        assert np.all(np.isfinite(z)) and g[0] == pytest.approx(slope)


@pytest.mark.parametrize(
    "row",
    [r for r in R.ROWS if r.name != "exp"],
    ids=[i for i in ROW_IDS if i != "scalar-exp"],
)
def test_every_row_at_magnitudes_of_1e4(row):
    rng = np.random.default_rng(2)
    xs = extreme_inputs(row, rng)
    out = row.forward(*xs)
    dout = rng.standard_normal(np.shape(out))
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        grads = row.backward(dout, *xs)
    for k, g in enumerate(grads):
        assert np.all(np.isfinite(g)), row.name
        num = central(row, [x.copy() for x in xs], dout, k)
        # at 1e4 a central difference keeps ~8 digits of a value of 1e8
        assert rel_error(g, num, floor=1e-6) < 1e-5, (row.name, k)


@pytest.mark.parametrize("row", R.ROWS, ids=ROW_IDS)
def test_every_row_in_float32_keeps_its_dtype_and_agrees(row):
    rng = np.random.default_rng(3)
    xs = R.sample(row, rng)
    out = row.forward(*xs)
    dout = rng.standard_normal(np.shape(out))
    x32 = [x.astype(np.float32) for x in xs]
    grads = row.backward(np.asarray(dout, np.float32), *x32)
    for k, g in enumerate(grads):
        assert np.asarray(g).dtype == np.float32, (row.name, k)
        num = central(row, [x.copy() for x in xs], dout, k)  # float64
        assert rel_error(g, num) < 1e-5, (row.name, k)
