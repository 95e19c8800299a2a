"""The step size h: too big and the curvature shows, too small and
rounding does. float32 has far less room than float64."""

import numpy as np
from gradcheck import check_layer
from layers import tanh_backward, tanh_forward
from p3_plot import INK, subplots, svg
from show import figure

rng = np.random.default_rng(0)
x = rng.standard_normal((4, 5))
steps = 10.0 ** -np.arange(1, 11)  # h = 1e-1 ... 1e-10
err = {
    dtype: [
        check_layer(tanh_forward, tanh_backward, x.astype(dtype), h=h)[0]
        for h in steps
    ]
    for dtype in (np.float64, np.float32)
}

fig, axs = subplots(height=3.0)
ax = axs[0, 0]
ax.loglog(steps, err[np.float64], "o-", color=INK, label="float64")
ax.loglog(steps, err[np.float32], "s--", color="#e8590c", label="float32")
ax.axhline(1e-7, color="#2f9e44", lw=1.5, ls=":", label="float64 ok bound")
ax.set(xlabel="step h", ylabel="relative error")
ax.invert_xaxis()
ax.legend(frameon=False, loc="lower left")
best = {d: steps[int(np.argmin(e))] for d, e in err.items()}
best64, best32 = best[np.float64], best[np.float32]
desc = (
    f"V-shaped curves: float64 is best near h = "
    f"{best64:.0e} ({min(err[np.float64]):.0e}), float32 near "
    f"h = {best32:.0e} ({min(err[np.float32]):.0e})."
)
title = "Relative error of a gradient check against the step h"
print(figure(svg(fig, "p3-step", title, desc)))
assert 1e-7 <= best64 <= 1e-4 and min(err[np.float64]) < 1e-9
assert best32 >= 1e-3 and min(err[np.float32]) > 1e-6
assert err[np.float32][-1] > 0.5  # h below float32's spacing: all noise
