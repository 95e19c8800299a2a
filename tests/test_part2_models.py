"""Part 2 helpers built on the engine: engine_draw.trace and the MLP of
p2_nn.py. Gradients against central differences; the trace against the
graph it reads."""

import contextlib
import io
import math
import random
import sys

from conftest import SNIPPETS

sys.path.insert(0, str(SNIPPETS))
with contextlib.redirect_stdout(io.StringIO()):  # their demos print
    from engine import Value  # noqa: E402
    from engine_draw import draw, trace  # noqa: E402
    from p2_nn import MLP  # noqa: E402


def test_trace_has_one_node_per_value_and_one_wire_per_use():
    x, y = Value(1.5, label="x"), Value(-2.0, label="y")
    out = ((x * y + x * x) / (y - 3)).tanh()
    out.backward()
    nodes, edges = trace(out)
    order = out.topological_order()
    assert len(nodes) == len(order) == len({n["id"] for n in nodes})
    for n, v in zip(nodes, order):
        assert (n["value"], n["grad"]) == (v.data, v.grad)
    wires = [(nodes[order.index(p)]["id"], nodes[k]["id"])
             for k, v in enumerate(order) for p in v.parents]  # fmt: skip
    assert sorted(edges) == sorted(wires)  # x*x: x enters twice, two wires
    x_x = [e for e in edges if edges.count(e) == 2]
    assert len(x_x) == 2 and len(edges) == 11  # 10 distinct, x*x twice
    ids = [n["id"] for n in nodes]
    assert all(ids.index(a) < ids.index(b) for a, b in edges)  # inputs first


def test_draw_puts_every_node_in_the_svg():
    x = Value(3.0, label="x")
    y = x * x + 1
    y.backward()
    svg = draw(y, "t", id_prefix="tt")
    assert svg.count('class="bp-node"') == len(y.topological_order())
    assert "∂ 6.0000" in svg  # dy/dx = 2x at x = 3


def test_mlp_gradients_match_central_differences():
    model = MLP([2, 4, 3, 1], seed=1)
    params = model.parameters()
    rnd = random.Random(0)
    xs = [[rnd.uniform(-1, 1), rnd.uniform(-1, 1)] for _ in range(4)]

    def loss():
        return sum((model(x) - 0.5) ** 2 for x in xs) * 0.25

    out = loss()
    out.zero_grad()
    out.backward()
    h = 1e-6
    for p in params[::3]:
        analytic, p0 = p.grad, p.data
        p.data = p0 + h
        up = loss().data
        p.data = p0 - h
        down = loss().data
        p.data = p0
        assert math.isclose(analytic, (up - down) / (2 * h), abs_tol=1e-7)


def test_plots_are_labelled_from_their_data_and_follow_the_palette():
    import numpy as np
    from p2_plots import decision_boundary, loss_curve

    svg = loss_curve([1.0, 0.5, 0.25, 0.3], "Loss", name="tl")
    assert svg.startswith('<svg class="bp-plot p2-plot" role="img"')
    assert 'aria-labelledby="tl-t tl-d"' in svg
    assert '<title id="tl-t">Loss</title>' in svg
    assert "1.000 after the first, 0.300 after the last" in svg
    assert "lowest 0.250, after epoch 3" in svg
    assert "#000000" not in svg and "currentColor" in svg
    X = np.array([[-1.0, 0.0], [-0.5, 0.2], [1.0, 0.1]])
    y = np.array([-1, 1, 1])
    svg = decision_boundary(lambda P: P[:, 0], X, y, "Regions", name="tb")
    desc = svg[svg.index('<desc id="tb-d">') : svg.index("</desc>")]
    assert "1 blue circles (-1) and 2 orange squares (+1)" in desc
    assert "2 of 3 lie on their own side" in desc
