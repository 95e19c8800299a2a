"""Subtracting the max: same function, same gradient, no overflow."""

# --8<-- [start:naive]
import numpy as np
from layers import softmax_loss

np.set_printoptions(precision=6, suppress=True)


def naive(s):  # the textbook formula, exactly as written
    with np.errstate(over="ignore", invalid="ignore"):  # fail quietly
        return np.exp(s) / np.exp(s).sum()


def shifted(s):
    return np.exp(s - s.max()) / np.exp(s - s.max()).sum()


for dtype in (np.float32, np.float64):
    limit = np.log(np.finfo(dtype).max)  # exp(x) overflows above this
    print(f"{np.dtype(dtype).name}: exp overflows above {limit:.2f}")
s = np.array([90.0, 89.0, 80.0])  # past float32's limit, not float64's
print("naive, float32   ", naive(s.astype(np.float32)))
print("naive, float64   ", naive(s))
print("shifted, float32 ", shifted(s.astype(np.float32)))
# --8<-- [end:naive]

# --8<-- [start:gradient]
# L(s) = -log softmax(s - c)_y with c = max(s). Backprop through c too:
y = 2
p = shifted(s)
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

assert np.isnan(naive(s.astype(np.float32))).any()  # float32 overflows
assert np.allclose(naive(s), shifted(s))  # float64 still copes at 90
assert np.isnan(naive(s + 700)).any()  # and overflows past 709.78
assert abs(d_c) < 1e-15 and np.array_equal(ds, d_shifted)
assert loss == (2e4 + 0.0) / 2 and np.allclose(dx, [[0.5, -0.5, 0], [0] * 3])
