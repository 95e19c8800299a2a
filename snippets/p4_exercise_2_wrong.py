"""Exercise 2: the gated layer's backward pass as given, with two bugs."""

from p4_checks import check_glu


def glu_backward(dout, cache):
    """dout (N, M) -> dx (N, D), dWa (D, M), dWb (D, M)."""
    x, Wa, Wb, a, g = cache  # out = a * g, a = x Wa, g = σ(x Wb)
    da = dout * g  # d(out)/da = g
    dzb = dout * a * g * (1 - g)  # d(out)/dg = a, then σ' = g (1 - g)
    dWa = da.T @ x
    dWb = x.T @ dzb
    dx = da @ Wa.T
    return dx, dWa, dWb


report = check_glu(glu_backward)  # one line per gradient
print(report)
lines = dict(line.split(": ", 1) for line in report)
assert not report and lines["dWb"] == "ok"  # two bugs, and dWb is not one
assert "transposed" in lines["dWa"] and "missing term" in lines["dx"]
