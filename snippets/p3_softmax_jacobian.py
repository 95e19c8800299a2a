"""The softmax Jacobian diag(p) - p p^T, checked by nudges; its vector-
Jacobian product without the matrix; and, chained with cross-entropy's
-1/p_y, the short p - onehot(y)."""

# --8<-- [start:jacobian]
import numpy as np

s = np.array([2.0, 1.0, -1.0])  # scores for C = 3 classes
y = 0  # the right class


def softmax(s):
    e = np.exp(s - s.max())  # shifted: no overflow
    return e / e.sum()


p = softmax(s)
J = np.diag(p) - np.outer(p, p)  # dp_i/ds_j = p_i [i = j] - p_i p_j
num = np.column_stack(  # column j: how p moves when s_j is nudged
    [(softmax(s + h) - softmax(s - h)) / 2e-6 for h in 1e-6 * np.eye(3)]
)
print("J = diag(p) - p p^T\n", np.round(J, 4))
print(f"largest difference from central differences: "
      f"{np.abs(J - num).max():.0e}")  # fmt: skip
# --8<-- [end:jacobian]

# --8<-- [start:chain]
dp = np.zeros(3)
dp[y] = -1 / p[y]  # L = -log p_y: dL/dp_y = -1/p_y, 0 for the others
ds_matrix = dp @ J  # vector-Jacobian product with the C x C matrix
ds_vjp = p * (dp - dp @ p)  # the same product, no matrix: O(C) work
print("dp @ J            ", np.round(ds_matrix, 6))
print("p * (dp - dp . p) ", np.round(ds_vjp, 6))
print("p - onehot(y)     ", np.round(p - np.eye(3)[y], 6))
# --8<-- [end:chain]

assert np.abs(J - num).max() < 1e-9  # the formula is the derivative
assert np.allclose(J, J.T) and np.allclose(J.sum(axis=0), 0)
assert np.allclose(ds_matrix, ds_vjp)
assert np.allclose(ds_vjp, p - np.eye(3)[y])  # the -1/p_y cancels
