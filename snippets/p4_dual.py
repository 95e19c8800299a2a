"""Forward-mode differentiation with dual numbers: value and slope together.

A dual number a + b·ε with ε² = 0 carries a value `val` and a derivative
`dot`. Arithmetic on them applies the chain rule as it goes, forward."""

import math


# --8<-- [start:dual]
class Dual:
    def __init__(self, val, dot=0.0):
        self.val, self.dot = val, dot  # f(x) and df/dx, side by side

    def __add__(self, other):
        other = other if isinstance(other, Dual) else Dual(other)
        return Dual(self.val + other.val, self.dot + other.dot)

    def __mul__(self, other):  # (a + a'ε)(b + b'ε) = ab + (a'b + ab')ε
        other = other if isinstance(other, Dual) else Dual(other)
        return Dual(self.val * other.val,
                    self.dot * other.val + self.val * other.dot)  # fmt: skip

    __radd__, __rmul__ = __add__, __mul__

    def tanh(self):
        t = math.tanh(self.val)
        return Dual(t, (1 - t * t) * self.dot)  # tanh' = 1 - tanh²

    def exp(self):
        e = math.exp(self.val)
        return Dual(e, e * self.dot)  # exp' = exp


# --8<-- [end:dual]


x = Dual(0.5, 1.0)  # seed: dx/dx = 1
y = (x * x + 3 * x).tanh()
slope = (1 - math.tanh(0.25 + 1.5) ** 2) * (2 * 0.5 + 3)  # by hand
assert abs(y.val - math.tanh(1.75)) < 1e-15 and abs(y.dot - slope) < 1e-15
