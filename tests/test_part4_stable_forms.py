"""Issue 12, item 11: the snippets the issue names compute sigmoid,
softmax and cross-entropy in the stable forms Part 3 teaches. Each is run
at scores of +-1e4 with floating-point errors raised (the naive forms
overflow or take log(0) there), and no naive form is left in the files."""

import ast
import re

import numpy as np
import p4_checks as C
import pytest
from conftest import SNIPPETS
from layers import affine_forward, relu_forward, softmax_loss


def functions(name):
    """The imports and function definitions of a snippet, without its
    top-level code (which would print and draw)."""
    tree = ast.parse((SNIPPETS / name).read_text(encoding="utf-8"))
    keep = (ast.Import, ast.ImportFrom, ast.FunctionDef)
    tree.body = [node for node in tree.body if isinstance(node, keep)]
    found = {}
    exec(compile(tree, name, "exec"), found)
    return found


EXTREME = np.array([-1e4, -50.0, 0.0, 50.0, 1e4])


@pytest.mark.parametrize(
    "name, fn",
    [
        ("p4_vanish.py", "sigmoid"),
        ("p4_saturation.py", "sigmoid"),
        ("p3_four_equations.py", "sigma"),
    ],  # fmt: skip
)
def test_sigmoids_do_not_overflow(name, fn):
    sigmoid = functions(name)[fn]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = sigmoid(EXTREME)
    # by hand: 1/(1 + e^1e4) is 0 in float64, 1/(1 + e^-1e4) is 1
    want = [0, 1 / (1 + np.exp(50)), 0.5, 1 / (1 + np.exp(-50)), 1]
    np.testing.assert_allclose(s, want, rtol=1e-15)


def test_glu_forward_is_stable_and_its_solution_finite():
    x = np.array([[1.0, -1.0]])
    Wa = np.ones((2, 2))
    Wb = np.array([[5e3, -5e3], [-5e3, 5e3]])  # x Wb = (1e4, -1e4)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out, cache = C.glu_forward(x, Wa, Wb)
    np.testing.assert_array_equal(cache[4], [[1.0, 0.0]])  # σ(±1e4)
    np.testing.assert_array_equal(out, [[0.0, 0.0]])  # a = x Wa = 0


def test_exercise_4_loss_is_finite_when_hopelessly_wrong():
    """Scores 2e4 apart: p_y = 0 in float64, so -log(p_y) would be inf.
    The log-softmax form gives the loss by hand: the gap, 2e4 (plus the
    decay term, 0 here)."""
    net = functions("p3_exercise_4_net.py")["loss_and_grads"]
    W2 = np.array([[1e4, -1e4], [0.0, 0.0]])
    p = {"W1": np.eye(2), "b1": np.zeros(2), "W2": W2, "b2": np.zeros(2)}
    x, y = np.array([[1.0, 0.0]]), np.array([1])  # scores (1e4, -1e4)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss, grads = net(p, x, y, 0.0)
    assert loss == pytest.approx(2e4)
    s = affine_forward(relu_forward(x @ p["W1"])[0], p["W2"], p["b2"])[0]
    assert loss == pytest.approx(softmax_loss(s, y)[0])
    np.testing.assert_allclose(grads["b2"], [1.0, -1.0])  # p - onehot(y)


NAMED = ["p3_four_equations.py", "p4_saturation.py", "p4_vanish.py",
         "p4_checks.py", "p3_ex_bp1_softmax.py", "p3_exercise_4_net.py",
         "p3_exercise_4_wrong.py", "p3_ex_bce.py", "p4_ex_tanh.py",
         "p4_bug_local.py", "p4_bug_inplace.py", "p4_dead_relu.py",
         "p4_ex_leaky.py"]  # fmt: skip


@pytest.mark.parametrize("name", NAMED)
def test_no_naive_form_is_left(name):
    code = (SNIPPETS / name).read_text(encoding="utf-8")
    assert "1 / (1 + np.exp(" not in code  # overflows for z < -709
    assert not re.search(r"np\.log\(p\[", code)  # log(0) for p_y = 0
    for call in re.findall(r"np\.exp\(([^)]*)\)", code):  # scores?
        shifted = "max" in call or "logaddexp" in call
        assert "@" not in call or shifted, (name, call)
