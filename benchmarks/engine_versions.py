"""engine.py as it was before issue 16, one change at a time.

OLD_CODE lists the changes in the order they were made, each with the old
methods it replaced; undo(Value, keys) puts the old methods of the changes
in keys back on the class, so that engine.py with the later changes undone
is each earlier version. Only the methods the benchmark's model uses (+, *
and relu, the order, backward) matter, so only those are kept here.
Imports only what engine.py imports (engine_script.py stays small).
"""

import math
from numbers import Real

Value = None  # the engine's class, set by undo()


def old_topological_order(self):
    order, seen, done, stack = [], set(), set(), [self]
    while stack:  # depth-first, with a list instead of recursion
        node = stack[-1]
        if node not in seen:  # first visit: push its parents on top
            seen.add(node)
            stack.extend(reversed(node.parents))  # first parent first
        else:  # second visit: every parent is already in order
            stack.pop()
            if node not in done:
                done.add(node)
                order.append(node)
    return order


def old_lift(x):
    if isinstance(x, Value):
        return x
    return Value(x) if isinstance(x, Real) else NotImplemented


def old_add(self, other):
    if (other := old_lift(other)) is NotImplemented:
        return other
    a, b = self.data, other.data
    return Value(a + b, (self, other), (1.0, 1.0), "+")


def old_mul(self, other):
    if (other := old_lift(other)) is NotImplemented:
        return other
    a, b = self.data, other.data
    return Value(a * b, (self, other), (b, a), "*")


def old_init(self, data, _parents=(), _locals=(), _op="", *, label=""):
    if not isinstance(data, (float, int, Real)):
        raise TypeError(f"Value needs a real number, not {data!r}")
    if not math.isfinite(data):
        where = f" (result of {_op!r})" if _op else ""
        raise ValueError(f"Value needs a finite number, not {data}{where}")
    self.data, self.grad = float(data), 0.0
    self.parents, self.local_grads = _parents, _locals
    self.op, self.label = _op, label


def old_relu(self):
    x = self.data
    return Value(max(x, 0.0), (self,), (1.0 if x > 0 else 0.0,), "relu")


def old_backward(self):
    order = self.topological_order()
    for node in order:
        if node.parents:
            node.grad = 0.0
    self.grad += 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad


# (key, what changed, the old methods it replaced); the model uses only
# +, * and relu, so only their old versions matter here
OLD_CODE = [
    (
        "order",
        "topological order: a stack of paused loops (was: visit twice)",
        {"topological_order": old_topological_order},
    ),
    (
        "lift",
        "operands: lift() returns a Value (was: NotImplemented test)",
        {
            "__add__": old_add,
            "__radd__": old_add,
            "__mul__": old_mul,
            "__rmul__": old_mul,
        },  # fmt: skip
    ),
    (
        "init",
        "constructor: a float skips the type checks",
        {"__init__": old_init},
    ),
    (
        "skip",
        "backward: skip a node whose gradient is 0",
        {"backward": old_backward},
    ),
    (
        "relu",
        "relu: its slope a constant tuple, not a new one",
        {"relu": old_relu},
    ),
]


def undo(V, keys):
    """Put back the old code of the changes in keys, on class V."""
    global Value
    Value = V
    for key, _, methods in OLD_CODE:
        if key in keys:
            for name, fn in methods.items():
                setattr(V, name, fn)
    return V
