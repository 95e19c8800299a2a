"""snippets/engine.py: exact hand-derived gradients, reuse, what backward()
does when called twice, deep graphs, no reference cycles, clear errors, and
agreement with an independent engine (micrograd, when installed)."""

import gc
import math
import sys

import pytest
from conftest import SNIPPETS

sys.path.insert(0, str(SNIPPETS))
from engine import Value  # noqa: E402


def grads(*vs):
    return tuple(v.grad for v in vs)


# --- exact values, derived by hand -------------------------------------


def test_polynomial_by_hand():
    # f = x*y + x^2 at (3, -2): df/dx = y + 2x = 4, df/dy = x = 3
    x, y = Value(3.0), Value(-2.0)
    f = x * y + x**2
    f.backward()
    assert f.data == 3.0
    assert grads(x, y) == (4.0, 3.0)


def test_quotient_and_difference_by_hand():
    # f = a/b - b at (1, 4): df/da = 1/b = 1/4, df/db = -a/b^2 - 1 = -17/16
    a, b = Value(1.0), Value(4.0)
    f = a / b - b
    f.backward()
    assert f.data == -3.75
    assert grads(a, b) == (0.25, -17 / 16)


def test_constants_on_either_side_by_hand():
    # f = 2 - 3/x + x*5 + 1 at x = 2: df/dx = 3/x^2 + 5 = 5.75
    x = Value(2.0)
    f = 2 - 3 / x + x * 5 + 1
    f.backward()
    assert f.data == 11.5
    assert x.grad == 5.75


@pytest.mark.parametrize(
    "op, x, value, slope",
    [
        ("exp", 0.0, 1.0, 1.0),  # e^0 = 1, slope e^0
        ("log", 1.0, 0.0, 1.0),  # log 1 = 0, slope 1/1
        ("tanh", 0.0, 0.0, 1.0),  # slope 1 - tanh(0)^2
        ("sigmoid", 0.0, 0.5, 0.25),  # slope s(1 - s) = 1/4
        ("relu", 2.0, 2.0, 1.0),
        ("relu", -2.0, 0.0, 0.0),
        ("relu", 0.0, 0.0, 0.0),  # documented: relu'(0) = 0
    ],
)
def test_unary_ops_at_known_points(op, x, value, slope):
    v = Value(x)
    out = getattr(v, op)()
    out.backward()
    assert (out.data, v.grad) == (value, slope)


def test_powers_by_hand():
    x = Value(4.0)
    for p, value, slope in [
        (2, 16.0, 8.0),  # 2x
        (0.5, 2.0, 0.25),  # 1/(2 sqrt x)
        (-1, 0.25, -1 / 16),  # -1/x^2
        (0, 1.0, 0.0),
    ]:
        x.zero_grad()
        out = x**p
        out.backward()
        assert (out.data, x.grad) == (value, slope), p


# --- reuse: gradients add up -------------------------------------------


def test_a_plus_a_and_x_times_x():
    a = Value(3.0)
    (a + a).backward()
    assert a.grad == 2.0  # two uses, each with slope 1
    x = Value(3.0)
    (x * x).backward()
    assert x.grad == 6.0  # 2x


def test_a_value_feeding_two_branches():
    # y = 2x, z = y*y + y at x = 1: dz/dx = (2y + 1) * 2 = 10
    x = Value(1.0)
    y = x * 2
    z = y * y + y
    z.backward()
    assert (y.grad, x.grad) == (5.0, 10.0)


# --- calling backward() twice: documented as accumulating ---------------


def test_backward_twice_accumulates_into_inputs_only():
    x, w = Value(2.0), Value(-3.0)
    h = (x * w).tanh()
    out = h * h
    out.backward()
    first = grads(x, w, h, out)
    out.backward()
    assert grads(x, w) == (2 * first[0], 2 * first[1])  # inputs add up
    assert grads(h, out) == first[2:]  # inner nodes: latest call only
    out.zero_grad()
    assert grads(x, w, h, out) == (0.0, 0.0, 0.0, 0.0)
    out.backward()
    assert grads(x, w, h, out) == first


def test_two_losses_sharing_an_input_add_their_gradients():
    x = Value(3.0)
    (x * x).backward()  # 2x = 6
    (x * 4).backward()  # 4
    assert x.grad == 10.0


# --- deep graphs --------------------------------------------------------


def test_chain_100000_deep_with_default_recursion_limit():
    assert sys.getrecursionlimit() <= 1000 * 10  # no raised limit needed
    x = Value(1.0)
    v = x
    for _ in range(100_000):
        v = v * 1.00001
    v.backward()
    assert len(v.topological_order()) == 200_001  # x, constants, products
    assert math.isclose(x.grad, 1.00001**100_000, rel_tol=1e-9)


def test_deep_chain_of_additions_is_exact():
    x = Value(0.0)
    v = x
    for _ in range(100_000):
        v = v + x  # x used 100,001 times in all
    v.backward()
    assert x.grad == 100_001.0


def test_topological_order_puts_parents_first():
    a, b = Value(1.0), Value(2.0)
    c = a * b
    d = c + a
    e = d * c
    order = e.topological_order()
    pos = {id(n): i for i, n in enumerate(order)}
    assert order[-1] is e and len(order) == 5
    for n in order:
        assert all(pos[id(p)] < pos[id(n)] for p in n.parents)


# --- memory: no closures, so no reference cycles ------------------------


def test_a_graph_creates_no_reference_cycles():
    gc.collect()
    gc.disable()
    try:
        x = Value(0.5)
        v = x
        for _ in range(1000):
            v = (v * x + 1).tanh()
        v.backward()
        del v, x
        assert gc.collect() == 0  # freed by reference counting alone
    finally:
        gc.enable()


# --- the attributes a drawing reads -------------------------------------


def test_parents_op_label_and_local_grads():
    x = Value(3.0, label="x")
    y = x * 2
    assert y.parents[0] is x and y.parents[1].data == 2.0
    assert (y.op, x.op, x.label, y.label) == ("*", "", "x", "")
    assert y.local_grads == (2.0, 3.0)
    assert repr(y) == "Value(data=6, grad=0)"


# --- clear errors ------------------------------------------------------


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: Value("3"), TypeError, "real number"),
        (lambda: Value(None), TypeError, "real number"),
        (lambda: Value(1j), TypeError, "real number"),
        (lambda: Value(float("nan")), ValueError, "finite"),
        (lambda: Value(float("inf")), ValueError, "finite"),
        (lambda: Value(1.0) + "a", TypeError, "real number, not 'a'"),
        (lambda: "a" - Value(1.0), TypeError, "real number, not 'a'"),
        (lambda: Value(2.0) * None, TypeError, "real number, not None"),
        (lambda: 2 * Value(1.0) ** 0.5 / [], TypeError, "real number"),
        (lambda: Value(2.0) ** Value(2.0), TypeError, "exponent"),
        (lambda: Value(2.0) ** "2", TypeError, "exponent"),
        (lambda: Value(0.0).log(), ValueError, "positive"),
        (lambda: Value(-1.0).log(), ValueError, "positive"),
        (lambda: Value(-8.0) ** (1 / 3), ValueError, "not a real number"),
        (lambda: Value(0.0) ** 0.5, ValueError, "infinite slope"),
        (lambda: Value(1e200) * 1e200, ValueError, "result of '\\*'"),
    ],
)
def test_bad_input_gets_a_clear_error(make, error, message):
    with pytest.raises(error, match=message):
        make()


def test_negative_base_to_an_integer_power_is_fine():
    x = Value(-2.0)
    out = x**3
    out.backward()
    assert (out.data, x.grad) == (-8.0, 12.0)  # 3x^2


# --- an independent engine agrees ---------------------------------------


def test_agrees_with_micrograd():
    mg = pytest.importorskip("micrograd.engine")
    results = []
    for V in (Value, mg.Value):
        a, b, c = V(1.5), V(-0.7), V(2.0)
        h = (a * b + c).relu() * a - b / c + (c**-1.5) * 3
        out = (h * h + 1 / (a - b)) ** 2 - h
        out.backward()
        results.append((out.data, a.grad, b.grad, c.grad))
    for ours, theirs in zip(*results):
        assert math.isclose(ours, theirs, rel_tol=1e-12)
