"""Secant slopes approach the tangent slope as the nudge shrinks."""

import matplotlib.pyplot as plt
import numpy as np
from p1_plot import C1, C2, C3, svg
from show import figure


def f(x):
    return x**3 - 2 * x


x, slope = 1.5, 4.75  # the point, and f'(x) = 3x² - 2 there
xs = np.linspace(0.4, 2.6, 200)
fig, ax = plt.subplots(figsize=(6.4, 3.6))
ax.plot(xs, f(xs), color="#000000", lw=2, label="f(x) = x³ − 2x")
ax.plot(
    xs,
    f(x) + slope * (xs - x),
    color=C2,
    lw=2,
    ls="--",
    label=f"tangent, slope {slope}",
)
secants = []
for h, alpha in [(0.8, 0.45), (0.3, 1.0)]:
    s = (f(x + h) - f(x)) / h  # the slope of the line through both points
    secants.append(s)
    ax.plot(
        xs,
        f(x) + s * (xs - x),
        color=C3,
        lw=1.5,
        alpha=alpha,
        label=f"nudge h = {h}: slope {s:.2f}",
    )
    ax.plot([x + h], [f(x + h)], "o", color=C3, alpha=alpha)
ax.plot([x], [f(x)], "o", color=C1, ms=8)
ax.set_ylim(-2.5, 9)
ax.set_xlabel("x")
ax.grid(True, alpha=0.3)
ax.legend(frameon=False, loc="upper left", fontsize=9)
desc = (
    f"The curve f(x) = x³ − 2x with its tangent at x = {x} (slope "
    f"{slope}) and two secants: nudge 0.8 gives slope {secants[0]:.2f},"
    f" nudge 0.3 gives {secants[1]:.2f}."
)
print(figure(svg(fig, "p1-nudge", "Secants approach the tangent", desc)))

# forward-difference slope of this cubic: f'(x) + 4.5h + h² (by algebra)
assert abs(secants[0] - (slope + 4.5 * 0.8 + 0.8**2)) < 1e-12
assert secants[0] > secants[1] > slope
