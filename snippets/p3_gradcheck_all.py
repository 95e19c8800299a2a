"""Every layer and loss in layers.py, checked in float64."""

import layers as L
import numpy as np
from gradcheck import check_layer, check_loss, verdict

rng = np.random.default_rng(0)
x = rng.standard_normal((6, 5))  # a batch of 6
w, b = rng.standard_normal((5, 4)), rng.standard_normal(4)
y = rng.integers(0, 5, size=6)

# --8<-- [start:check]
rows = []
for layer, inputs, grads in [
    ("affine", (x, w, b), ["dx", "dw", "db"]),
    ("relu", (x,), ["dx"]),
    ("sigmoid", (x,), ["dx"]),
    ("tanh", (x,), ["dx"]),
]:
    forward = getattr(L, f"{layer}_forward")
    backward = getattr(L, f"{layer}_backward")
    errors = check_layer(forward, backward, *inputs, rng=rng)
    rows += [(layer, g, e) for g, e in zip(grads, errors)]
rows.append(("softmax_loss", "dx", check_loss(L.softmax_loss, x, y)))
rows.append(("mse_loss", "dpred", check_loss(L.mse_loss, x, np.ones_like(x))))
# --8<-- [end:check]

print(f"{'layer':<13}{'grad':<7}{'rel. error':>11}  verdict")
for layer, grad, err in rows:
    print(f"{layer:<13}{grad:<7}{err:>11.1e}  {verdict(err)}")
assert all(verdict(err) == "ok" for _, _, err in rows)
