"""d(cross-entropy)/d(scores) = p - onehot(y), on one example, then a
batch through layers.softmax_loss."""

# --8<-- [start:one]
import numpy as np
from gradcheck import check_loss, numeric_grad, rel_error
from layers import softmax_loss

s = np.array([2.0, 1.0, -1.0])  # scores for 3 classes
y = 0  # the right class


def loss_of(s):
    # L = -log p_y = -s_y + log(sum_j exp(s_j))
    return -s[y] + np.log(np.exp(s).sum())


p = np.exp(s) / np.exp(s).sum()  # softmax
onehot = np.eye(3)[y]
ds = p - onehot  # dL/ds_j = p_j - [j == y]
num = numeric_grad(lambda: loss_of(s), s)
print("p       ", np.round(p, 4), f"  loss = {loss_of(s):.4f}")
print("onehot  ", onehot)
print("p - y   ", np.round(ds, 4))
print("numeric ", np.round(num, 4), f"  rel. error {rel_error(ds, num):.0e}")
# --8<-- [end:one]

# --8<-- [start:batch]
rng = np.random.default_rng(0)
scores = rng.standard_normal((5, 4))  # (N, C)
labels = rng.integers(0, 4, size=5)  # (N,)
loss, dscores = softmax_loss(scores, labels)
print(
    f"batch loss {loss:.4f}; rows of dscores sum to",
    np.round(dscores.sum(axis=1), 12) + 0.0,
)
print(
    f"relative error vs central differences: "
    f"{check_loss(softmax_loss, scores, labels):.0e}"
)
# --8<-- [end:batch]

assert rel_error(ds, num) < 1e-9
assert abs(ds.sum()) < 1e-15  # probabilities sum to 1, onehot too
assert np.allclose(dscores.sum(axis=1), 0)
assert check_loss(softmax_loss, scores, labels) < 1e-7
