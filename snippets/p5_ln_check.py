"""Layer norm: checked against central differences on a (N, T, D) input;
each row on its own, where batch norm depends on the batch."""

import numpy as np
from gradcheck import check_layer
from layers5 import (
    batchnorm_backward,
    batchnorm_forward,
    layernorm_backward,  # fmt: skip
    layernorm_forward,
)
from show import note, table

rng = np.random.default_rng(0)
x = rng.normal(1.0, 3.0, (2, 3, 5))  # N = 2 sequences of T = 3 tokens
gamma, beta = rng.standard_normal(5), rng.standard_normal(5)
errors = check_layer(layernorm_forward, layernorm_backward, x, gamma, beta)
print(
    note(
        "Layer norm on (2, 3, 5), relative errors: "
        + ", ".join(
            f"d{n} {e:.0e}" for n, e in zip(("x", "gamma", "beta"), errors)
        )
    )
)

batch = rng.normal(1.0, 3.0, (8, 5))  # 8 examples, D = 5 features
g, b = np.ones(5), np.zeros(5)
rows = []
for name, fwd, bwd in (
    ("layer norm", layernorm_forward, layernorm_backward),
    ("batch norm", batchnorm_forward, batchnorm_backward),
):
    alone = fwd(batch[:1], g, b)[0]  # example 0 on its own
    within = fwd(batch, g, b)[0][:1]  # example 0 among seven others
    out, cache = fwd(batch[:1], g, b)
    dx = bwd(rng.standard_normal(out.shape), cache)[0]
    rows.append(
        (
            name,
            f"{np.abs(alone - within).max():.2f}",
            f"{np.abs(out).max():.2f}",
            f"{np.abs(dx).max():.2f}",
        )
    )
print(table(["layer", "alone vs in a batch", "batch of 1: |out|",
             "|dx|"], rows))  # fmt: skip

assert max(errors) < 1e-8
ln_alone = layernorm_forward(batch[:1], g, b)[0]
assert np.array_equal(ln_alone, layernorm_forward(batch, g, b)[0][:1])
assert float(rows[1][1]) > 0.1  # batch norm: example 0 moved by others
assert float(rows[0][3]) > 0.1  # layer norm of one row: it still learns
out, cache = batchnorm_forward(batch[:1], g, b)  # a batch of one:
assert np.all(out == b) and not batchnorm_backward(out + 1, cache)[0].any()
