"""Batch norm's graph for one feature of a batch of three, with the value
and the gradient on every node, when the loss reads example 1 only."""

import numpy as np
from gradcheck import numeric_grad
from graphs import graph_svg
from p5_bn_staged import bn_staged_backward, bn_staged_forward
from show import figure, note

x = np.array([[1.0], [2.0], [6.0]])  # N = 3 examples, D = 1 feature
one, zero = np.ones(1), np.zeros(1)  # gamma = 1, beta = 0: out = xhat
out, cache = bn_staged_forward(x, one, zero)
dout = np.array([[1.0], [0.0], [0.0]])  # loss = xhat_1: example 1 only
dx, _, _, inner = bn_staged_backward(dout, cache)
xc, std, xhat, _ = cache

sub = "₁₂₃"
nodes = [{"id": f"x{i}", "label": f"x{sub[i]}", "op": "", "value": x[i, 0],
          "grad": dx[i, 0]} for i in range(3)]  # fmt: skip
nodes.append({"id": "mu", "label": "μ", "op": "avg",
              "value": x.mean(), "grad": inner["mu"][0]})  # fmt: skip
nodes += [
    {
        "id": f"c{i}",
        "label": f"x{sub[i]} − μ",
        "op": "−",
        "value": xc[i, 0],
        "grad": inner["xc"][i, 0],
    }
    for i in range(3)
]
nodes.append({"id": "std", "label": "σ", "op": "std",
              "value": std[0], "grad": inner["std"][0]})  # fmt: skip
nodes += [
    {
        "id": f"h{i}",
        "label": f"x̂{sub[i]}",
        "op": "÷",
        "value": xhat[i, 0],
        "grad": dout[i, 0],
    }
    for i in range(3)
]
edges = []
for i in range(3):
    edges += [(f"x{i}", "mu"), (f"x{i}", f"c{i}"), ("mu", f"c{i}")]
    edges += [(f"c{i}", "std"), (f"c{i}", f"h{i}"), ("std", f"h{i}")]
title = "Batch norm of one feature over a batch of 3, loss = x̂₁"
print(figure(graph_svg(nodes, edges, title, "both", "bn", "{:.4f}")))
print(note("Blue: values. Orange: d loss / d node, for loss = x̂₁. "
           "x₂ and x₃ get gradients although the loss never reads their "
           "outputs."))  # fmt: skip

num = numeric_grad(lambda: bn_staged_forward(x, one, zero)[0], x, dout)
assert np.allclose(dx, num, atol=1e-8)  # central differences agree
assert dx[1, 0] != 0 and dx[2, 0] != 0  # the other examples are moved
assert abs(dx.sum()) < 1e-12  # a shift of the whole batch changes nothing
