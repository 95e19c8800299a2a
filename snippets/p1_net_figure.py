"""The 2-2-2 network as a graph: each unit's output and dE/d(output)."""

from graphs import graph_svg
from p1_net import W, forward, t1, t2, x1, x2
from show import figure

p, v = W, forward(W)
dE = 1.0
do1, do2 = v["o1"] - t1, v["o2"] - t2  # dE/do = o - t
dnet_o1 = do1 * v["o1"] * (1 - v["o1"])  # through the output sigmoids
dnet_o2 = do2 * v["o2"] * (1 - v["o2"])
dh1 = dnet_o1 * p["w5"] + dnet_o2 * p["w7"]  # each hidden unit forks
dh2 = dnet_o1 * p["w6"] + dnet_o2 * p["w8"]
dnet_h1 = dh1 * v["h1"] * (1 - v["h1"])
dnet_h2 = dh2 * v["h2"] * (1 - v["h2"])
dx1 = dnet_h1 * p["w1"] + dnet_h2 * p["w3"]
dx2 = dnet_h1 * p["w2"] + dnet_h2 * p["w4"]

units = [
    ("x1", "", x1, dx1),
    ("x2", "", x2, dx2),
    ("h1", "σ", v["h1"], dh1),
    ("h2", "σ", v["h2"], dh2),
    ("o1", "σ", v["o1"], do1),
    ("o2", "σ", v["o2"], do2),
    ("E", "½Σ", v["E"], dE),
]
nodes = [
    {"id": i, "label": i, "op": op, "value": val, "grad": g}
    for i, op, val, g in units
]
edges = [(a, b) for a in ("x1", "x2") for b in ("h1", "h2")]
edges += [(a, b) for a in ("h1", "h2") for b in ("o1", "o2")]
edges += [("o1", "E"), ("o2", "E")]
title = "The 2-2-2 network: outputs and dE/d(output)"
print(figure(graph_svg(nodes, edges, title, id_prefix="net")))

assert do1 > 0 > do2  # o1 above its target, o2 below
assert abs(dh1) < abs(do1)  # blame shrinks through σ' ≤ 1/4 and the weights
