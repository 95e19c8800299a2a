"""Exercise 4, solved: the backward pass from scratch, checked on random
graphs against central differences and against the engine."""

import math

from engine import Value
from p2_checks import check_backward, random_graph


def backward(root):
    order, stack, placed = [], [(root, False)], set()
    while stack:  # depth-first with a list: (node, parents done?)
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)  # each node after all of its parents
        elif node not in placed:
            placed.add(node)
            stack.append((node, True))  # come back after the parents
            stack.extend((p, False) for p in node.parents)
    for node in order:
        if node.parents:  # inner nodes: this call's gradient only
            node.grad = 0.0
    root.grad += 1.0  # d(root)/d(root) = 1
    for node in reversed(order):  # every user before the node it uses
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad  # a share per use: add


report = check_backward(backward)
print(report)
assert report

gap = 0.0  # the same graphs through the engine's backward
for seed in range(10):
    mine, ref = ([Value(v) for v in (0.5, -0.3, 0.8)] for _ in "ab")
    backward(random_graph(mine, seed))
    random_graph(ref, seed).backward()
    gap = max(gap, *(abs(m.grad - r.grad) for m, r in zip(mine, ref)))
print(f"10 random graphs: largest difference from the engine {gap:.1e}")

x, n = Value(0.3), 10_000
y = x
for _ in range(n):  # y_k = 0.999 y_(k-1) + x, 20,000 nodes deep
    y = y * 0.999 + x
backward(y)
exact = 0.999**n + (1 - 0.999**n) / 0.001  # dy_n/dx by hand
print(f"{n} steps deep: dy/dx = {x.grad:.6f}, by hand {exact:.6f}")
assert gap < 1e-12 and math.isclose(x.grad, exact, rel_tol=1e-12)
