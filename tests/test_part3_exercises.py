"""Part 3 exercises: the solutions are right (checked independently of the
snippets' own output), the checker in p3_checks.py passes them, rejects
realistic wrong attempts with a message that names the bug, never raises,
and the built page has its four levels, solutions and checker link."""

import ast
import re

import gradcheck as G
import layers as L
import numpy as np
import p3_checks as C
import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, SNIPPETS


@pytest.fixture(scope="module")
def sol():
    """The functions of each solution snippet, without running its script
    part (test_snippets.py runs that): a broken solution fails here on its
    own, not only through the snippet's asserts."""
    names = {
        1: "p3_exercise_1_seq_linear.py",
        2: "p3_exercise_2_embedding.py",
        3: "p3_exercise_3_layernorm.py",
        4: "p3_exercise_4_net.py",
    }
    kinds = (ast.Import, ast.ImportFrom, ast.FunctionDef)
    found = {}
    for k, name in names.items():
        tree = ast.parse((SNIPPETS / name).read_text(encoding="utf-8"))
        tree.body = [node for node in tree.body if isinstance(node, kinds)]
        found[k] = {}
        exec(compile(tree, name, "exec"), found[k])
    return found


def lines(report):
    return dict(line.split(": ", 1) for line in report if ": " in line)


# --- the solutions pass their checkers --------------------------------


def test_every_solution_passes_its_checker(sol):
    reports = [
        C.check_seq_linear(
            sol[1]["seq_linear_forward"], sol[1]["seq_linear_backward"]
        ),
        C.check_embedding(
            sol[2]["embedding_forward"], sol[2]["embedding_backward"]
        ),
        C.check_layernorm(
            sol[3]["layernorm_forward"], sol[3]["layernorm_backward"]
        ),
        C.check_net(sol[4]["loss_and_grads"]),
    ]
    for report in reports:
        assert bool(report) is True, str(report)
        assert set(lines(report).values()) == {"ok"}
    assert [len(r) for r in reports] == [4, 2, 4, 5]  # out + grads; loss


# --- the solutions are right, checked independently -------------------


@pytest.mark.parametrize("shape", [(1, 1, 1, 1), (3, 2, 5, 2), (2, 4, 3, 6)])
def test_seq_linear_against_loops_and_central_differences(sol, shape):
    B, T, D, M = shape
    rng = np.random.default_rng(sum(shape))
    x, w, b = (
        rng.normal(size=(B, T, D)),
        rng.normal(size=(D, M)),
        rng.normal(size=M),
    )
    out, cache = sol[1]["seq_linear_forward"](x, w, b)
    dout = rng.normal(size=out.shape)
    dx, dw, db = sol[1]["seq_linear_backward"](dout, cache)
    # each (n, t) is a linear layer of its own; w and b's gradients add up
    loop_dw = sum(
        np.outer(x[n, t], dout[n, t]) for n in range(B) for t in range(T)
    )
    np.testing.assert_allclose(dw, loop_dw, rtol=1e-12)
    np.testing.assert_allclose(db, dout.reshape(-1, M).sum(axis=0))
    for arr, grad in [(x, dx), (w, dw), (b, db)]:
        num = G.numeric_grad(lambda: x @ w + b, arr, dout)
        assert G.rel_error(grad, num) < 1e-8


def test_embedding_gradient_counts_every_occurrence(sol):
    rng = np.random.default_rng(3)
    V, D = 7, 2
    w, idx = rng.normal(size=(V, D)), rng.integers(0, V, size=(3, 5))
    dout = rng.normal(size=(3, 5, D))
    _, cache = sol[2]["embedding_forward"](w, idx)
    dw = sol[2]["embedding_backward"](dout, cache)
    expected = np.zeros((V, D))
    for n, t in np.ndindex(idx.shape):  # one occurrence at a time
        expected[idx[n, t]] += dout[n, t]
    np.testing.assert_allclose(dw, expected, rtol=1e-12)
    num = G.numeric_grad(lambda: w[idx], w, dout)
    assert G.rel_error(dw, num) < 1e-8
    assert len(np.unique(idx)) < idx.size  # the draw does repeat ids


@pytest.mark.parametrize("seed", range(4))
def test_layernorm_against_central_differences(sol, seed):
    rng = np.random.default_rng(seed)
    n, d = rng.integers(1, 5), rng.integers(2, 7)
    x = rng.normal(size=(n, d)) * rng.uniform(0.1, 10) + rng.normal()
    g, b = rng.normal(size=d), rng.normal(size=d)
    out, _ = sol[3]["layernorm_forward"](x, g, b)
    # each row of (out - b) / g has mean 0 and variance v / (v + eps)
    xhat = (out - b) / g
    v = x.var(axis=1)
    np.testing.assert_allclose(xhat.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(xhat.var(axis=1), v / (v + C.EPS), rtol=1e-9)
    errors = G.check_layer(
        sol[3]["layernorm_forward"], sol[3]["layernorm_backward"], x, g, b
    )
    assert max(errors) < 1e-7, errors


def layers_loss_and_grads(params, x, y, reg):
    """The same network through layers.py: an implementation of its own."""
    h, c1 = L.affine_forward(x, params["W1"], params["b1"])
    a, c2 = L.relu_forward(h)
    s, c3 = L.affine_forward(a, params["W2"], params["b2"])
    loss, ds = L.softmax_loss(s, y)
    da, dW2, db2 = L.affine_backward(ds, c3)
    _, dW1, db1 = L.affine_backward(L.relu_backward(da, c2), c1)
    w2 = np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2)
    grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
    grads["W1"] = grads["W1"] + reg * params["W1"]
    grads["W2"] = grads["W2"] + reg * params["W2"]
    return loss + 0.5 * reg * w2, grads


@pytest.mark.parametrize("reg", [0.0, 0.3])
def test_net_against_layers_and_central_differences(sol, reg):
    rng = np.random.default_rng(5)
    N, D, H, K = 7, 3, 4, 5
    sizes = {"W1": (D, H), "b1": (H,), "W2": (H, K), "b2": (K,)}
    p = {k: rng.normal(size=s) for k, s in sizes.items()}
    x, y = rng.normal(size=(N, D)), rng.integers(0, K, size=N)
    loss, grads = sol[4]["loss_and_grads"](p, x, y, reg)
    ref_loss, ref = layers_loss_and_grads(p, x, y, reg)
    assert loss == pytest.approx(ref_loss, rel=1e-12)
    for k in p:
        np.testing.assert_allclose(grads[k], ref[k], rtol=1e-10, atol=1e-14)
        num = G.numeric_grad(
            lambda: layers_loss_and_grads(p, x, y, reg)[0], p[k]
        )
        assert G.rel_error(grads[k], num) < 1e-7, k


# --- the checkers reject wrong attempts, and say why ------------------


def seq_fwd(x, w, b):
    return x @ w + b, (x, w)


def seq_bwd(dx=None, dw=None, db=None, n=3):
    """A backward for exercise 1, with some gradients replaced by a bug."""

    def backward(dout, cache):
        x, w = cache
        D, M = w.shape
        right = {
            "dx": dout @ w.T,
            "dw": x.reshape(-1, D).T @ dout.reshape(-1, M),
            "db": dout.sum(axis=(0, 1)),
        }
        bugs = {"dx": dx, "dw": dw, "db": db}
        got = [bugs[k](dout, x, w) if bugs[k] else right[k] for k in right]
        return tuple(got[:n])

    return backward


@pytest.mark.parametrize(
    "bug, name, message",
    [
        (
            dict(dw=lambda d, x, w: np.swapaxes(x, 1, 2) @ d),
            "dw",
            "one dw per sequence",
        ),
        (
            dict(db=lambda d, x, w: d.sum(axis=0)),
            "db",
            "summed over one axis only",
        ),
        (
            dict(db=lambda d, x, w: d.mean(axis=(0, 1))),
            "db",
            "0.1667 times the right one",
        ),
        (
            dict(dw=lambda d, x, w: d.reshape(-1, 5).T @ x.reshape(-1, 4)),
            "dw",
            "transposed",
        ),
        (dict(dx=lambda d, x, w: -(d @ w.T)), "dx", "wrong sign"),
        (dict(db=lambda d, x, w: None), "db", "None"),
    ],
)
def test_seq_linear_checker_names_the_bug(bug, name, message):
    report = C.check_seq_linear(seq_fwd, seq_bwd(**bug))
    assert not report
    assert message in lines(report)[name]
    others = {k: v for k, v in lines(report).items() if k != name}
    assert set(others.values()) == {"ok"}  # the bug is localized


def test_seq_linear_checker_reports_crashes_and_missing_gradients():
    def raises(d, x, w):
        return x.T @ d  # the 2-D formula on 3-D arrays: matmul fails

    report = C.check_seq_linear(seq_fwd, seq_bwd(dw=raises))
    assert not report and "your code raised ValueError" in str(report)
    report = C.check_seq_linear(seq_fwd, seq_bwd(n=2))
    assert not report and "2 gradients, expected 3" in str(report)
    report = C.check_seq_linear(lambda x, w, b: None, seq_bwd())
    assert not report and "your code raised TypeError" in str(report)


def emb_fwd(w, idx):
    return w[idx], (idx, w.shape)


def buffered(dout, cache):
    idx, shape = cache
    dw = np.zeros(shape)
    dw[idx] += dout
    return dw


def assigned(dout, cache):
    idx, shape = cache
    dw = np.zeros(shape)
    dw[idx] = dout  # = instead of accumulating: the last one wins
    return dw


@pytest.mark.parametrize(
    "backward, message",
    [
        (buffered, "repeats counted once"),
        (assigned, "np.add.at"),
        (lambda dout, cache: dout, "shape (2, 4, 3), expected (6, 3)"),
        (lambda dout, cache: np.zeros(cache[1]), "all zeros"),
        (lambda dout, cache: "dw", "cannot compare it"),
    ],
)
def test_embedding_checker_names_the_bug(backward, message):
    report = C.check_embedding(emb_fwd, backward)
    assert not report
    assert lines(report)["out"] == "ok"
    assert message in lines(report)["dw"]


def test_embedding_checker_survives_a_crash():
    def backward(dout, cache):
        raise IndexError("oops")

    report = C.check_embedding(emb_fwd, backward)
    assert not report and "your code raised IndexError: oops" in str(report)


def ln_fwd(x, g, b):
    mu = x.mean(axis=1, keepdims=True)
    std = np.sqrt(x.var(axis=1, keepdims=True) + C.EPS)
    xhat = (x - mu) / std
    return g * xhat + b, (xhat, std, g)


def ln_bwd(variant):
    def backward(dout, cache):
        xhat, std, g = cache
        dxh = dout * g
        mean = dxh.mean(axis=1, keepdims=True)
        var = xhat * (dxh * xhat).mean(axis=1, keepdims=True)
        dx = {
            "constants": dxh / std,
            "no variance": (dxh - mean) / std,
            "axis 0": (dxh - dxh.mean(axis=0) - var) / std,
            "no gain": (
                dout
                - dout.mean(1, keepdims=True)
                - xhat * (dout * xhat).mean(1, keepdims=True)
            )
            / std,
            "no mean": (dxh - var) / std,
            "mean sign": (dxh + mean - var) / std,
            "variance sign": (dxh - mean + var) / std,
            "no std": dxh - mean - var,
            "all signs": -(dxh - mean - var) / std,
            "half variance": (dxh - mean - var / 2) / std,
        }.get(variant, (dxh - mean - var) / std)
        dg = dout * xhat if variant == "dg per row" else (dout * xhat).sum(0)
        return dx, dg, dout.sum(axis=0)

    return backward


@pytest.mark.parametrize(
    "variant, name, message",
    [
        ("constants", "dx", "taken as constants"),
        ("no variance", "dx", "path through the variance is missing"),
        ("axis 0", "dx", "rows of dx should sum to 0"),
        ("no gain", "dx", "g is missing"),
        ("no mean", "dx", "rows of dx should sum to 0"),
        ("mean sign", "dx", "rows of dx should sum to 0"),
        ("variance sign", "dx", "variance has the wrong sign"),
        ("no std", "dx", "not divided by sqrt(var + eps)"),
        ("all signs", "dx", "wrong sign"),
        ("half variance", "dx", "wrong pattern"),  # rows still sum to 0
        ("dg per row", "dg", "not summed over the rows"),
    ],
)
def test_layernorm_checker_names_the_bug(variant, name, message):
    report = C.check_layernorm(ln_fwd, ln_bwd(variant))
    assert not report
    assert message in lines(report)[name]
    others = {k: v for k, v in lines(report).items() if k != name}
    assert set(others.values()) == {"ok"}


def test_layernorm_checker_checks_the_forward_too():
    def no_gain(x, g, b):
        out, cache = ln_fwd(x, g, b)
        return out - g * cache[0] + cache[0], cache  # forgot g

    report = C.check_layernorm(no_gain, ln_bwd("right"))
    assert not report and lines(report)["out"] != "ok"
    assert C.check_layernorm(ln_fwd, ln_bwd("right"))  # the helpers are right


def net_attempt(sol, bug):
    """The solution of exercise 4, with one realistic bug put in."""

    def attempt(params, x, y, reg):
        if bug == "no relu mask":
            p = dict(params)
            loss, _ = sol[4]["loss_and_grads"](p, x, y, reg)
            h = x @ p["W1"] + p["b1"]  # the same, with relu' = 1
            a = np.maximum(h, 0)
            s = a @ p["W2"] + p["b2"]
            e = np.exp(s - s.max(axis=1, keepdims=True))
            delta2 = (
                e / e.sum(axis=1, keepdims=True) - np.eye(len(p["b2"]))[y]
            ) / len(x)
            delta1 = delta2 @ p["W2"].T
            return loss, {
                "W1": x.T @ delta1 + reg * p["W1"],
                "b1": delta1.sum(axis=0),
                "W2": a.T @ delta2 + reg * p["W2"],
                "b2": delta2.sum(axis=0),
            }
        loss, grads = sol[4]["loss_and_grads"](params, x, y, reg)
        if bug == "no decay":
            grads = {
                k: g - reg * params[k] if k[0] == "W" else g
                for k, g in grads.items()
            }
        if bug == "decay twice":
            grads = {
                k: g + reg * params[k] if k[0] == "W" else g
                for k, g in grads.items()
            }
        if bug == "decay on b1":
            grads["b1"] = grads["b1"] + reg * params["b1"]
        if bug == "loss without decay":
            w2 = np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2)
            loss = loss - 0.5 * reg * w2
        if bug == "no 1/N":  # the mean's 1/N forgotten in delta2
            grads = {
                k: len(x) * (g - reg * params[k]) + reg * params[k]
                if k[0] == "W"
                else len(x) * g
                for k, g in grads.items()
            }
        if bug == "missing key":
            del grads["b2"]
        if bug == "list":
            grads = list(grads.values())
        return loss, grads

    return attempt


@pytest.mark.parametrize(
    "bug, wrong, message",
    [
        ("no decay", {"dW1", "dW2"}, "decay gradient reg * W"),
        ("decay twice", {"dW1", "dW2"}, "added twice"),
        ("decay on b1", {"db1"}, "b1 decayed: only weights are"),
        ("loss without decay", {"loss"}, "the decay term"),
        ("no relu mask", {"dW1", "db1"}, "wrong pattern"),
        ("no 1/N", {"dW1", "db1", "dW2", "db2"}, "the 1/N of the mean"),
        ("missing key", {"db2"}, "None"),
    ],
)
def test_net_checker_names_the_bug_per_parameter(sol, bug, wrong, message):
    report = C.check_net(net_attempt(sol, bug))
    assert not report
    got = lines(report)
    assert {k for k, v in got.items() if v != "ok"} == wrong, got
    assert all(message in got[k] for k in wrong), got


def test_net_checker_survives_broken_attempts(sol):
    report = C.check_net(net_attempt(sol, "list"))
    assert not report and str(report).startswith("grads is a list: return")
    assert "AttributeError" not in str(report)

    def raises(params, x, y, reg):
        return params["W3"]

    report = C.check_net(raises)
    assert not report and "your code raised KeyError" in str(report)
    report = C.check_net(lambda params, x, y, reg: None)
    assert not report and "your code raised TypeError" in str(report)


def test_an_empty_report_is_not_a_pass():
    assert not C.Report()
    assert C.Report(["dw: ok"]) and not C.Report(["dw: ok", "db: wrong"])


# --- names and notation ----------------------------------------------


def test_exercise_code_starts_a_name_with_d_only_for_a_gradient():
    """notation.md: dX is the gradient of X. The error terms Delta^(l) are
    delta2, delta1 (as in p3_ex_bp1_softmax.py), never d2, d1."""
    for path in sorted(SNIPPETS.glob("p3_exercise_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {a.arg for a in ast.walk(tree) if isinstance(a, ast.arg)}
        assert not {n for n in names if re.fullmatch(r"d\d+", n)}, path.name
    for name in ("p3_exercise_4_net.py", "p3_exercise_4_wrong.py"):
        code = (SNIPPETS / name).read_text(encoding="utf-8")
        assert "delta2 = " in code and "delta1 = " in code, name


def test_page_notation_is_consistent_per_exercise():
    text = (DOCS / "part-3" / "exercises.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)
    ex1, ex2, ex3, ex4 = (
        next(s for s in sections if s[:2] == f"{k}.") for k in range(1, 5)
    )
    # dY_2 is exercise 1's BT x M matrix; exercise 2 names its own BT x D
    assert "dY_2}_{BT \\times M}" in ex1 and "dY_2" not in ex2
    assert "d\\mathrm{out}_2}_{BT \\times D}" in ex2
    # the direct path of layer norm reaches x-hat_i only
    assert "every $\\hat x_j$ along three paths" not in ex3
    assert "direct one reaches $\\hat x_i$ only" in ex3
    # layer numbers: superscripts in parentheses, as four-equations.md's
    # W^l, never subscripts (W_2) or bare superscripts (a square: W^2)
    assert not re.search(r"(W|A|Z|b|Delta)_\{?[12]\b", ex4)
    assert not re.search(r"(W|A|Z|b|Delta)\^\{?[12]\b", ex4)
    for name in ("W^{(1)}", "W^{(2)}", "\\Delta^{(1)}", "\\Delta^{(2)}"):
        assert name in ex4, name


# --- the built page ---------------------------------------------------


def test_built_page_shows_what_the_checker_says(built_site):
    page = built_site / "part-3" / "exercises" / "index.html"
    article = BeautifulSoup(
        page.read_text(encoding="utf-8"), "html.parser"
    ).find("article")
    solutions = [
        d
        for d in article.find_all("details")
        if d.find("summary").get_text(strip=True) == "Solution"
    ]
    for details in solutions:  # each solution passes its checker
        assert ": ok" in details.get_text()
    text = article.get_text()
    for shown in [  # what the checker prints for each wrong attempt
        "dw: one dw per sequence",
        "dw: repeats counted once",
        "dx: mean and variance taken as constants",
        "dW2: the decay gradient reg * W2 is missing",
    ]:
        assert shown in text, shown
    assert "$" not in text  # every formula rendered
    assert article.find_all("a", href="../../part-4/")
