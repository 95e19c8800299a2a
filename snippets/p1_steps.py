"""The two passes over a graph as steps, for the stepper (stepper.js).

    s = Steps(nodes, edges, out="f", num="{:g}")
    s.forward(ids, rule)    reveal these nodes' values
    s.seed(node, rule)      the output's gradient, 1 (the learner predicts)
    s.share(k, local, rule) wire k = (src, dst) carries local * grad[dst]
                            back, and grad[src] += it (the learner predicts
                            the new grad[src])
    s.html(svg)             the stepper for the page; s.text() in a terminal

The backward steps are the engine's loop, `src.grad += local * dst.grad`,
one wire at a time, so a node used twice gets its gradient one share at a
time. Each step keeps the whole state after it (values shown, gradients so
far, what each wire carried), so the page can step back and forth. The
rule passed to share() may use {g}, the gradient arriving at dst, and
{share}, what the wire carries.
"""

import json
from html import escape


class Steps:
    def __init__(self, nodes, edges, out="f", num="{:g}", fmt="{:.4f}"):
        self.nodes, self.edges, self.out = nodes, edges, out
        self.num, self.fmt = num, fmt
        self.steps, self.values, self.grad, self.carried = [], [], {}, {}
        self.turns = []  # the nodes that have passed gradients back

    def v(self, v):  # a number in a rule: 0.8000 reads 0.8
        s = self.num.format(v)
        return s.rstrip("0").rstrip(".") if "." in s else s

    def n(self, v):  # a factor in a rule: negative ones in brackets
        return self.v(v) if v >= 0 else f"({self.v(v)})"

    def _add(self, phase, nodes, rule, edge=None, ask=None):
        self.steps.append({
            "phase": phase, "nodes": nodes, "edge": edge, "rule": rule,
            "ask": ask, "values": list(self.values),
            "grads": {i: "∂ " + self.fmt.format(g)
                      for i, g in self.grad.items()},
            "carries": {k: self.fmt.format(c)
                        for k, c in self.carried.items()},
        })  # fmt: skip

    def forward(self, ids, rule):
        self.values += ids
        self._add("forward", ids, rule)

    def seed(self, node, rule):
        self.grad[node] = 1.0  # ∂out/∂out = 1
        ask = {"name": f"∂{self.out}/∂{node}", "answer": 1.0}
        self._add("backward", [node], rule, ask=ask)

    def share(self, k, local, rule):
        src, dst = self.edges[k]
        g = self.grad[dst]  # final: every user of dst has passed its share
        new, num, o = self.grad.get(src), self.v, self.out
        share = local * g
        self.grad[src] = share if new is None else new + share  # the +=
        self.carried[k] = share
        sum_ = (
            f"{num(share)}"
            if new is None
            else (f"{num(new)} + {self.n(share)} = {num(self.grad[src])}")
        )
        rule = rule.format(g=self.n(g), share=num(share))
        rule += f" ∂{o}/∂{src} += {self.n(share)}, so ∂{o}/∂{src} = {sum_}."
        if dst not in self.turns:  # dst's first share: its turn begins
            self.turns.append(dst)
            rule = f"{dst}'s turn: ∂{o}/∂{dst} = {num(g)} is final. " + rule
        ask = {"name": f"∂{o}/∂{src}", "answer": self.grad[src]}
        self._add("backward", [src], rule, edge=k, ask=ask)

    def html(self, svg, title):
        data = escape(json.dumps(self.steps, ensure_ascii=False))
        items = "".join(f"<li>{escape(s['rule'])}</li>" for s in self.steps)
        return (
            f'<div class="p1-stepper" data-p1-stepper data-steps="{data}">'
            f'<div class="p1-stepper-figure">{svg}</div>'
            '<p class="p1-stepper-rule" aria-live="polite"></p>'
            f"<details><summary>{escape(title)}: every step as text"
            f"</summary><ol>{items}</ol></details></div>"
        )

    def text(self):
        lines = []
        for k, s in enumerate(self.steps, 1):
            ask = f"[predict {s['ask']['name']}] " if s["ask"] else ""
            lines.append(f"{k:2d}. {ask}{s['rule']}")
        return "\n".join(lines)
