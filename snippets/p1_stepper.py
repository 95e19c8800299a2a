"""The steps of both passes over f = (x + y)·(y·z), for the stepper:
values forward, then gradients back one wire at a time, as an engine's
loop adds them (`src.grad += local * dst.grad`)."""

from graphs import graph_svg
from p1_graph import edges, nodes
from p1_steps import Steps
from show import figure, html

val = {n["id"]: n["value"] for n in nodes}
op = {n["id"]: n["op"] for n in nodes}
parents = {i: [s for s, d in edges if d == i] for i in val}
steps = Steps(nodes, edges)
n = steps.n

steps.forward(["x", "y", "z"], "x = 1.5, y = -2, z = 3: the inputs, given.")
for i in ["q", "r", "f"]:  # forward: in the order the code computes them
    a, b = parents[i]
    o = " + " if op[i] == "+" else "·"
    steps.forward(
        [i], f"{i} = {a}{o}{b} = {n(val[a])}{o}{n(val[b])} = {val[i]:g}."
    )

steps.seed("f", "∂f/∂f = 1: start at the answer.")
for i in ["f", "r", "q"]:  # backward: the same order reversed (the inputs
    a, b = parents[i]  # x, y, z come last and have nothing to pass on)
    for k in [k for k, (_, d) in enumerate(edges) if d == i]:
        src = edges[k][0]
        if op[i] == "+":  # ∂(a + b)/∂a = 1: add passes a copy
            local, why = 1.0, f"{i} = {a} + {b} passes {src} a copy"
            why += f": 1·∂f/∂{i} = 1·{{g}} = {{share}}."
        else:  # ∂(a·b)/∂a = b: multiply swaps
            other = b if src == a else a
            local, why = val[other], f"{i} = {a}·{b} swaps: {src} gets "
            why += f"{other}·∂f/∂{i} = {n(val[other])}·{{g}} = {{share}}."
        steps.share(k, local, why)

carries = [steps.carried[k] for k in range(len(edges))]
title = "Step through f = (x + y)·(y·z)"
svg = graph_svg(nodes, edges, title, "both", "st", carries=carries)
print(html(steps.html(svg, title), figure(svg) + "\n" + steps.text()))

assert all(steps.grad[nd["id"]] == nd["grad"] for nd in nodes)  # hand pass
history = [s["grads"]["y"] for s in steps.steps if s["nodes"] == ["y"]]
assert history == ["∂ -1.5000", "∂ -7.5000"]  # one share at a time
