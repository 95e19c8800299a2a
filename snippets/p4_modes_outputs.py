"""One input, many outputs: now forward mode needs one pass."""

from engine import Value
from p4_dual import Dual
from p4_plot import C1, C2, axes, svg
from p4_timing import median_time
from show import figure, table


def g(x, m):  # one input, m outputs: y_k = tanh(y_{k-1} · x), y_0 = x
    ys, y = [], x
    for _ in range(m):
        y = (y * x).tanh()
        ys.append(y)
    return ys


# --8<-- [start:modes]
def forward_mode(x, m):  # one pass: every dy_k/dx rides along
    return [y.dot for y in g(Dual(x, 1.0), m)]


def reverse_mode(x, m):  # one forward pass, then one backward per output
    v = Value(x)
    grads = []
    for y in g(v, m):
        v.grad = 0.0  # backward() accumulates into inputs: start from 0
        y.backward()
        grads.append(v.grad)
    return grads


# --8<-- [end:modes]


sizes, fwd, rev = (8, 16, 32, 64, 128), [], []
for m in sizes:
    err = max(abs(a - b) for a, b in zip(forward_mode(0.9, m),
                                         reverse_mode(0.9, m)))  # fmt: skip
    assert err < 1e-9  # the same m derivatives, two ways
    fwd.append(median_time(lambda m=m: forward_mode(0.9, m), repeats=3))
    rev.append(median_time(lambda m=m: reverse_mode(0.9, m), repeats=3))

rows = [(m, "1", f"1 + {m}", f"{a * 1e3:.3f}", f"{b * 1e3:.2f}",
         f"{b / a:.0f}×") for m, a, b in zip(sizes, fwd, rev)]  # fmt: skip
print(table(["outputs m", "forward passes", "reverse passes",
             "forward mode, ms", "reverse mode, ms", "ratio"], rows,
            "measured on the machine that built this page, "
            "median of 3 runs"))  # fmt: skip
fig, ax = axes(6.4, 3.2)
ax.loglog(sizes, fwd, "o-", color=C1, label="forward mode: 1 pass")
ax.loglog(sizes, rev, "s-", color=C2, label="reverse mode: 1 + m passes")
ax.set_xlabel("number of outputs m")
ax.set_ylabel("seconds for all m derivatives")
ax.legend(frameon=False)
desc = (f"At m = {sizes[-1]} forward mode took {fwd[-1] * 1e3:.2f} ms and "
        f"reverse mode {rev[-1] * 1e3:.1f} ms.")  # fmt: skip
title = "Time for all derivatives, one input, m outputs"
print(figure(svg(fig, "modes-out", title, desc)))
assert rev[-1] > 3 * fwd[-1]  # forward mode wins by far at 128 outputs
assert rev[-1] / rev[0] > 2 * fwd[-1] / fwd[0]  # and its lead grows with m
