"""Many steps of gradient descent on the 2-2-2 network, plotted."""

import matplotlib.pyplot as plt
from p1_net import W, backward, forward
from p1_plot import C1, svg
from show import figure, note

lr, steps = 0.5, 1000
p, errors = dict(W), [forward(W)["E"]]
for _ in range(steps):
    grads = backward(p, forward(p))
    p = {k: p[k] - lr * grads[k] for k in p}
    errors.append(forward(p)["E"])

fig, ax = plt.subplots(figsize=(6.4, 3.2))
ax.semilogy(range(steps + 1), errors, color=C1, lw=2)
ax.set_xlabel("step")
ax.set_ylabel("error E (log scale)")
ax.grid(True, which="major", alpha=0.3)
marks = ", ".join(f"after {s}: {errors[s]:.3g}" for s in (1, 10, 100, 1000))
desc = f"E falls from {errors[0]:.3g} at step 0; {marks}."
title = "Error of the 2-2-2 network per step"
print(figure(svg(fig, "p1-train", title, desc)))
out = forward(p)
print(
    note(
        f"after {steps} steps: E = {errors[-1]:.3e}; o1 = {out['o1']:.6f}"
        f" (target 0.1), o2 = {out['o2']:.6f} (target 0.9)"
    )
)

assert all(b < a for a, b in zip(errors, errors[1:]))  # falls every step
assert errors[100] < 0.01 * errors[0] and errors[-1] < 1e-9
assert abs(out["o1"] - 0.1) < 5e-5 and abs(out["o2"] - 0.9) < 5e-5
