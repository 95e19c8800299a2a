"""A gradient check: backward() against central differences."""

from engine import Value


# --8<-- [start:gradcheck]
def gradcheck(f, xs, backward=Value.backward, h=1e-6):
    """Largest |d f/d x - central difference| over the inputs xs of f."""
    inputs = [Value(x) for x in xs]
    backward(f(*inputs))  # fills .grad of every input
    worst = 0.0
    for i in range(len(xs)):
        up, down = list(xs), list(xs)
        up[i] += h
        down[i] -= h
        f_up = f(*map(Value, up)).data  # forward passes only
        f_down = f(*map(Value, down)).data
        numeric = (f_up - f_down) / (2 * h)
        worst = max(worst, abs(inputs[i].grad - numeric))
    return worst


# --8<-- [end:gradcheck]


def f(x, y):
    return (x * y).tanh() + x / y - x * x


error = gradcheck(f, [0.6, -1.3])
print(f"f = tanh(xy) + x/y - x^2 at (0.6, -1.3): largest error {error:.1e}")
assert error < 1e-8  # a correct engine passes
