"""Exercise: the backward pass in Kahn's order: a node goes when all of
its uses have sent their share back."""

from collections import Counter

from engine import Value


def backward_kahn(root):
    uses, stack, seen = Counter(), [root], {root}
    while stack:  # count, for each node, how many times it is a parent
        for p in stack.pop().parents:
            uses[p] += 1
            if p not in seen:
                seen.add(p)
                stack.append(p)
    root.grad, ready = 1.0, [root]
    while ready:
        node = ready.pop()  # all of its uses are done: its grad is final
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad
            uses[parent] -= 1
            if uses[parent] == 0:
                ready.append(parent)


x = Value(2.0)
a = x * x
c = a * (a + x)  # a used twice, x three times
backward_kahn(c)
ours = x.grad
c.zero_grad()
c.backward()
print(f"Kahn's order: dc/dx = {ours:g}; engine: dc/dx = {x.grad:g}")

assert ours == x.grad == 44.0  # 4x^3 + 3x^2 at x = 2
