"""p2_gradcheck.py on a correct engine: the largest error is rounding."""

from p2_gradcheck import gradcheck


def f(x, y):
    return (x * y).tanh() + x / y - x * x


error = gradcheck(f, [0.6, -1.3])
print(f"f = tanh(xy) + x/y - x^2 at (0.6, -1.3): largest error {error:.1e}")
assert error < 1e-8  # a correct engine passes
