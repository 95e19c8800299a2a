"""Exercise 4: a plausible wrong attempt, and what the checker says."""

from p2_checks import check_backward


def backward(root):
    order = root.topological_order()  # borrowed here, to keep it short
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad = local * node.grad  # the bug: = instead of +=


report = check_backward(backward)
print(report)
assert not report
said = dict(line.split(": ", 1) for line in report)
assert said["a chain"] == "ok" and said["x * x"].endswith("(+=, not =)")
assert said["a used twice"].startswith("same cause as the x * x line")
