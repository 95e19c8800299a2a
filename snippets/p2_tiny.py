"""The smallest engine: a number that remembers how it was made."""

import math


# --8<-- [start:ops]
class Value:
    def __init__(self, data, parents=(), local_grads=()):
        self.data = data
        self.grad = 0.0  # d(output)/d(self), once backward() has run
        self.parents = parents  # the Values this one was made from
        self.local_grads = local_grads  # d(self)/d(parent), one each

    def __add__(self, other):  # d(a+b)/da = 1, d(a+b)/db = 1
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):  # d(ab)/da = b, d(ab)/db = a
        a, b = self.data, other.data
        return Value(a * b, (self, other), (b, a))

    def tanh(self):  # d(tanh x)/dx = 1 - tanh(x)^2
        t = math.tanh(self.data)
        return Value(t, (self,), (1.0 - t * t,))

    # --8<-- [end:ops]
    # --8<-- [start:backward]
    def topological_order(self):
        order, seen = [], set()

        def visit(node):  # node goes in after all of its parents
            if node not in seen:
                seen.add(node)
                for parent in node.parents:
                    visit(parent)
                order.append(node)

        visit(self)
        return order

    def backward(self):
        self.grad = 1.0  # d(self)/d(self)
        for node in reversed(self.topological_order()):
            for parent, local in zip(node.parents, node.local_grads):
                parent.grad += local * node.grad  # the chain rule

    # --8<-- [end:backward]
