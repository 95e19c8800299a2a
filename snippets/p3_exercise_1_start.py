"""Exercise 1, your attempt: fill in seq_linear_backward, run this file."""

from p3_checks import check_seq_linear


def seq_linear_forward(x, w, b):
    """x (B, T, D) @ w (D, M) + b (M,) -> out (B, T, M)."""
    return x @ w + b, (x, w)


def seq_linear_backward(dout, cache):
    """dout (B, T, M) -> dx (B, T, D), dw (D, M), db (M,)."""
    x, w = cache
    raise NotImplementedError("your code: dx, dw, db")


report = check_seq_linear(seq_linear_forward, seq_linear_backward)
print(report)
