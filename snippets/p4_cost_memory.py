"""Memory the backward pass needs: the activations the forward pass caches."""

import numpy as np
from layers import affine_forward, relu_forward
from p4_plot import C1, C2, C3, C4, axes, svg
from p4_timing import one_blas_thread
from show import figure, table

rng = np.random.default_rng(0)
width = 128
W = rng.standard_normal((width, width)) * np.sqrt(2 / width)
b = np.zeros(width)


# --8<-- [start:count]
def cached_bytes(depth, batch, relu=relu_forward):
    """Bytes of the arrays the forward pass keeps for the backward pass."""
    h, kept = rng.standard_normal((batch, width)), {}
    for _ in range(depth):
        z, (h_in, _) = affine_forward(h, W, b)  # cache: (input, weights)
        h, cache = relu(z)  # layers.relu_forward's cache: its input z
        kept[id(h_in)], kept[id(cache)] = h_in, cache  # alive until used
    return sum(a.nbytes for a in kept.values())  # weights exist anyway


def relu_keeping_output(z):  # relu'(z) = [out > 0]: out is enough, and
    out = np.maximum(z, 0)  # it is the next affine's input: one array
    return out, out


def relu_keeping_mask(z):  # or keep [z > 0] itself: 1 byte an entry
    return np.maximum(z, 0), z > 0


# --8<-- [end:count]


depths, batches = [1, 2, 4, 8, 16], (32, 128, 512)
with one_blas_thread():  # small products: threads would only wait
    mib = {B: [cached_bytes(d, B) / 2**20 for d in depths] for B in batches}
params = [d * W.nbytes / 2**20 for d in depths]  # (weights only: b is tiny)
rows = [(d, *(f"{mib[B][i]:.2f}" for B in batches), f"{params[i]:.2f}")
        for i, d in enumerate(depths)]  # fmt: skip
head = ["layers", *(f"batch {B}, MiB" for B in batches), "weights, MiB"]
print(table(head, rows))
fig, ax = axes(6.4, 3.2)
for B, color, mark in zip(batches, (C1, C2, C3), "o^s"):
    ax.plot(depths, mib[B], mark + "-", color=color, label=f"batch {B}")
ax.plot(depths, params, "--", color=C4, label="the weights themselves")
ax.set_xlabel("depth (layers)")
ax.set_ylabel("MiB kept for backward")
ax.legend(frameon=False)
plot = svg(
    fig,
    "cost-mem",
    "Cached activations vs depth and batch size",
    "Straight lines through the origin: the memory kept for the "
    "backward pass grows in proportion to depth and to batch size; "
    f"at 16 layers and batch 512 it is {mib[512][-1]:.0f} MiB.",
)
print(figure(plot))
ways = {"its input z (layers.py)": relu_forward,
        "its output (shared)": relu_keeping_output,
        "a boolean mask": relu_keeping_mask}  # fmt: skip
per = {k: cached_bytes(16, 128, f) / 2**20 for k, f in ways.items()}
print(table(["relu keeps", "16 layers, batch 128, MiB"],
            [(k, f"{v:.2f}") for k, v in per.items()]))  # fmt: skip

for i, d in enumerate(depths):  # two (batch, width) float64 arrays a layer
    assert mib[128][i] * 2**20 == d * 2 * 128 * width * 8
assert mib[512][4] == 2 * mib[512][3]  # linear in depth (16 vs 8 layers)
assert mib[512][4] == 4 * mib[128][4]  # and in batch (512 vs 128)
assert mib[512][4] == 8 * params[4]  # at batch 512: 8x the weights
one = 128 * width * 8 / 2**20  # one (128, width) float64 array, in MiB
assert per["its output (shared)"] == 17 * one  # x and 16 outputs
assert per["a boolean mask"] == 16 * one * (1 + 1 / 8)
