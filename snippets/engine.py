# --8<-- [start:interface]
"""A scalar reverse-mode autograd engine: the class `Value`.

Interface (stable: later pages, notebooks and exercises import it):
    Value(data, label="x")   data: a finite real number, kept as a float
    v.data, v.grad           floats; grad starts at 0.0
    v + w, v - w, v * w, v / w   with a Value or a number on either side
    -v, v ** p               p an int or float (not a Value)
    v.exp() v.log() v.tanh() v.sigmoid() v.relu()
    v.backward()             add d(v)/d(node) to .grad of every node v uses
    v.zero_grad()            set .grad = 0.0 on every node v uses
    v.topological_order()    those nodes, each after its parents, v last
    v.parents, v.local_grads the inputs of v and d(v)/d(input) for each
    v.op, v.label            operation name ("" for an input); a free name
    Value(data, parents, local_grads, op)   a new operation's result
    lift(x)                  x as a Value: a number becomes a new input

Each operation computes its value and records its local derivatives; one
loop in backward() applies parent.grad += local * node.grad in reverse
topological order, found without recursion (100,000-deep graphs work).
No closures, so no reference cycles for the garbage collector to chase.

backward() accumulates, like PyTorch: inputs (nodes without parents) gain
d(v)/d(input) on every call, so a second call doubles them; call
zero_grad() in between. An inner node's .grad holds d(v)/d(node) from the
latest call. relu'(0) is 0. Bad input raises TypeError (an operand that is
not a real number, a Value exponent) or ValueError (non-finite data, log of
x <= 0, a negative base to a fractional power, x ** p at 0 with p < 1).
"""

import math
from numbers import Real

# --8<-- [end:interface]


# --8<-- [start:value]
class Value:
    __slots__ = ("data", "grad", "parents", "local_grads", "op", "label")

    def __init__(self, data, parents=(), local_grads=(), op="", label=""):
        if type(data) is not float:  # an int, a numpy number, or no number
            if not isinstance(data, Real):
                raise TypeError(f"Value needs a real number, not {data!r}")
            data = float(data)
        if not math.isfinite(data):  # nan or inf, e.g. from an overflow
            where = f" (result of {op!r})" if op else ""
            raise ValueError(f"Value needs a finite number, not {data}{where}")
        self.data = data
        self.grad = 0.0
        self.parents = parents  # the Values this one was made from
        self.local_grads = local_grads  # d(self)/d(parent), one each
        self.op = op  # the operation's name, for drawings
        self.label = label  # a name of your choice, for drawings

    def __repr__(self):
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    # --8<-- [end:value]

    # --8<-- [start:add-mul]
    def __add__(self, other):
        other = lift(other)
        a, b = self.data, other.data  # d(a+b)/da = 1, d(a+b)/db = 1
        return Value(a + b, (self, other), (1.0, 1.0), "+")

    def __mul__(self, other):
        other = lift(other)
        a, b = self.data, other.data  # d(ab)/da = b, d(ab)/db = a
        return Value(a * b, (self, other), (b, a), "*")

    __radd__ = __add__  # 2 + x: int gives up, so Python asks x instead
    __rmul__ = __mul__  # 2 * x: the same, as + and * commute

    # --8<-- [end:add-mul]
    # --8<-- [start:more-binary]
    def __sub__(self, other):
        other = lift(other)
        a, b = self.data, other.data  # d(a-b)/da = 1, d(a-b)/db = -1
        return Value(a - b, (self, other), (1.0, -1.0), "-")

    def __truediv__(self, other):
        other = lift(other)
        a, b = self.data, other.data
        q = a / b  # dq/da = 1/b, dq/db = -a/b^2 = -q/b (no b*b to underflow)
        return Value(q, (self, other), (1.0 / b, -q / b), "/")

    def __neg__(self):
        return Value(-self.data, (self,), (-1.0,), "neg")  # d(-a)/da = -1

    def __rsub__(self, other):  # other - self
        return lift(other) - self

    def __rtruediv__(self, other):  # other / self
        return lift(other) / self

    # --8<-- [end:more-binary]
    # --8<-- [start:unary]
    def __pow__(self, p):
        if isinstance(p, Value) or not isinstance(p, Real):
            raise TypeError(f"exponent must be an int or float, not {p!r}")
        x = self.data
        if not math.isfinite(p) or (x < 0 and p != int(p)):
            raise ValueError(f"{x} ** {p} is not a real number")
        if x == 0 and p < 1 and p != 0:
            raise ValueError(f"x ** {p} has an infinite slope at x = 0")
        local = p * x ** (p - 1) if p != 0 else 0.0  # d(x^p)/dx = p x^(p-1)
        return Value(x**p, (self,), (local,), f"**{p:g}")

    def exp(self):
        e = math.exp(self.data)
        return Value(e, (self,), (e,), "exp")  # d(e^x)/dx = e^x

    def log(self):
        x = self.data
        if x <= 0:
            raise ValueError(f"log needs a positive number, not {x}")
        return Value(math.log(x), (self,), (1.0 / x,), "log")  # 1/x

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, (self,), (1.0 - t * t,), "tanh")  # 1 - tanh^2

    def sigmoid(self):
        e = math.exp(-abs(self.data))  # in (0, 1]: never overflows
        s = 1.0 / (1.0 + e) if self.data >= 0 else e / (1.0 + e)
        return Value(s, (self,), (s * (1.0 - s),), "sigmoid")  # s(1 - s)

    def relu(self):  # slope 1 for x > 0, else 0 (at 0 too)
        if self.data > 0:  # (1.0,) and (0.0,) are constants: no new tuple
            return Value(self.data, (self,), (1.0,), "relu")
        return Value(0.0, (self,), (0.0,), "relu")

    # --8<-- [end:unary]
    # --8<-- [start:order]
    def topological_order(self):
        """Every node self depends on, each after all of its parents."""
        order, seen = [], {self}
        stack = [(self, iter(self.parents))]  # visit(self), paused
        while stack:
            node, parents = stack[-1]
            for parent in parents:  # carry on where node's loop stopped
                if parent not in seen:
                    seen.add(parent)
                    stack.append((parent, iter(parent.parents)))
                    break  # visit(parent) first; node's loop waits
            else:  # the loop is done: every parent is in order
                stack.pop()
                order.append(node)
        return order

    # --8<-- [end:order]
    # --8<-- [start:backward]
    def backward(self):
        order = self.topological_order()
        for node in order:
            if node.parents:  # inner nodes start from 0 on every call
                node.grad = 0.0
        self.grad += 1.0  # d(self)/d(self) = 1
        for node in reversed(order):  # from the answer back to the inputs
            grad = node.grad
            if grad == 0.0:  # it would send 0 to every parent: skip it
                continue
            for parent, local in zip(node.parents, node.local_grads):
                parent.grad += local * grad  # the chain rule

    def zero_grad(self):
        for node in self.topological_order():
            node.grad = 0.0

    # --8<-- [end:backward]


# --8<-- [start:lift]
def lift(x):
    """x itself if it is a Value; a number becomes a new Value."""
    return x if isinstance(x, Value) else Value(x)


# --8<-- [end:lift]
