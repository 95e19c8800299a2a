"""Closures make reference cycles; stored local derivatives do not."""

import gc

from engine import Value


# --8<-- [start:closure]
class ClosureValue:  # the closure style: each node keeps a function
    def __init__(self, data, parents=()):
        self.data, self.grad, self.parents = data, 0.0, parents
        self._backward = lambda: None

    def __mul__(self, other):
        out = ClosureValue(self.data * other.data, (self, other))

        def _backward():  # refers to out, and out refers to it: a cycle
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out


# --8<-- [end:closure]


def left_for_the_collector(V, n=1000):
    """Objects only the cycle collector can free, after a graph dies."""
    gc.collect()
    gc.disable()
    x, w = V(1.0), V(0.999)
    for _ in range(n):
        x = x * w
    del x, w  # the graph is unreachable now
    found = gc.collect()  # frees it, counting what refcounting missed
    gc.enable()
    return found


closure, stored = (
    left_for_the_collector(ClosureValue),
    left_for_the_collector(Value),
)
print("1,000 multiplications, then the graph is dropped:")
print(f"  closure style: {closure:,} objects left for the cycle collector")
print(f"  engine.py:     {stored:,}")

assert stored == 0 and closure >= 3 * 1000  # node, its dict, its closure
