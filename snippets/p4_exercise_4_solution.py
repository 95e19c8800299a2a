"""Exercise 4, solved: checkpointing, every k-th activation kept."""

import math

import numpy as np
from gradcheck import numeric_grad, rel_error
from p4_checks import Step, check_checkpoint, measure


# --8<-- [start:solution]
def checkpoint_grads(x, Ws, dout, step, k):
    saved, h = {}, x
    for i, W in enumerate(Ws):  # forward: keep every k-th input only
        if i % k == 0:
            saved[i] = h
        h = step(h, W)
    del h  # the top activation too: its segment is recomputed
    dh, dWs = dout, [None] * len(Ws)
    for s in reversed(range(0, len(Ws), k)):  # segments, top one first
        hs = [saved.pop(s)]  # this segment's input, no longer kept
        for W in Ws[s : s + k]:  # recompute the segment from it
            hs.append(step(hs[-1], W))
        for j in reversed(range(len(hs) - 1)):  # layer s + j
            dz = dh * (1 - hs[j + 1] ** 2)  # tanh' = 1 - h²
            dWs[s + j] = hs[j].T @ dz  # dW = h_inᵀ dz
            dh = dz @ Ws[s + j].T  # dh_in = dz Wᵀ
    return dh, dWs  # hs, the last segment, is dropped on return


# --8<-- [end:solution]

report = check_checkpoint(checkpoint_grads, k=4)  # gradients, memory, work
print(report)

rng = np.random.default_rng(3)  # other inputs, for the table
x, dout = rng.standard_normal((2, 2, 6))
Ws, depth = list(rng.standard_normal((16, 6, 6)) * 0.5), 16


def top():  # the stack's output, for central differences
    h = x
    for W in Ws:
        h = np.tanh(h @ W)
    return h


num_dx, num_dW0 = numeric_grad(top, x, dout), numeric_grad(top, Ws[0], dout)
peaks = {}
print(" k  ceil(16/k) + k  peak, activations  layer steps")
for k in (1, 2, 4, 8, 16):
    step = Step()
    dx, dWs = checkpoint_grads(x, Ws, dout, step, k)
    assert rel_error(dx, num_dx) < 1e-7 and rel_error(dWs[0], num_dW0) < 1e-7
    assert step.peak <= math.ceil(depth / k) + k and step.calls == 2 * depth
    peaks[k], calls = measure(checkpoint_grads, k)[:2]  # tracemalloc
    print(f"{k:2} {math.ceil(depth / k) + k:15} {peaks[k]:18.1f} {calls:12}")
assert report and min(peaks, key=peaks.get) == 4  # k = √16 keeps the least
