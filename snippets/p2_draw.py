"""Draw a neuron's graph: values after the forward pass, then gradients."""

from engine import Value
from engine_draw import draw
from show import figure

x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
b = Value(6.881373587019543, label="b")  # makes out = 1/sqrt(2)
p1, p2 = x1 * w1, x2 * w2
p1.label, p2.label = "x1·w1", "x2·w2"
z = p1 + p2 + b
z.label = "z"
out = z.tanh()
out.label = "out"

title = "A neuron, forward: out = tanh(x1 w1 + x2 w2 + b)"
print(figure(draw(out, title, show="value", id_prefix="fwd")))
out.backward()
title = "The same neuron after out.backward()"
print(figure(draw(out, title, id_prefix="bwd")))

assert abs(out.data - 2**-0.5) < 1e-12
assert abs(z.grad - 0.5) < 1e-12  # 1 - tanh^2 = 1 - 1/2
assert b.grad == p1.grad == p2.grad == z.grad  # + passes it on unchanged
assert abs(w1.grad - 0.5 * 2.0) < 1e-12 and w2.grad == 0.0  # x2 = 0
assert abs(x1.grad - 0.5 * -3.0) < 1e-12  # the other factor, w1
