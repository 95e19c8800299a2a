"""Exercise: the activation memory of a large network, and checkpointing."""

import math

layers, batch, width = 48, 1024, 4096
bytes_per = 4  # float32
per_layer = 2 * batch * width * bytes_per  # input of the affine + of relu
full = layers * per_layer
print(f"keep everything:      {full / 2**30:5.2f} GiB")

# checkpointing: keep every k-th layer's input, recompute the rest of a
# segment during the backward pass (one extra forward pass in total)
best = min(range(1, layers + 1),
           key=lambda k: math.ceil(layers / k) + k)  # fmt: skip
kept = (math.ceil(layers / best) + best) * per_layer
print(
    f"checkpoint every {best}: {kept / 2**30:5.2f} GiB "
    f"({full / kept:.1f}x less, one extra forward pass)"
)
assert per_layer == 32 * 2**20 and full == 1.5 * 2**30  # 48 × 32 MiB
assert abs(best - math.sqrt(layers)) < 1 and kept == 14 * per_layer
