"""Bug 6: softmax without the max shift overflows on large logits (and
underflows to 0/0 on very negative ones); on ordinary logits it is the
same function, so a gradient check there cannot catch it."""

import numpy as np
from gradcheck import numeric_grad, rel_error, verdict

rng = np.random.default_rng(0)
logits = rng.standard_normal((3, 4)) * 3 + 750  # large, but ordinary
y = np.array([0, 2, 1])
rows = np.arange(3)


# --8<-- [start:bug]
def softmax_buggy(s):
    e = np.exp(s)  # exp(750) = inf in float64 ...
    return e / e.sum(axis=1, keepdims=True)  # ... and inf / inf = nan


def softmax_fixed(s):
    e = np.exp(s - s.max(axis=1, keepdims=True))  # largest exponent: 0
    return e / e.sum(axis=1, keepdims=True)  # the same softmax, exactly


# --8<-- [end:bug]


def loss_and_grad(softmax):
    p = softmax(logits)
    dlogits = p.copy()
    dlogits[rows, y] -= 1  # d(loss)/d(logits) = p - onehot(y)
    return -np.sum(np.log(p[rows, y])), dlogits


with np.errstate(over="ignore", invalid="ignore"):  # let the bug show
    bad_loss, bad_grad = loss_and_grad(softmax_buggy)
good_loss, good_grad = loss_and_grad(softmax_fixed)
num = numeric_grad(lambda: loss_and_grad(softmax_fixed)[0], logits, h=1e-4)
err = rel_error(good_grad, num)
print(
    f"buggy: loss {bad_loss}, gradient finite: {np.isfinite(bad_grad).all()}"
)
print(f"fixed: loss {good_loss:.4f}, relative error {err:.1e} -> "
      f"{verdict(err)}")  # fmt: skip
small = logits - 750  # ordinary logits: the two are the same function
same = np.abs(softmax_buggy(small) - softmax_fixed(small)).max()
print(f"ordinary logits: the two softmaxes agree to 1e-15: {same < 1e-15}")
low = np.array([[-800.0, -760.0]])  # every e^s underflows to 0: 0 / 0
with np.errstate(invalid="ignore"):
    p_low = softmax_buggy(low)
print(f"logits {low[0]}: buggy {p_low[0]}, fixed {softmax_fixed(low)[0]}")
assert np.isnan(bad_loss) and np.isnan(bad_grad).all()
assert verdict(err) == "ok" and same < 1e-15
assert np.isnan(p_low).all() and np.isfinite(softmax_fixed(low)).all()
shifted = softmax_fixed(small)  # softmax(s + c) = softmax(s)
assert np.allclose(softmax_fixed(logits), shifted, rtol=1e-9, atol=0)
