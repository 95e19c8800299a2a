"""The bias add with its broadcast made explicit: copies forward, a sum
backward; unbroadcast does the sum for any shape."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from layers5 import unbroadcast

rng = np.random.default_rng(0)
x = rng.standard_normal((3, 4))  # N = 3 examples, M = 4 features
b = np.array([0.5, -1.0, 2.0, 0.0])  # (M,): one bias per feature

# --8<-- [start:copies]
B = np.broadcast_to(b, x.shape)  # what numpy does: b copied to 3 rows
out = x + B  # an add gate, entry by entry
dout = rng.standard_normal(out.shape)  # d loss / d out, from above
dB = dout  # an add gate passes the gradient on, to every copy
db = dB.sum(axis=0)  # b fed all three copies (a fork): their grads add
# --8<-- [end:copies]

np.set_printoptions(precision=3, suppress=True)
print("b", b.shape, "-> B", B.shape)
print("dout =")
print(dout)
print("db = column sums of dout =", db)
num = numeric_grad(lambda: x + b, b, dout)  # nudge each b[m] once
print("central differences      =", num)
print(f"unbroadcast(dout, b.shape) = {unbroadcast(dout, b.shape)}")

assert db.shape == b.shape and np.allclose(db, dout.sum(axis=0))
assert rel_error(db, num) < 1e-9
assert np.array_equal(unbroadcast(dout, b.shape), db)
