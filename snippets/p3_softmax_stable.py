"""Subtracting the max: same function, same gradient, no overflow."""

# --8<-- [start:naive]
import numpy as np
from layers import softmax_loss

np.set_printoptions(precision=6, suppress=True)

s = np.array([1000.0, 999.0, 990.0])
with np.errstate(over="ignore", invalid="ignore"):  # let it fail quietly
    naive = np.exp(s) / np.exp(s).sum()  # exp(1000) = inf; inf/inf = nan
shifted = np.exp(s - s.max()) / np.exp(s - s.max()).sum()
print("naive   ", naive)
print("shifted ", shifted)
# --8<-- [end:naive]

# --8<-- [start:gradient]
# L(s) = -log softmax(s - c)_y with c = max(s). Backprop through c too:
y = 2
p = shifted
d_shifted = p - np.eye(3)[y]  # dL/d(s - c)
d_c = -d_shifted.sum()  # c is subtracted from every score: a fork
ds = d_shifted.copy()  # the direct path, s -> s - c
ds[np.argmax(s)] += d_c  # the path through c = max(s): max routes to argmax
print(f"gradient through the max: {abs(d_c):.1e}")
print("ds                      ", ds)
# --8<-- [end:gradient]

# --8<-- [start:extreme]
x = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4]])  # no overflow, no nan
loss, dx = softmax_loss(x, np.array([1, 2]))
print(f"loss {loss:.1f}\ndx\n{dx}")
# --8<-- [end:extreme]

assert np.all(np.isnan(naive))  # what the naive formula gives
assert abs(d_c) < 1e-15 and np.array_equal(ds, d_shifted)
assert loss == (2e4 + 0.0) / 2 and np.allclose(dx, [[0.5, -0.5, 0], [0] * 3])
