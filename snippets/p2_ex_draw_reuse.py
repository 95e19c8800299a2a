"""Exercise: the graph of y = x*x + x, with gradients."""

from engine import Value
from engine_draw import draw

x = Value(3.0, label="x")
sq = x * x
sq.label = "x*x"
y = sq + x
y.label = "y"
y.backward()
print(draw(y, "y = x*x + x at x = 3, after backward()", id_prefix="ex"))

assert x.grad == 3.0 + 3.0 + 1.0 == 2 * x.data + 1  # three shares
