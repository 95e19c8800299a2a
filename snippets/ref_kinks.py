"""At a kink or a tie an operation has two one-sided slopes and no
derivative. Its backward pass must still return a number: this site's
pick for each, checked to be a subgradient: between the two slopes of
each input and, at a tie, shares adding up to 1."""

import numpy as np
from ref_rows import ROWS, parse
from show import table

op = {r.name: r for r in ROWS if parse(r)[1] is None}  # the scalar rows
op["row max"] = next(r for r in ROWS if r.name == "max of each row")
H = 2.0**-20  # a power of 2: x + H and x - H are exact


def slopes(f, x, i):
    """Left and right slope of f at x along input i (one-sided nudges)."""
    e = H * np.eye(len(x))[i]
    return (f(x) - f(x - e)) / H, (f(x + e) - f(x)) / H


def scalar(name):  # f(x as a vector of inputs), and its local gradients
    f = lambda v: op[name].forward(*v)  # noqa: E731
    return f, lambda v: np.ravel(op[name].backward(1.0, *v))


def rowmax(v):
    return op["row max"].forward(v[None])[0]


def rowmax_grad(v):
    return op["row max"].backward(np.ones(1), v[None])[0][0]


# what, where, inputs, f and its gradients, PyTorch 2.13 (CPU) per input
cases = [
    ("ReLU", [0.0], *scalar("ReLU"),
     ["0 (relu); 1 (clamp(x, min=0))"]),
    ("leaky ReLU", [0.0], *scalar("leaky ReLU"), ["0.01 (leaky_relu)"]),
    ("abs", [0.0], *scalar("abs"), ["0 (abs)"]),
    ("max(a, b)", [1.0, 1.0], *scalar("max"), ["0.5 (maximum)"] * 2),
    ("max of a row", [3.0, 3.0, 1.0], rowmax, rowmax_grad,
     ["1 (max(dim)); 0.5 (amax)", "0 (max(dim)); 0.5 (amax)", "0"]),
]  # fmt: skip
rows = []
for what, x, f, grad, torch in cases:
    x = np.array(x)
    g = grad(x)
    for i in range(len(x)):
        left, right = slopes(f, x, i)
        name = "dx" if len(x) == 1 else "d" + ("ab"[i] if len(x) == 2 else
                                               f"x{i + 1}")  # fmt: skip
        at = ", ".join(f"{v:g}" for v in x)
        where = f"{what} at " + (f"x = {at}" if len(x) == 1 else f"({at})")
        rows.append((where, name, f"{left:g}", f"{right:g}", f"{g[i]:g}",
                     torch[i]))  # fmt: skip
        assert left <= g[i] <= right  # between this input's slopes
    if len(x) > 1:  # a tie: nudging all inputs together moves max by 1,
        # both ways, so the shares must add up to 1 (g = (1, 1) fits each
        # input's slopes, but is no subgradient: it would claim 2)
        assert g.sum() == (f(x + H) - f(x - H)) / (2 * H) == 1
print(
    table(
        [
            "operation at its kink",
            "gradient",
            "left slope",
            "right slope",
            "this site",
            "PyTorch 2.13 (CPU)",
        ],
        rows,
    )
)
