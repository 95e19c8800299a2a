"""Part 3 pages say what their snippets print (issue 12, items 8, 10, 11):
no "to the last bit" over a printed difference, Nielsen's input gradient
one layer right, the batch mean's 1/N in Delta, a smooth loss curve."""

import importlib

import numpy as np
from conftest import DOCS


def page(name):
    text = (DOCS / "part-3" / name).read_text(encoding="utf-8")
    return " ".join(text.split())


def test_no_page_claims_bit_identical_gradients():
    for name in ("index.md", "four-equations.md", "four-ways.md"):
        assert "to the last bit" not in page(name), name


def test_nielsen_input_gradient_is_of_this_layer():
    """dC/da^(l-1) = (w^l)^T delta^l, checked on a random column-vector
    layer against central differences."""
    text = page("four-equations.md")
    assert "(w^l)^\\top \\delta^l" in text and "w^{l+1})^\\top" not in text
    rng = np.random.default_rng(0)
    w, a, t = (rng.standard_normal(s) for s in ((3, 4), (4,), (3,)))

    def cost(a):  # C = 0.5 ||w a - t||^2, z = w a: delta = z - t
        return 0.5 * np.sum((w @ a - t) ** 2)

    delta = w @ a - t
    num = [(cost(a + e) - cost(a - e)) / 2e-6 for e in 1e-6 * np.eye(4)]
    np.testing.assert_allclose(w.T @ delta, num, rtol=1e-7)


def test_delta_rows_are_per_example_deltas_over_n(capsys):
    m = importlib.import_module("p3_four_equations")
    capsys.readouterr()
    for n in range(m.N):  # BP1 for each example's own cost, by hand
        a, t = m.A[m.L][n], m.T[n]
        np.testing.assert_allclose(
            m.N * m.Delta_L[n], (a - t) * a * (1 - a), rtol=1e-13
        )
    assert "divided by $N$" in page("four-equations.md")


def test_train_page_describes_the_curve_it_draws(capsys):
    m = importlib.import_module("p3_train")
    capsys.readouterr()
    assert np.all(np.diff(m.net_losses) < 0)  # smooth: no steps, no bumps
    assert "in steps" not in page("train-from-scratch.md")


def test_notebook_says_which_accuracy_and_what_backward_costs():
    text = (DOCS / "notebooks" / "train-a-network.py").read_text("utf-8")
    flat = " ".join(text.split())
    assert "training accuracy" in flat and "test accuracy" in flat
    assert "about as much as the forward pass" not in flat
    assert "about twice the forward pass" in flat
