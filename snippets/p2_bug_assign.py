"""Bug: `=` instead of `+=` in the backward loop."""

from engine import Value
from p2_gradcheck import gradcheck


# --8<-- [start:before]
def backward_assign(root):  # BEFORE: the buggy loop
    order = root.topological_order()
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad = local * node.grad  # overwrites earlier uses


# --8<-- [end:before]


def f(x, y):  # x is used three times
    return x * y + x.tanh() + x


before = gradcheck(f, [0.5, 2.0], backward=backward_assign)
after = gradcheck(f, [0.5, 2.0], backward=Value.backward)  # uses +=
print(f"before: largest gradient error {before:.3f}")
print(f"after:  largest gradient error {after:.1e}")

assert before > 0.5 and after < 1e-8
