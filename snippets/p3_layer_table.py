"""The common layers and their backward passes: printed from
p3_layer_rows.py, each row checked against central differences first."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from p3_layer_rows import ROWS

rng = np.random.default_rng(0)
print("| layer | forward | shapes | backward | checked |")
print("|---|---|---|---|--:|")
worst = {}
for name, fwd, shapes, bwd, sizes, f, grads in ROWS:
    xs = [rng.standard_normal(s) for s in sizes]
    dout = rng.standard_normal(np.shape(f(*xs)))  # the gradient of Y
    worst[name] = max(
        rel_error(g, numeric_grad(lambda f=f, xs=xs: f(*xs), x, dout))
        for x, g in zip(xs, grads(dout, *xs))
    )
    lines = [fwd, shapes, bwd]  # one formula a line: ",\ " separates
    cells = [name] + ["<br>".join(f"${t}$" for t in c.split(",\\ "))
                      for c in lines]  # fmt: skip
    print("| " + " | ".join(cells) + f" | `{worst[name]:.0e}` |")

assert max(worst.values()) < 1e-7  # every row agrees with the nudges
