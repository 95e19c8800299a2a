"""Exercise 3, solved: max pooling's backward pass, one winner a window."""

import numpy as np
from layers5 import maxpool_backward, maxpool_forward
from p5_checks import check_maxpool, pool_forward


# --8<-- [start:fixed]
def pool_backward(dout, cache):
    """dout (N, C, H', W') -> dx (N, C, H, W) for pool_forward."""
    x, size, stride = cache
    dx = x * 0.0
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            r, c = i * stride, j * stride
            win = x[:, :, r : r + size, c : c + size]
            flat = win.reshape(*win.shape[:2], -1)  # (N, C, size * size)
            first = flat.argmax(axis=-1)  # one winner, the first max
            is_max = np.arange(size * size) == first[..., None]
            g = dout[:, :, i, j][:, :, None, None]  # (N, C, 1, 1)
            dx[:, :, r : r + size, c : c + size] += (
                is_max.reshape(win.shape) * g
            )  # overlaps add
    return dx
    # --8<-- [end:fixed]


report = check_maxpool(pool_backward)  # two poolings, then the ties
print(report)

# independently: layers5's vectorized version, ties and overlaps included
rng = np.random.default_rng(4)
x = rng.integers(0, 3, (2, 3, 7, 6)).astype(float)  # many ties
for size, stride in ((2, 2), (3, 1), (3, 2)):
    out, cache = maxpool_forward(x, size, stride)
    dout = rng.standard_normal(out.shape)
    mine = pool_backward(dout, pool_forward(x, size, stride)[1])
    assert np.allclose(mine, maxpool_backward(dout, cache), rtol=1e-14)
print("same as layers5.maxpool_backward on inputs full of ties")
assert report
