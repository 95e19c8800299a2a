"""What failing checks look like, and how the numbers point at the bug."""

# --8<-- [start:bugs]
import numpy as np
from gradcheck import check_layer, numeric_grad, verdict
from layers import affine_forward, sigmoid_forward

rng = np.random.default_rng(0)
x, w, b = rng.standard_normal((8, 3)), rng.standard_normal((3, 2)), np.ones(2)


def affine_backward_bug(dout, cache):
    x, w = cache
    return dout @ w.T, x.T @ dout, dout.mean(axis=0)  # db: mean, not sum


def sigmoid_backward_bug(dout, cache):
    out = cache
    return dout * out  # forgot the (1 - out) factor
    # --8<-- [end:bugs]


# --8<-- [start:check]
errs = check_layer(affine_forward, affine_backward_bug, x, w, b)
print("affine  ", "  ".join(f"{e:.1e} {verdict(e)}" for e in errs))
out, cache = affine_forward(x, w, b)
dout = rng.standard_normal(out.shape)
ratio = affine_backward_bug(dout, cache)[2] / numeric_grad(
    lambda: affine_forward(x, w, b)[0], b, dout
)
print("db analytic / numeric:", ratio.round(4))  # constant: a lost factor

err = check_layer(sigmoid_forward, sigmoid_backward_bug, x)[0]
s, cache = sigmoid_forward(x)
ratio = sigmoid_backward_bug(np.ones_like(x), cache) / numeric_grad(
    lambda: sigmoid_forward(x)[0], x, np.ones_like(x)
)
print(f"sigmoid  {err:.1e} {verdict(err)}")
print("dx analytic / numeric, row 0:", ratio[0].round(3))  # = 1 / (1 - s)
# --8<-- [end:check]

assert [verdict(e) for e in errs] == ["ok", "ok", "wrong"]
assert np.allclose(ratio, 1 / (1 - s), rtol=1e-6) and verdict(err) == "wrong"
