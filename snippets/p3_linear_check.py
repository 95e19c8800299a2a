"""layers.affine_forward/backward on a batch, checked by central
differences, and dW seen as one outer product per example."""

import numpy as np
from gradcheck import check_layer, verdict
from layers import affine_backward, affine_forward

rng = np.random.default_rng(0)
N, D, M = 8, 5, 3
x = rng.standard_normal((N, D))
w = rng.standard_normal((D, M))
b = rng.standard_normal(M)

# --8<-- [start:check]
errors = check_layer(affine_forward, affine_backward, x, w, b, rng=rng)
for name, err in zip(["dx", "dw", "db"], errors):
    print(f"{name}: relative error {err:.1e} -> {verdict(err)}")
# --8<-- [end:check]

# --8<-- [start:outer]
out, cache = affine_forward(x, w, b)
dout = rng.standard_normal(out.shape)  # (N, M)
dx, dw, db = affine_backward(dout, cache)
per_example = [np.outer(x[n], dout[n]) for n in range(N)]  # N of (D, M)
print(
    f"dw == sum of {N} outer products x_n dout_n^T:",
    np.allclose(dw, sum(per_example)),
)
# --8<-- [end:outer]

assert all(verdict(e) == "ok" for e in errors)
assert np.allclose(dw, sum(per_example))
assert dx.shape == x.shape and dw.shape == w.shape and db.shape == b.shape
