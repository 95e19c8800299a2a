"""Part 1: every gradient a snippet computes agrees with central differences
of a function written independently here (not imported from the snippet)."""

import contextlib
import io
import math
import runpy

import numpy as np
import pytest
from conftest import SNIPPETS
from hypothesis import given, settings
from hypothesis import strategies as st

H = 1e-6


def run(name):
    """A snippet's globals after running it (its output swallowed)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / name), run_name="p1_test")


def central(f, args, i, h=H):
    up, down = list(args), list(args)
    up[i] += h
    down[i] -= h
    return (f(*up) - f(*down)) / (2 * h)


def test_chain_sin_of_square():
    ns = run("p1_chain.py")
    f = lambda x: math.sin(x * x)  # noqa: E731
    assert ns["dx"] == pytest.approx(central(f, [ns["x"]], 0), abs=1e-8)


def test_fork_sums_the_paths():
    ns = run("p1_fork.py")
    f = lambda x: 3 * x**3  # noqa: E731
    assert ns["dx"] == pytest.approx(central(f, [ns["x"]], 0), abs=1e-6)


@pytest.mark.parametrize(
    "name", ["p1_chain_ex_square.py", "p1_chain_ex_cube.py"]
)
def test_chain_exercises(name):
    ns = run(name)
    f = {
        "p1_chain_ex_square.py": lambda x: x**2,
        "p1_chain_ex_cube.py": lambda x: (2 * x + 1) ** 3,
    }[name]
    assert ns["dx"] == pytest.approx(central(f, [ns["x"]], 0), abs=1e-6)


def test_graph_every_node_gradient():
    ns = run("p1_graph.py")
    x, y, z = ns["x"], ns["y"], ns["z"]
    f = lambda x, y, z: (x + y) * y * z  # noqa: E731
    for i, name in enumerate("xyz"):
        assert ns["d" + name] == pytest.approx(central(f, [x, y, z], i))
    # intermediate nodes: f as a function of q (r fixed) and of r (q fixed)
    q, r = x + y, y * z
    assert ns["dq"] == pytest.approx(central(lambda q: q * r, [q], 0))
    assert ns["dr"] == pytest.approx(central(lambda r: q * r, [r], 0))
    by_id = {n["id"]: n for n in ns["nodes"]}
    assert by_id["y"]["grad"] == ns["dy"] == y * z + (x + y) * z


# ---- the 2-2-2 network, rewritten with matrices -------------------------
NAMES = ["w1", "w2", "w3", "w4", "b1", "b2", "w5", "w6", "w7", "w8", "b3",
         "b4"]  # fmt: skip


def net_error(params, x=(0.8, 0.2), t=(0.1, 0.9)):
    w1, w2, w3, w4, b1, b2, w5, w6, w7, w8, b3, b4 = params
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    hid = sig(np.array([[w1, w2], [w3, w4]]) @ np.array(x) + [b1, b2])
    out = sig(np.array([[w5, w6], [w7, w8]]) @ hid + [b3, b4])
    return 0.5 * float(np.sum((out - np.array(t)) ** 2))


def numeric_net_grads(p):
    vec = [p[k] for k in NAMES]
    return {k: central(lambda *a: net_error(a), vec, i)
            for i, k in enumerate(NAMES)}  # fmt: skip


def test_network_forward_matches_the_matrix_form():
    net = run("p1_net.py")
    W = net["W"]
    assert net["forward"](W)["E"] == pytest.approx(
        net_error([W[k] for k in NAMES]), abs=1e-15
    )


def test_network_gradients_table():
    ns = run("p1_net_backward.py")
    numeric = numeric_net_grads(ns["W"])
    for k in NAMES:
        assert ns["g"][k] == pytest.approx(numeric[k], abs=1e-9), k


@settings(deadline=None, max_examples=40)
@given(st.lists(st.floats(-3, 3), min_size=12, max_size=12))
def test_network_gradients_for_any_weights(values):
    net = run("p1_net.py")
    p = dict(zip(NAMES, values))
    g = net["backward"](p, net["forward"](p))
    numeric = numeric_net_grads(p)
    for k in NAMES:
        assert g[k] == pytest.approx(numeric[k], abs=1e-8), k


def test_network_step_and_the_mistake():
    step = run("p1_net_step.py")
    W, lr = step["W"], step["lr"]
    numeric = numeric_net_grads(W)
    for k in NAMES:  # the step moves each weight by -lr x the true gradient
        assert step["new"][k] == pytest.approx(W[k] - lr * numeric[k])
    bad = run("p1_net_mistake.py")
    for k in ["w1", "w2", "w3", "w4", "b1", "b2"]:
        assert abs(bad["g_bad"][k] - numeric[k]) > 1e-5, k  # wrong...
        assert bad["g"][k] == pytest.approx(numeric[k], abs=1e-9)  # right


def test_network_input_gradient_exercise():
    ns = run("p1_net_ex_input.py")
    W = ns["W"]
    vec = [W[k] for k in NAMES]
    f = lambda x1: net_error(vec, x=(x1, 0.2))  # noqa: E731
    assert ns["dx1"] == pytest.approx(central(f, [0.8], 0), abs=1e-9)


# ---- gates: the rest of the graph is 2·(gate output) --------------------
GATES = {  # snippet: (function of the inputs, input names)
    "p1_gate_add.py": (lambda x, y, z: 2 * (x + y + z), "xyz"),
    "p1_gate_mul.py": (lambda x, y: 2 * x * y, "xy"),
    "p1_gate_max.py": (lambda x, y: 2 * max(x, y), "xy"),
    "p1_gate_fork.py": (lambda x, y, z: x * y + x * z, "xyz"),
    "p1_gate_ex_combo.py": (lambda x, y, z: max(x * y, z) + x, "xyz"),
}


@pytest.mark.parametrize("name", sorted(GATES))
def test_gate_gradients(name):
    ns = run(name)
    f, inputs = GATES[name]
    args = [ns[v] for v in inputs]
    for i, v in enumerate(inputs):
        assert ns["d" + v] == pytest.approx(central(f, args, i), abs=1e-6)
    drawn = {n["id"]: n["grad"] for n in ns["nodes"]}
    assert all(drawn[v] == ns["d" + v] for v in inputs)  # figure = code


def test_scale_weight_gradient_is_the_input():
    ns = run("p1_gate_scale.py")
    for x, dw in zip([0.5, 5.0, 500.0], ns["dws"]):
        assert dw == pytest.approx(central(lambda w, x=x: w * x, [0.5], 0))


# ---- staged computation --------------------------------------------------
def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def test_neuron_gradients():
    ns = run("p1_neuron.py")
    names = ["w0", "x0", "w1", "x1", "b"]
    f = lambda w0, x0, w1, x1, b: sigmoid(w0 * x0 + w1 * x1 + b)  # noqa: E731
    args = [ns[k] for k in names]
    for i, k in enumerate(names):
        assert ns["d" + k] == pytest.approx(central(f, args, i), abs=1e-9)


def test_sigmoid_as_gates_is_sigmoid_prime():
    ns = run("p1_sigmoid_gates.py")
    got = central(lambda z: sigmoid(z), [ns["z"]], 0)
    assert ns["dz_gates"] == pytest.approx(got, abs=1e-9)


def test_staged_expression():
    ns = run("p1_staged.py")
    f = lambda x, y: (x * sigmoid(y) + y) / (1 + (x - y) ** 2)  # noqa: E731
    args = [ns["x"], ns["y"]]
    assert ns["dx"] == pytest.approx(central(f, args, 0), abs=1e-9)
    assert ns["dy"] == pytest.approx(central(f, args, 1), abs=1e-9)


def test_tanh_neuron_exercise():
    ns = run("p1_staged_ex_tanh.py")
    f = lambda w, x, b: math.tanh(w * x + b)  # noqa: E731
    args = [ns["w"], ns["x"], ns["b"]]
    for i, k in enumerate("wxb"):
        assert ns["d" + k] == pytest.approx(central(f, args, i), abs=1e-9)


def test_network_figure_gradients_of_unit_outputs():
    ns = run("p1_net_figure.py")
    W = ns["W"]
    w = [W[k] for k in NAMES]
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731

    def from_hidden(h1, h2):  # E as a function of the hidden outputs
        o1 = sig(w[6] * h1 + w[7] * h2 + w[10])
        o2 = sig(w[8] * h1 + w[9] * h2 + w[11])
        return 0.5 * ((o1 - 0.1) ** 2 + (o2 - 0.9) ** 2)

    def from_outputs(o1, o2):
        return 0.5 * ((o1 - 0.1) ** 2 + (o2 - 0.9) ** 2)

    v = ns["v"]
    h, o = [v["h1"], v["h2"]], [v["o1"], v["o2"]]
    assert ns["dh1"] == pytest.approx(central(from_hidden, h, 0), abs=1e-9)
    assert ns["dh2"] == pytest.approx(central(from_hidden, h, 1), abs=1e-9)
    assert ns["do1"] == pytest.approx(central(from_outputs, o, 0), abs=1e-9)
    assert ns["do2"] == pytest.approx(central(from_outputs, o, 1), abs=1e-9)
    # the stepper of the same network reaches the same numbers, share by
    # share, and the early turn of the exercise misses one share
    steps = run("p1_stepper_net.py")["steps"]
    for k, want in [("h1", ns["dh1"]), ("h2", ns["dh2"]), ("o1", ns["do1"])]:
        assert steps.grad[k] == pytest.approx(want, abs=1e-12)
    order = run("p1_stepper_ex_order.py")
    exact = central(from_hidden, h, 0)
    assert order["complete"] == pytest.approx(exact, abs=1e-9)
    assert order["partial"] != pytest.approx(exact, abs=0.05)


def test_chain_picture_and_nudge_plot():
    ns = run("p1_chain_picture.py")
    f = lambda x: math.sin(x * x)  # noqa: E731
    assert ns["dx"] == pytest.approx(central(f, [ns["x"]], 0), abs=1e-8)
    ns = run("p1_nudge_plot.py")
    g = lambda x: x**3 - 2 * x  # noqa: E731
    assert ns["slope"] == pytest.approx(central(g, [1.5], 0), abs=1e-8)


# ---- the remaining snippets that state a derivative ----------------------
def test_flip_exercise_gradients():
    ns = run("p1_graph_ex_flip.py")
    f = lambda x, y, z: (x + y) * y * z  # noqa: E731
    for z in (3.0, -3.0):
        g = ns["grads"](1.5, -2.0, z)
        for i, k in enumerate("xyz"):
            want = central(f, [1.5, -2.0, z], i)
            assert g[k] == pytest.approx(want, abs=1e-6)


def test_stepper_gradients():
    ns = run("p1_stepper.py")
    f = lambda x, y, z: (x + y) * y * z  # noqa: E731
    args = [1.5, -2.0, 3.0]
    for i, k in enumerate("xyz"):
        grad = ns["steps"].grad[k]
        assert grad == pytest.approx(central(f, args, i), abs=1e-6)


def test_saturated_network_gradient():
    ns = run("p1_net_ex_saturated.py")
    p = ns["sat"]
    g = ns["backward"](p, ns["forward"](p))
    assert g["w5"] == pytest.approx(numeric_net_grads(p)["w5"], abs=1e-10)


def test_stated_exact_derivatives():
    cubic = lambda x: x**3 - 2 * x  # noqa: E731
    assert run("p1_nudge.py")["exact"] == pytest.approx(
        central(cubic, [1.5], 0), abs=1e-8
    )
    assert run("p1_differences.py")["exact"] == pytest.approx(
        central(cubic, [1.5], 0), abs=1e-8
    )
    ns = run("p1_nudge_ex_sin.py")
    assert ns["exact"] == pytest.approx(central(math.sin, [1.0], 0), abs=1e-9)
    ns = run("p1_nudge_ex_quadratic.py")  # central with h = 0.1 is exact
    quad = lambda x: 3 * x**2 + x  # noqa: E731
    assert ns["ctr"] == pytest.approx(central(quad, [ns["x"]], 0), abs=1e-8)


def test_mistake_training_uses_the_same_mistake():
    one = run("p1_net_mistake.py")
    ns = run("p1_net_mistake_train.py")
    assert ns["early_step"](one["W"]) == one["wrong"]
    assert ns["right_step"](one["W"]) == one["right"]
