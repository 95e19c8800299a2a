"""Why attention divides by sqrt(d): without it the scores grow like
sqrt(d), the row softmax saturates, and the gradient through it dies."""

import numpy as np
from layers5 import attention_forward
from p5_plot import C1, C2, axes, svg
from show import figure, table

rng = np.random.default_rng(0)
dims = [4, 16, 64, 256, 1024]
rows, passed = [], {"with 1/√d": [], "without": []}
for d in dims:
    q, k, v = rng.standard_normal((3, 8, 16, d))  # N = 8, T = 16
    dp = rng.standard_normal((8, 16, 16))  # a gradient arriving at p
    row = [d]
    for name, qs in (("with 1/√d", q), ("without", q * np.sqrt(d))):
        p = attention_forward(qs, k, v)[1][3]  # (N, T, T) weights
        ds = p * (dp - (dp * p).sum(axis=-1, keepdims=True))  # backward
        share = np.linalg.norm(ds, axis=-1) / np.linalg.norm(dp, axis=-1)
        passed[name].append(np.median(share))  # of the N T = 128 rows
        row += [f"{np.median(p.max(axis=-1)):.3f}",
                f"{passed[name][-1]:.1e}"]  # fmt: skip
    rows.append(row)
print(table(["d", "top weight, ÷√d", "‖ds‖/‖dp‖, ÷√d",
             "top weight, no ÷√d", "‖ds‖/‖dp‖, no ÷√d"], rows,
            "Medians over 128 softmax rows of 16 keys"))  # fmt: skip

fig, ax = axes()
for (name, ratios), colour, mark in zip(passed.items(), (C1, C2), "os"):
    ax.loglog(dims, ratios, mark + "-", color=colour, label=name)
ax.set_xlabel("d, the length of each query and key")
ax.set_ylabel("median ‖ds‖ / ‖dp‖")
ax.legend(frameon=False)
low, high = (f"{f(passed['with 1/√d']):.3g}" for f in (min, max))
desc = (f"With the 1/√d scale the share of the gradient that passes the "
        f"softmax stays between {low} and {high} for d from 4 to 1024; "
        f"without it it falls from {passed['without'][0]:.1e} to "
        f"{passed['without'][-1]:.1e}.")  # fmt: skip
print(figure(svg(fig, "att-scale", "Gradient through the softmax", desc)))

scaled, raw = passed["with 1/√d"], passed["without"]
assert max(scaled) / min(scaled) < 1.5  # level: independent of d
assert low != high  # the text alternative tells the two ends apart
assert raw[-1] < raw[0] / 1000  # without it: a thousand-fold and more
assert float(rows[-1][3]) > 0.99  # one key takes almost all the weight
