"""Backward vs forward time for one large linear layer, counted and timed."""

import statistics
import time

import numpy as np
from diagrams import html_table
from layers import affine_backward, affine_forward
from p4_timing import one_blas_thread

rng = np.random.default_rng(0)
N, D, M = 256, 512, 512  # batch, inputs, outputs
x, w, b = rng.standard_normal((N, D)), rng.standard_normal((D, M)), np.zeros(M)
out, cache = affine_forward(x, w, b)
dout = rng.standard_normal(out.shape)

# --8<-- [start:count]
mac = N * D * M  # multiply-adds in one (N, D) @ (D, M) product
counts = {
    "forward: out = x W + b": mac,
    "backward, dW and db only": mac,  # dW = x^T dout
    "backward, with dx too": 2 * mac,
}  # dx = dout W^T as well
# --8<-- [end:count]
runs = {name: [] for name in counts}
passes = (lambda: affine_forward(x, w, b),
          lambda: affine_backward(dout, cache, input_grad=False),
          lambda: affine_backward(dout, cache))  # fmt: skip
with one_blas_thread():
    for _ in range(11):  # interleaved rounds: a busy moment hits all three
        for name, fn in zip(counts, passes):
            start = time.perf_counter()
            fn()
            runs[name].append(time.perf_counter() - start)
t = {name: statistics.median(r) for name, r in runs.items()}
fwd = t["forward: out = x W + b"]
rows = [
    (
        name,
        f"{counts[name] / 1e6:.0f} M",
        f"{counts[name] / mac:.0f}",
        f"{t[name] * 1e3:.2f}",
        f"{t[name] / fwd:.2f}",
    )
    for name in counts
]
print(
    html_table(
        ["pass", "multiply-adds", "× forward", "time, ms", "time ÷ forward"],
        rows,
        f"measured on the machine that built this page: N = {N}, "
        f"D = M = {D}, BLAS on one thread, median of 11 interleaved rounds",
    )
)
without = t["backward, dW and db only"] / fwd
fast = {name: min(r) for name, r in runs.items()}  # noise only adds time
extra = fast["backward, with dx too"] / fast["backward, dW and db only"]
print(f"<p>fastest rounds: backward with dx / without = {extra:.2f}</p>")
assert 0.3 < without < 3 and extra > 1.3  # counted: 1 and 2
