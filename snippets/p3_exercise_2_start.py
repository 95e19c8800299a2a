"""Exercise 2, your attempt: fill in embedding_backward, run this file."""

import numpy as np
from p3_checks import check_embedding


def embedding_forward(w, idx):
    """w (V, D) table, idx (B, T) ints in [0, V) -> out (B, T, D)."""
    return w[idx], (idx, w.shape)


def embedding_backward(dout, cache):
    """dout (B, T, D) -> dw (V, D)."""
    idx, shape = cache  # shape is w.shape, (V, D)
    dw = np.zeros(shape)
    # your code: the gradient of every row of w
    return dw


report = check_embedding(embedding_forward, embedding_backward)
print(report)
