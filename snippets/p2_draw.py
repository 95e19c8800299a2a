"""Draw a neuron's graph: values after the forward pass, then gradients."""

from engine import Value
from engine_draw import draw, trace
from show import figure, note

x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
b = Value(6.881373587019543, label="b")  # makes out = 1/sqrt(2)
p1, p2 = x1 * w1, x2 * w2
p1.label, p2.label = "x1·w1", "x2·w2"
z = p1 + p2 + b  # (p1 + p2) + b: the inner sum gets no label
z.label = "z"
out = z.tanh()
out.label = "out"
unnamed = [n["id"] for n in trace(out)[0] if n["label"] == n["id"]]

title = "A neuron, forward: out = tanh(x1 w1 + x2 w2 + b)"
print(
    figure(
        draw(out, title, show="value", id_prefix="fwd"), css_class="p2-graph"
    )
)
print(
    note(
        "After the forward pass: every value known, no gradient "
        f"yet. {unnamed[0]} is the sum x1·w1 + x2·w2, which has no label: "
        "it is named by its place in the engine's order (counting from v0)."
    )
)
out.backward()
title = "The same neuron after out.backward()"
print(figure(draw(out, title, id_prefix="bwd"), css_class="p2-graph"))
print(
    note(
        "After out.backward(): the second number in each box, "
        "marked ∂, is the gradient ∂out/∂(that node); read it from the right."
    )
)

assert unnamed == ["v6"]  # the only unlabelled inner node, as the page says
assert abs(out.data - 2**-0.5) < 1e-12
assert abs(z.grad - 0.5) < 1e-12  # 1 - tanh^2 = 1 - 1/2
assert b.grad == p1.grad == p2.grad == z.grad  # + passes it on unchanged
assert abs(w1.grad - 0.5 * 2.0) < 1e-12 and w2.grad == 0.0  # x2 = 0
assert abs(x1.grad - 0.5 * -3.0) < 1e-12  # the other factor, w1
