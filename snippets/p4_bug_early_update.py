"""Bug 5: a weight updated before the backward pass is done with it."""

import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
x, y = rng.standard_normal((6, 3)), rng.standard_normal((6, 2))
W1_0, W2_0 = rng.standard_normal((3, 4)), rng.standard_normal((4, 2))
lr = 0.1


# --8<-- [start:bug]
def backward_and_step(W1, W2, bug):
    h = np.tanh(x @ W1)
    dout = h @ W2 - y  # loss = ½ ||h W2 - y||²
    dW2 = h.T @ dout
    if bug:
        W2 -= lr * dW2  # updated here ...
    dh = dout @ W2.T  # ... so this uses the NEW W2
    dW1 = x.T @ (dh * (1 - h**2))
    if not bug:
        W2 -= lr * dW2  # update only once every gradient is computed
    W1 -= lr * dW1
    return dW1


# --8<-- [end:bug]


def loss():
    return 0.5 * np.sum((np.tanh(x @ W1) @ W2_0 - y) ** 2)


W1 = W1_0.copy()
num = numeric_grad(loss, W1)  # d(loss)/d(W1) at the weights before the step
errs = {}
for name, bug in (("buggy", True), ("fixed", False)):
    dW1 = backward_and_step(W1_0.copy(), W2_0.copy(), bug)
    errs[name] = rel_error(dW1, num)
    print(f"{name}: relative error {errs[name]:.1e} -> "
          f"{verdict(errs[name])}")  # fmt: skip
assert verdict(errs["buggy"]) == "wrong" and verdict(errs["fixed"]) == "ok"
