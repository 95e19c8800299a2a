"""The 2-2-2 network as a graph: each unit's output and ∂E/∂(output),
the weight on every wire, and the starting values beside it."""

from graphs import graph_svg
from p1_net import W, backward, forward, t1, t2, x1, x2
from show import figure, table

p, v = W, forward(W)
do1, do2 = v["o1"] - t1, v["o2"] - t2  # ∂E/∂o = o - t
dnet_o1 = do1 * v["o1"] * (1 - v["o1"])  # through the output sigmoids
dnet_o2 = do2 * v["o2"] * (1 - v["o2"])
dh1 = dnet_o1 * p["w5"] + dnet_o2 * p["w7"]  # each hidden unit forks
dh2 = dnet_o1 * p["w6"] + dnet_o2 * p["w8"]

units = [  # the inputs' gradients are left out: exercise 1 asks for x1's
    ("x1", "", x1, None),
    ("x2", "", x2, None),
    ("h1", "σ", v["h1"], dh1),
    ("h2", "σ", v["h2"], dh2),
    ("o1", "σ", v["o1"], do1),
    ("o2", "σ", v["o2"], do2),
    ("E", "½Σ", v["E"], 1.0),  # ∂E/∂E = 1
]
nodes = [
    {"id": i, "label": i, "op": op, "value": val, "grad": g}
    for i, op, val, g in units
]
edges = [(a, b) for b in ("h1", "h2") for a in ("x1", "x2")]
edges += [(a, b) for b in ("o1", "o2") for a in ("h1", "h2")]
labels = [f"w{k}" for k in range(1, 9)] + [None, None]  # w1 on x1 -> h1
edges += [("o1", "E"), ("o2", "E")]
title = "The 2-2-2 network: outputs, ∂E/∂(output), weights on the wires"
svg = graph_svg(nodes, edges, title, "both", "net", "{:.6f}", labels=labels)
print(figure(svg))
rows = []
for unit, names, inputs in [
    ("h1", ("w1", "w2", "b1"), ("x1", "x2")),
    ("h2", ("w3", "w4", "b2"), ("x1", "x2")),
    ("o1", ("w5", "w6", "b3"), ("h1", "h2")),
    ("o2", ("w7", "w8", "b4"), ("h1", "h2")),
]:
    (wa, wb, b), (a, c) = names, inputs
    values = ", ".join(f"{k} = {p[k]}" for k in names)
    rows.append((unit, f"σ({wa}·{a} + {wb}·{c} + {b})", values))
caption = f"Starting values: inputs x = ({x1}, {x2}), targets t = ({t1}, {t2})"
print(table(["unit", "output", "weights and bias"], rows, caption))

g = backward(W, v)  # ∂E/∂b = δ: the module's backward pass agrees
assert abs(g["b3"] - dnet_o1) < 1e-15
assert abs(g["b1"] - dh1 * v["h1"] * (1 - v["h1"])) < 1e-15
assert do1 > 0 > do2  # o1 above its target, o2 below
assert abs(dh1) < abs(do1)  # blame shrinks through σ' ≤ 1/4 and the weights
