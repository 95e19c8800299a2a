"""Exercise: add sin() to Value, then check its slope with a nudge."""

import math

from engine import Value


class SinValue(Value):
    __slots__ = ()

    def sin(self):
        x = self.data  # compute the value; record d(sin x)/dx = cos x
        return Value(math.sin(x), (self,), (math.cos(x),), "sin")


x = SinValue(0.7)
y = x.sin() * 2  # the result is a plain Value: the engine does the rest
y.backward()
h = 1e-6
nudge = (math.sin(0.7 + h) - math.sin(0.7 - h)) / (2 * h) * 2
print(f"d(2 sin x)/dx at 0.7: backward {x.grad:.6f}, nudge {nudge:.6f}")

assert abs(x.grad - 2 * math.cos(0.7)) < 1e-15
assert abs(x.grad - nudge) < 1e-8
