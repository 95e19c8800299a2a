"""Exercise: an MSE gradient that forgot the 1/N."""

import numpy as np
from gradcheck import check_loss, verdict
from layers import mse_loss

rng = np.random.default_rng(0)


def mse_loss_bug(pred, target):
    loss, _ = mse_loss(pred, target)
    return loss, pred - target  # forgot / N


N = 4
pred, target = rng.standard_normal((N, 3)), rng.standard_normal((N, 3))
err = check_loss(mse_loss_bug, pred, target)
print(
    f"relative error {err:.4f} -> {verdict(err)}; "
    f"(N - 1)/(N + 1) = {(N - 1) / (N + 1):.4f}"
)
assert abs(err - 3 / 5) < 1e-8 and verdict(err) == "wrong"
