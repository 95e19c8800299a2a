"""A gradient of the wrong shape that numpy broadcasts without a word."""

import numpy as np
from layers5 import unbroadcast

rng = np.random.default_rng(0)
M, D, N = 3, 5, 3  # one example per column here: X is (D, N)
W, X = rng.standard_normal((M, D)), rng.standard_normal((D, N))
b = np.zeros((M, 1))  # a column: one bias per output, for every column
dout = rng.standard_normal((M, N))  # d loss / d (W X + b)

# --8<-- [start:bug]
db = dout.sum(axis=1)  # summed over the examples, but shape (M,)
b_new = b - 0.1 * db  # (M, 1) - (M,) broadcasts to (M, M)
print("b", b.shape, "- lr * db", db.shape, "->", b_new.shape)
out = W @ X + b_new  # (M, N) + (M, M): runs, because N == M
print("the next forward pass runs:", out.shape)
# --8<-- [end:bug]
# --8<-- [start:fix]
db = unbroadcast(dout, b.shape)  # the sum over axis 1, kept as (M, 1)
print("unbroadcast: db", db.shape, "-> b", (b - 0.1 * db).shape)
# --8<-- [end:fix]

assert b_new.shape == (M, M) and out.shape == (M, N)  # silently wrong
assert db.shape == b.shape and np.allclose(db[:, 0], dout.sum(axis=1))
