"""The steps of both passes over f = (x + y)·(y·z), for the stepper."""

import json
from html import escape

from graphs import graph_svg
from p1_graph import edges, nodes
from show import figure, html

val = {n["id"]: n["value"] for n in nodes}
parents = {n["id"]: [s for s, d in edges if d == n["id"]] for n in nodes}
users = {n["id"]: [d for s, d in edges if s == n["id"]] for n in nodes}
node_op = {n["id"]: n["op"] for n in nodes}


def n(v):  # a number as the rules print it: -2 in brackets, 1.5 bare
    return f"{v:g}" if v >= 0 else f"({v:g})"


def local(node, inp):  # d(node)/d(input), as (name, number)
    a, b = parents[node]
    if node_op[node] == "+":
        return "1", 1.0  # add passes the gradient on
    other = b if inp == a else a
    return other, val[other]  # multiply swaps: the other input


steps, grad = [], {}
for nd in nodes:  # forward: in the order the values were computed
    i, ps = nd["id"], parents[nd["id"]]
    rule = f"{i} = {val[i]:g}   (an input)"
    if ps:
        op = " + " if nd["op"] == "+" else " · "
        rule = (
            f"{i} = {op.join(ps)} = {op.join(n(val[p]) for p in ps)}"
            f" = {val[i]:g}"
        )
    steps.append({"node": i, "show": "value", "rule": rule})
for nd in reversed(nodes):  # backward: the same nodes, in reverse
    i = nd["id"]
    if not users[i]:
        grad[i], rule = 1.0, f"∂f/∂{i} = 1   (start at the answer)"
    else:
        terms = [(*local(u, i), u) for u in users[i]]  # (name, local, u)
        grad[i] = sum(lo * grad[u] for _, lo, u in terms)
        symbolic = " + ".join(f"{s}·∂f/∂{u}" for s, _, u in terms)
        numeric = " + ".join(f"{n(lo)}·{n(grad[u])}" for _, lo, u in terms)
        rule = f"∂f/∂{i} = {symbolic} = {numeric} = {grad[i]:g}"
        why = {"1": "add passes it on"}.get(terms[0][0], "multiply swaps")
        rule += f"   ({'a fork: the paths add' if terms[1:] else why})"
    steps.append({"node": i, "show": "grad", "rule": rule})

data = escape(json.dumps(steps, ensure_ascii=False))  # an attribute value
svg = graph_svg(nodes, edges, "Step through f = (x + y)·(y·z)", "both", "st")
stepper = f"""<div class="p1-stepper" data-p1-stepper data-steps="{data}">
<div class="p1-stepper-figure">{svg}</div>
<p class="p1-stepper-rule" aria-live="polite"></p>
</div>"""  # on the page: the figure, stepped through by stepper.js
text = "\n".join(f"{k:2d}. {s['rule']}" for k, s in enumerate(steps, 1))
print(html(stepper, figure(svg) + "\n" + text))  # in a terminal: the steps

assert all(grad[nd["id"]] == nd["grad"] for nd in nodes)  # = the hand pass
assert [s["node"] for s in steps[:3]] == ["x", "y", "z"]  # inputs first
