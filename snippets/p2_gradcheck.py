"""A gradient check: backward() against central differences."""

from engine import Value


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
