"""ReLU stack: the initialisation scale sets the gradient's growth rate."""

import numpy as np
from p4_plot import C1, C2, C3, axes, svg
from show import figure, note

rng = np.random.default_rng(0)
depth, width, batch = 30, 100, 32
x = rng.standard_normal((batch, width))
dout = rng.standard_normal((batch, width)) / batch

# --8<-- [start:gains]
curves = {}
for gain in (0.8, 1.0, 1.25):  # std = gain * sqrt(2/n); 1.0 is He init
    Ws = [rng.standard_normal((width, width)) * gain * np.sqrt(2 / width)
          for _ in range(depth)]  # fmt: skip
    h, masks = x, []
    for W in Ws:
        z = h @ W
        masks.append(z > 0)  # relu'(z): 1 where the unit is on
        h = np.maximum(z, 0)
    dh, norms = dout, [np.linalg.norm(dout)]
    for W, m in zip(Ws[::-1], masks[::-1]):
        dh = (dh * m) @ W.T  # back through relu, then through z = h W
        norms.append(np.linalg.norm(dh))
    curves[gain] = np.array(norms[::-1]) / norms[0]  # layer 0 = input
# --8<-- [end:gains]

fig, ax = axes()
for (gain, c), color, mark in zip(curves.items(), (C1, C2, C3), "o^s"):
    ax.semilogy(c, mark + "-", color=color, markersize=4,
                label=f"std = {gain:g}·√(2/n)")  # fmt: skip
ax.set_xlabel("layer (0 = input, 30 = output)")
ax.set_ylabel("‖d loss / d h‖ (output = 1)")
ax.legend(frameon=False)
desc = (
    "With weight std 0.8, 1 and 1.25 times He init, the gradient at "
    f"the input is {curves[0.8][0]:.1e}, {curves[1.0][0]:.1e} and "
    f"{curves[1.25][0]:.1e} times the gradient at the output."
)
title = "Gradient reaching each layer of a ReLU stack"
print(figure(svg(fig, "initscale", title, desc)))
print(note("at the input: " + ", ".join(
    f"gain {g:g} → {c[0]:.1e} (gain^{depth} = {g**depth:.1e})"
    for g, c in curves.items())))  # fmt: skip

for g, c in curves.items():  # each layer multiplies the norm by ~ gain
    assert g**depth / 4 < c[0] < g**depth * 4
assert curves[0.8][0] < 1e-2 and curves[1.25][0] > 1e2
