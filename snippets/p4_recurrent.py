"""Backprop through time: the same matrix, multiplied again at every step."""

import numpy as np
from p4_plot import C1, C2, C3, axes, svg
from show import figure, note

rng = np.random.default_rng(0)
n, T = 32, 60
A = rng.standard_normal((n, n))
A /= np.max(np.abs(np.linalg.eigvals(A)))  # spectral radius of A is now 1
g_T = rng.standard_normal(n)
g_T /= np.linalg.norm(g_T)  # d(loss)/d(h_T), norm 1

# --8<-- [start:bptt]
curves, largest_sv = {}, {}
for rho in (0.9, 1.0, 1.1):
    W = rho * A  # h_t = W h_{t-1}: every step uses the same W
    g, norms = g_T, [1.0]
    for _ in range(T):  # d(loss)/d(h_{t-1}) = W^T d(loss)/d(h_t)
        g = W.T @ g
        norms.append(np.linalg.norm(g))
    curves[rho] = np.array(norms)
    largest_sv[rho] = np.linalg.norm(W, 2)  # the most W can stretch
# --8<-- [end:bptt]

fig, ax = axes()
for (rho, c), color, mark in zip(curves.items(), (C1, C2, C3), "o^s"):
    ax.semilogy(c, mark + "-", color=color, markersize=3, markevery=5,
                label=f"spectral radius {rho:g}")  # fmt: skip
ax.set_xlabel("steps back in time")
ax.set_ylabel("‖d loss / d h‖")
ax.legend(frameon=False)
desc = ("With spectral radius 0.9 the gradient falls to "
        f"{curves[0.9][-1]:.1e} after {T} steps; with 1.0 it falls within "
        "ten steps to a level it then keeps, near "
        f"{curves[1.0][-1]:.2f}; with 1.1 it grows to "
        f"{curves[1.1][-1]:.1e}.")  # fmt: skip
title = "Gradient norm going back through 60 steps"
print(figure(svg(fig, "bptt", title, desc)))
print(note("largest singular value ‖W‖₂: " + ", ".join(
    f"{largest_sv[r]:.2f} (ρ = {r:g})" for r in curves)))  # fmt: skip

for rho, c in curves.items():  # over 30 late steps the norm scales ~ ρ^30
    assert 0.8 < (c[T] / c[T - 30]) / rho**30 < 1.25
assert curves[0.9][T] < 1e-3 < 1e1 < curves[1.1][T]
assert all(0.8 < v / curves[1.0][T] < 1.25 for v in curves[1.0][10:])
assert largest_sv[0.9] > 1.5  # W can stretch vectors, and still it vanishes
