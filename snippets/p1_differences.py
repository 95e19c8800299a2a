"""Forward, backward and central differences: error against step size."""

import matplotlib.pyplot as plt
import numpy as np
from p1_plot import C1, C2, C3, svg
from show import figure, table


def f(x):
    return x**3 - 2 * x


x, exact = 1.5, 3 * 1.5**2 - 2  # f'(1.5) = 4.75
# --8<-- [start:formulas]
rules = {
    "forward": lambda h: (f(x + h) - f(x)) / h,
    "backward": lambda h: (f(x) - f(x - h)) / h,
    "central": lambda h: (f(x + h) - f(x - h)) / (2 * h),
}
# --8<-- [end:formulas]
hs = np.logspace(-13, -1, 49)
err = {k: np.array([abs(r(h) - exact) for h in hs]) for k, r in rules.items()}

rows = [
    (f"1e{e}",)
    + tuple(f"{abs(r(10.0**e) - exact):.1e}" for r in rules.values())
    for e in range(-1, -14, -2)
]
print(
    table(
        ["step h", "forward", "backward", "central"],
        rows,
        "absolute error against the exact 4.75",
    )
)

fig, ax = plt.subplots(figsize=(6.4, 3.6))
for (k, e), c, ls in zip(err.items(), (C1, C2, C3), ("-", "--", "-")):
    ax.loglog(hs, e, color=c, ls=ls, lw=2, label=k)
ax.set_xlabel("step size h")
ax.set_ylabel("|estimate − exact|")
ax.grid(True, which="major", alpha=0.3)
ax.legend(frameon=False, loc="lower right")
best = {k: hs[e.argmin()] for k, e in err.items()}
desc = "; ".join(
    f"{k}: smallest error {err[k].min():.1e} at h = {best[k]:.0e}"
    for k in rules
)
title = "Error of three difference rules vs h"
print(figure(svg(fig, "p1-diff", title, desc)))

# exact truncation errors for this cubic: forward 4.5h + h², central h²
assert abs(err["forward"][-1] - (4.5 * 0.1 + 0.1**2)) < 1e-12
assert abs(err["central"][-1] - 0.1**2) < 1e-12
assert 1e-9 <= best["forward"] <= 1e-7 and 1e-7 <= best["central"] <= 1e-4
assert err["central"].min() < 1e-2 * err["forward"].min()
