"""Exercise: which of the seven bugs is this?"""

import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
x = rng.standard_normal((5, 3))
W = rng.standard_normal((3, 4))
v = rng.standard_normal(4)


# --8<-- [start:mystery]
def loss():  # output v·h per row, plus a penalty 0.1 ||h||² on h
    h = np.tanh(x @ W)
    return np.sum(h @ v) + 0.1 * np.sum(h**2)


def grad_W(fixed):
    h = np.tanh(x @ W)
    dh = np.outer(np.ones(len(x)), v)  # from the output: d(h v)/dh = v
    if fixed:
        dh += 0.2 * h  # from the penalty: d(0.1 h²)/dh = 0.2 h, added
    else:
        dh = 0.2 * h  # the penalty's gradient replaces the output's
    return x.T @ (dh * (1 - h**2))  # through tanh, then z = x W


# --8<-- [end:mystery]

num = numeric_grad(loss, W)
for fixed in (False, True):
    err = rel_error(grad_W(fixed), num)
    print(f"{'fixed' if fixed else 'buggy'}: relative error {err:.1e} -> "
          f"{verdict(err)}")  # fmt: skip
assert verdict(rel_error(grad_W(False), num)) == "wrong"
assert verdict(rel_error(grad_W(True), num)) == "ok"
