"""Why the backward loop needs topological order: a node must collect
every share of its gradient before it passes the total on."""

from collections import deque

from engine import Value


def build(x0=2.0):  # c = a * b with a = x*x, b = a + x: c = x^4 + x^3
    x = Value(x0, label="x")
    a = x * x
    a.label = "a"
    b = a + x
    b.label = "b"
    c = a * b
    c.label = "c"
    return x, c


def run(root, order):  # the engine's loop, over a given order
    for node in order:
        node.grad = 0.0
    root.grad = 1.0
    for node in order:
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad


def breadth_first(root):  # nearest the answer first: looks plausible
    order, seen, queue = [], {root}, deque([root])
    while queue:
        node = queue.popleft()
        order.append(node)
        for p in node.parents:
            if p not in seen:
                seen.add(p)
                queue.append(p)
    return order


x, c = build()
exact = 4 * 2.0**3 + 3 * 2.0**2  # dc/dx = 4x^3 + 3x^2 at x = 2
for name, order in [
    ("reversed topological", c.topological_order()[::-1]),
    ("breadth-first", breadth_first(c)),
]:
    run(c, order)
    visits = " ".join(n.label for n in order)
    print(f"{name:<21} visits {visits}: dc/dx = {x.grad:g}")
print(f"by hand: 4x^3 + 3x^2 at x = 2 = {exact:g}")

run(c, c.topological_order()[::-1])
assert x.grad == exact
run(c, breadth_first(c))
assert x.grad != exact  # a passed its gradient on before b added its share
