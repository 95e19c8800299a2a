"""Exercise: a tanh stack at std 1/√n, next to the same sigmoid stack."""

import numpy as np

rng = np.random.default_rng(0)
depth, width, batch = 20, 100, 64
x = rng.standard_normal((batch, width))
dout = rng.standard_normal((batch, width)) / batch
Ws = [rng.standard_normal((width, width)) / np.sqrt(width)
      for _ in range(depth)]  # fmt: skip


def input_grad_ratio(act, dact_from_h):
    """‖d loss/d x‖ / ‖d loss/d h_top‖ for the stack with this activation."""
    h, slopes = x, []
    for W in Ws:
        h = act(h @ W)
        slopes.append(dact_from_h(h))  # local derivative, from the output
    dh = dout
    for W, s in zip(Ws[::-1], slopes[::-1]):
        dh = (dh * s) @ W.T
    return np.linalg.norm(dh) / np.linalg.norm(dout)


tanh = input_grad_ratio(np.tanh, lambda h: 1 - h**2)  # tanh' = 1 - tanh²
sig = input_grad_ratio(lambda z: np.exp(-np.logaddexp(0, -z)),  # σ(z)
                       lambda h: h * (1 - h))  # fmt: skip
print(f"tanh:    ‖dx‖ / ‖dh_top‖ = {tanh:.2e}")
print(f"sigmoid: ‖dx‖ / ‖dh_top‖ = {sig:.2e}")
assert tanh > 1e4 * sig  # slope 1 at 0 instead of 1/4: 20 layers of 4x
assert tanh < 1  # but it still shrinks: tanh' < 1 away from 0
