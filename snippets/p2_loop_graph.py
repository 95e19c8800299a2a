"""The graph of c = a*b, a = x*x, b = a + x, after backward()."""

from engine import Value
from engine_draw import draw
from show import figure

x = Value(2.0, label="x")
a = x * x
b = a + x
c = a * b
a.label, b.label, c.label = "a", "b", "c"
c.backward()
title = "c = a·b with a = x·x and b = a + x, at x = 2"
print(figure(draw(c, title, id_prefix="lp")))

assert (c.grad, b.grad, a.grad, x.grad) == (1.0, 4.0, 10.0, 44.0)
