"""The backward loop, one `+=` at a time, on c = a*b, a = x*x, b = a + x."""

from engine import Value

x = Value(2.0, label="x")
a = x * x
b = a + x
c = a * b
a.label, b.label, c.label = "a", "b", "c"

# --8<-- [start:loop]
order = c.topological_order()
print("order:", " ".join(n.label for n in order))
c.grad = 1.0  # start at the answer: dc/dc = 1
for node in reversed(order):
    for parent, local in zip(node.parents, node.local_grads):
        before = parent.grad
        parent.grad += local * node.grad  # the whole algorithm
        print(
            f"at {node.label} ({node.op:>1}): {parent.label}.grad += "
            f"{local:g} * {node.grad:g}  ({before:g} -> {parent.grad:g})"
        )
# --8<-- [end:loop]

check = Value(2.0)
(check * check * (check * check + check)).backward()
assert x.grad == check.grad == 44.0  # 4x^3 + 3x^2 at x = 2
assert (a.grad, b.grad) == (10.0, 4.0)  # dc/da = b + a, dc/db = a
