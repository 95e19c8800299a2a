"""Bug 4: the loss is a mean, its gradient is taken of a sum."""

import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
N = 8
pred = rng.standard_normal(N)
target = rng.standard_normal(N)


def loss():
    return np.mean((pred - target) ** 2)  # (1/N) Σ (pred - target)²


# --8<-- [start:bug]
def grad_buggy():
    return 2 * (pred - target)  # the gradient of the SUM of squares


def grad_fixed():
    return 2 * (pred - target) / N  # d(mean)/d(pred_i) = 2(pred_i - t_i)/N


# --8<-- [end:bug]


num = numeric_grad(loss, pred)
errs = {}
for name, grad in (("buggy", grad_buggy), ("fixed", grad_fixed)):
    errs[name] = rel_error(grad(), num)
    ratio = np.linalg.norm(grad()) / np.linalg.norm(num)
    print(f"{name}: relative error {errs[name]:.1e} -> "
          f"{verdict(errs[name])}, size ratio {ratio:.2f}")  # fmt: skip
assert verdict(errs["buggy"]) == "wrong" and verdict(errs["fixed"]) == "ok"
assert abs(errs["buggy"] - (N - 1) / (N + 1)) < 1e-6  # off by exactly N
