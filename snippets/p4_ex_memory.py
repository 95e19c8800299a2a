"""Exercise: the activation memory of a large network, and checkpointing."""

import math

layers, batch, width = 48, 1024, 4096
array = batch * width * 4  # one (batch, width) float32 array: 16 MiB
per_layer = 2  # arrays a layer caches: the affine's input, the relu's
full = layers * per_layer
print(f"keep everything: {full} arrays = {full * array / 2**30:.2f} GiB")


# checkpointing: keep each segment's input (one array per checkpoint);
# while back-propagating through a segment of k layers, recompute and keep
# its caches (per_layer arrays for each of its k layers)
def kept(k):
    return math.ceil(layers / k) + per_layer * k


least = min(kept(k) for k in range(1, layers + 1))
best = [k for k in range(1, layers + 1) if kept(k) == least]
print(f"checkpoint every k = {best[0]} to {best[-1]} layers: {least} arrays"
      f" = {least * array / 2**20:.0f} MiB, {full / least:.1f}x less, "
      f"for one extra forward pass")  # fmt: skip

assert array == 16 * 2**20 and full * array == 1.5 * 2**30  # 96 x 16 MiB
assert best == [4, 5, 6] and least == 20  # ceil(48/k) + 2k, flat near 5
assert abs(math.sqrt(layers / per_layer) - 5) < 0.2  # k = sqrt(48/2)
