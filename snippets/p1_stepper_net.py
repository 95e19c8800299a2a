"""The steps of both passes over the 2-2-2 network of "A network worked
by hand", for the stepper: each unit forward, then ∂E/∂(unit output)
back, one wire at a time. The inputs' gradients are left to exercise 1."""

from graphs import graph_svg
from p1_net import W, backward, forward, t1, t2, x1, x2
from p1_steps import Steps
from show import figure, html

v = forward(W) | {"x1": x1, "x2": x2}
ids, ops = ["x1", "x2", "h1", "h2", "o1", "o2", "E"], [""] * 2 + ["σ"] * 4
nodes = [
    {"id": i, "label": i, "op": op, "value": v[i], "grad": None}
    for i, op in zip(ids, ops + ["½Σ"])
]
into = {"h1": ("w1", "w2", "b1"), "h2": ("w3", "w4", "b2")}
into |= {"o1": ("w5", "w6", "b3"), "o2": ("w7", "w8", "b4")}
src = {"h1": ("x1", "x2"), "h2": ("x1", "x2")}
src |= {"o1": ("h1", "h2"), "o2": ("h1", "h2")}
edges = [(a, u) for u in into for a in src[u]] + [("o1", "E"), ("o2", "E")]
steps = Steps(nodes, edges, out="E", num="{:.4f}")
n = steps.n

steps.forward(["x1", "x2"], f"x1 = {x1}, x2 = {x2}: the inputs, given.")
for u, (wa, wb, b) in into.items():  # forward: a unit at a time
    a, c = src[u]
    nums = f"{n(W[wa])}·{n(v[a])} + {n(W[wb])}·{n(v[c])} + {n(W[b])}"
    rule = f"{u} = σ({wa}·{a} + {wb}·{c} + {b}) = σ({nums})"
    steps.forward([u], rule + f" = σ({n(v['net_' + u])}) = {n(v[u])}.")
steps.forward(["E"], f"E = ½(o1 − {t1})² + ½(o2 − {t2})² = {n(v['E'])}.")

steps.seed("E", "∂E/∂E = 1: start at the error.")
for k, (o, t) in enumerate([("o1", t1), ("o2", t2)], start=8):
    why = f"E = ½(o1 − t1)² + ½(o2 − t2)²: {o} gets ({o} − t{o[1]})·∂E/∂E"
    steps.share(k, v[o] - t, why + f" = {n(v[o] - t)}·{{g}} = {{share}}.")
g, dE = backward(W, v), {}
for o in ["o2", "o1"]:  # the same order as forward, reversed
    for k in [k for k, e in enumerate(edges) if e[1] == o]:
        h, w = edges[k][0], into[o][edges[k][0] == "h2"]
        slope = v[o] * (1 - v[o])  # σ' = o(1 - o)
        wa, wb, b = into[o]
        why = f"{o} = σ({wa}·h1 + {wb}·h2 + {b}): {h} gets {o}(1 − {o})·{w}·"
        why += f"∂E/∂{o} = "
        why += f"{n(slope)}·{n(W[w])}·{{g}} = {{share}}."
        steps.share(k, slope * W[w], why)
        assert abs(steps.carried[k] - g[into[o][2]] * W[w]) < 1e-15  # δ·w

for nd in nodes:  # the final gradients, for the figure without script
    nd["grad"] = steps.grad.get(nd["id"])
carries = [steps.carried.get(k) for k in range(len(edges))]
title = "Step through the 2-2-2 network"
svg = graph_svg(nodes, edges, title, "both", "sn", carries=carries)
print(html(steps.html(svg, title), figure(svg) + "\n" + steps.text()))

dh1 = g["b3"] * W["w5"] + g["b4"] * W["w7"]  # δo1·w5 + δo2·w7, the table's
assert abs(steps.grad["h1"] - dh1) < 1e-15
