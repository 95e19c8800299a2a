"""One gradient under three naming conventions: the same numbers."""

import engine
import layers
import numpy as np

rng = np.random.default_rng(0)
x = rng.standard_normal((1, 3))  # one example as a row: N = 1, D = 3
W, b = rng.standard_normal((3, 2)), rng.standard_normal(2)  # M = 2
t = rng.standard_normal((1, 2))  # the target

# this site and CS231n: rows are examples, dW has the shape of W (D, M)
y, cache = layers.affine_forward(x, W, b)
loss, dout = layers.mse_loss(y, t)  # loss = 0.5 * ||y - t||^2 (N = 1)
dx, dW, db = layers.affine_backward(dout, cache)

# Nielsen: columns, w[j, k] joins input k to output j, so w = W.T;
# delta = dC/dz (a linear output: z is the output); BP4: dC/dw = delta a^T
a, w = x.T, W.T
delta = w @ a + b[:, None] - t.T  # (M, 1)
nabla_w = delta @ a.T  # (M, D): the transpose of dW

# micrograd and engine.py: every number a Value, its gradient in .grad
xs = [engine.Value(v) for v in x[0]]
Ws = [[engine.Value(v) for v in row] for row in W]
ys = [sum((xs[d] * Ws[d][m] for d in range(3)), b[m]) for m in range(2)]
C = sum(0.5 * (ys[m] - t[0, m]) ** 2 for m in range(2))
C.backward()
W_grad = np.array([[v.grad for v in row] for row in Ws])

for name, g in [("dW", dW), ("nabla_w.T", nabla_w.T), ("W .grad", W_grad)]:
    print(f"{name:<10}" + "  ".join(f"{v:+.4f}" for v in g.ravel()))
print(f"{'dout':<10}" + "  ".join(f"{v:+.4f}" for v in dout.ravel()))
print(f"{'delta.T':<10}" + "  ".join(f"{v:+.4f}" for v in delta.ravel()))
assert np.allclose(dW, nabla_w.T) and np.allclose(dW, W_grad)
assert np.allclose(dout, delta.T)  # Nielsen's delta here is the dout of y
assert np.isclose(loss, C.data)
