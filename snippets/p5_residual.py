"""Gradient norms through 50 layers, with and without the skip
connection: h = tanh(h W) against h = h + tanh(h W), the same weights."""

import numpy as np
from p5_plot import C1, C2, axes, svg
from show import figure, table

rng = np.random.default_rng(0)
depth, width, batch = 50, 64, 32
x = rng.standard_normal((batch, width))
dout = rng.standard_normal((batch, width)) / batch  # d loss / d top


# --8<-- [start:stack]
def grad_norms(Ws, skip):
    """||d loss / d h_l|| for l = 0 (the input) ... depth (the top)."""
    hs = [x]
    for W in Ws:  # forward
        f = np.tanh(hs[-1] @ W)
        hs.append(hs[-1] + f if skip else f)
    dh, norms = dout, [np.linalg.norm(dout)]
    for W, h in zip(Ws[::-1], hs[-2::-1]):  # backward, top down
        dz = dh * (1 - np.tanh(h @ W) ** 2)  # through tanh
        dh = (dh if skip else 0) + dz @ W.T  # the skip adds dh itself
        norms.append(np.linalg.norm(dh))
    return norms[::-1]
    # --8<-- [end:stack]


rows, curves, residuals = [], {}, []
for gain in (0.25, 0.5, 1.0):
    Ws = [rng.standard_normal((width, width)) * gain / np.sqrt(width)
          for _ in range(depth)]  # fmt: skip
    plain, res = grad_norms(Ws, False), grad_norms(Ws, True)
    residuals.append(res)
    rows.append((gain, f"{plain[0] / plain[-1]:.1e}",
                 f"{res[0] / res[-1]:.1f}"))  # fmt: skip
    if gain == 0.5:
        curves = {"plain: h = tanh(h W)": plain,
                  "residual: h = h + tanh(h W)": res}  # fmt: skip
print(
    table(
        ["weight scale × 1/√n", "plain: input / top", "residual: input / top"],
        rows,
        f"Gradient norm at the input over the top, {depth} layers",
    )
)

fig, ax = axes()
for (name, norms), colour, mark in zip(curves.items(), (C1, C2), "os"):
    ax.semilogy(range(depth + 1), norms, mark + "-", color=colour,
                label=name, markersize=3)  # fmt: skip
ax.set_xlabel("layer (0 = the input)")
ax.set_ylabel("‖d loss / d h‖")
# below the axes, where it covers no curve
ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2))
plain, res = curves.values()
desc = (f"Weights at 0.5/√n. Without the skip the gradient falls from "
        f"{plain[-1]:.1e} at the top to {plain[0]:.1e} at the input; with "
        f"it, it rises gently to {res[0]:.1e}.")  # fmt: skip
print(figure(svg(fig, "residual", "Gradient norm per layer", desc)))

for res in residuals:  # with the skip: never below the top, at any layer
    assert min(res) >= res[-1] and res[0] / res[-1] < 50  # grows gently
assert float(rows[0][1]) < 1e-20 and float(rows[1][1]) < 1e-10
assert float(rows[2][1]) < 0.2  # even at the tanh-preserving scale
