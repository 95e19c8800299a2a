"""Bug: a recursive topological sort fails on a deep graph."""

import sys

from p2_gradcheck import gradcheck


# --8<-- [start:before]
def backward_recursive(root):  # BEFORE: depth-first search by recursion
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for parent in node.parents:
                visit(parent)  # one Python frame per level of the graph
            order.append(node)

    visit(root)
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad


# --8<-- [end:before]


def deep(x, n=5000):  # a chain 5,000 operations deep
    for _ in range(n):
        x = x * 0.9999
    return x


print(f"recursion limit: {sys.getrecursionlimit()}")
try:
    gradcheck(deep, [1.0], backward=backward_recursive)
    failed = None
except RecursionError as e:
    failed = e
    print("before: RecursionError - the graph is deeper than the limit")
after = gradcheck(deep, [1.0])  # the engine's loop keeps its own stack
print(f"after:  largest gradient error {after:.1e}")

assert failed is not None and after < 1e-8
