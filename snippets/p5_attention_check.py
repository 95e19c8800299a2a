"""Attention's backward against central differences, with and without
the causal mask; its softmax step against Part 3's Jacobian; what the
mask does to the gradient; and scores far beyond exp's range."""

import numpy as np
from gradcheck import check_layer
from layers5 import attention_backward, attention_forward

rng = np.random.default_rng(0)
q, k, v = rng.standard_normal((3, 2, 4, 3))  # each (N, T, d) = (2, 4, 3)
for causal in (False, True):
    errs = check_layer(lambda q, k, v, c=causal: attention_forward(q, k, v, c),
                       attention_backward, q, k, v)  # fmt: skip
    print(f"causal={causal!s:5}: relative errors " + ", ".join(
        f"d{n} {e:.0e}" for n, e in zip("qkv", errs)))  # fmt: skip
    assert max(errs) < 1e-8

# --8<-- [start:jacobian]
out, cache = attention_forward(q, k, v)
p = cache[3][0, 0]  # the softmax row of query 0: (T,), sums to 1
dp = rng.standard_normal(4)  # a gradient arriving at that row
J = np.diag(p) - np.outer(p, p)  # Part 3: d p_i / d s_j
ds_layer = p * (dp - (dp * p).sum())  # attention_backward's line
print(
    f"row softmax: |J^T dp - layer's ds| = "
    f"{np.abs(J.T @ dp - ds_layer).max():.0e}"
)
# --8<-- [end:jacobian]

# --8<-- [start:mask]
out, cache = attention_forward(q, k, v, causal=True)
dout = np.zeros_like(out)
dout[:, 0] = 1.0  # the loss reads position 0 only
dq, dk, dv = attention_backward(dout, cache)
moved = [t for t in range(4) if np.any(dk[:, t]) or np.any(dv[:, t])]
print("causal, loss at position 0: keys and values with a gradient:", moved)
# --8<-- [end:mask]

big = attention_forward(q * 1e4, k * 1e4, v)  # scores ~ 1e8
grads = attention_backward(np.ones_like(big[0]), big[1])
print(
    "scores ~ 1e8: output and gradients finite:",
    all(np.isfinite(a).all() for a in (big[0], *grads)),
)

assert np.allclose(J.T @ dp, ds_layer, atol=1e-15)
assert moved == [0] and not np.any(dq[:, 1:])  # position 0 sees itself
assert all(np.isfinite(a).all() for a in (big[0], *grads))
