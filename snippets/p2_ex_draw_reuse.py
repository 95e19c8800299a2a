"""Exercise: the graph of y = x*x + x, with gradients."""

from engine import Value
from engine_draw import draw
from show import figure

x = Value(3.0, label="x")
sq = x * x
sq.label = "x*x"
y = sq + x
y.label = "y"
y.backward()
title = "y = x*x + x at x = 3, after backward()"
print(figure(draw(y, title, id_prefix="ex")))

assert x.grad == 3.0 + 3.0 + 1.0 == 2 * x.data + 1  # three shares
