"""Exercise 3, your starting file: max pooling's backward pass, with a
bug. Fix pool_backward and run this file until every line is ok."""

from p5_checks import check_maxpool


def pool_backward(dout, cache):
    """dout (N, C, H', W') -> dx (N, C, H, W) for pool_forward."""
    x, size, stride = cache
    dx = x * 0.0
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            r, c = i * stride, j * stride
            win = x[:, :, r : r + size, c : c + size]
            is_max = win == win.max(axis=(2, 3), keepdims=True)
            g = dout[:, :, i, j][:, :, None, None]  # (N, C, 1, 1)
            dx[:, :, r : r + size, c : c + size] += is_max * g
    return dx


report = check_maxpool(pool_backward)  # two poolings, then the ties
print(report)
