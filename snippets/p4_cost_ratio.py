"""Backward vs forward time for one large linear layer, counted and timed."""

import statistics
import time

import numpy as np
from layers import affine_backward, affine_forward
from p4_timing import BLAS_LIMITED, one_blas_thread
from show import note, table

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
threads = "BLAS on one thread" if BLAS_LIMITED else "BLAS threads as found"
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
    table(
        ["pass", "multiply-adds", "× forward", "time, ms", "time ÷ forward"],
        rows,
        f"measured on the machine that built this page: N = {N}, "
        f"D = M = {D}, {threads}, median of 11 interleaved rounds",
    )
)
fast = {name: min(r) for name, r in runs.items()}  # noise only adds time
ratio = [fast[name] / fast["forward: out = x W + b"] for name in counts]
print(note(f"fastest rounds, time ÷ forward: dW only {ratio[1]:.2f}, "
           f"with dx {ratio[2]:.2f}"))  # fmt: skip
if BLAS_LIMITED:  # with BLAS threads competing, noise can beat the counts
    assert 0.3 < ratio[1] < 3 and ratio[2] > 1.3 * ratio[1]  # counted: 1, 2
else:
    print("(install threadpoolctl to run BLAS on one thread and check these)")
