"""Exercise: sigmoid + binary cross-entropy (the mean over N examples):
d(loss)/dz = (sigmoid(z) - t) / N."""

import numpy as np
from gradcheck import numeric_grad, rel_error

rng = np.random.default_rng(0)
z = rng.standard_normal(6) * 3  # one score per example, (N,)
t = rng.integers(0, 2, size=6).astype(float)  # labels 0 or 1


def bce(z):
    # mean of -[t log s + (1 - t) log(1 - s)], s = sigmoid(z), written
    # stably: log s = -log(1 + e^-z), log(1 - s) = -z - log(1 + e^-z)
    return np.mean((1 - t) * z + np.logaddexp(0, -z))


# --8<-- [start:solution]
s = np.exp(-np.logaddexp(0, -z))  # sigmoid(z) = 1 / (1 + e^-z), stably
dz = (s - t) / len(z)  # the same shape as softmax's p - onehot(y), over N
# --8<-- [end:solution]
err = rel_error(dz, numeric_grad(lambda: bce(z), z))
print(f"relative error vs central differences: {err:.0e}")
assert err < 1e-7
