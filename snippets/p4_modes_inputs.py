"""Many inputs, one output: time forward mode and reverse mode as n grows."""

from engine import Value
from p4_dual import Dual
from p4_plot import C1, C2, axes, svg
from p4_timing import median_time
from show import figure, table


def f(xs):  # n inputs, one output: Σ tanh(x_i · x_{i+1})
    out = 0.0
    for a, b in zip(xs, xs[1:]):
        out = out + (a * b).tanh()
    return out


# --8<-- [start:modes]
def forward_mode(xs):  # n passes, one per input
    return [f([Dual(v, float(j == i)) for j, v in enumerate(xs)]).dot
            for i in range(len(xs))]  # fmt: skip


def reverse_mode(xs):  # one forward pass, one backward pass
    values = [Value(v) for v in xs]
    f(values).backward()
    return [v.grad for v in values]


# --8<-- [end:modes]


sizes, fwd, rev = (8, 16, 32, 64, 128), [], []
for n in sizes:
    xs = [((7 * i) % 11 - 5) / 5 for i in range(n)]
    err = max(abs(a - b) for a, b in zip(forward_mode(xs), reverse_mode(xs)))
    assert err < 1e-9  # the same gradient, two ways
    fwd.append(median_time(lambda xs=xs: forward_mode(xs), repeats=3))
    rev.append(median_time(lambda xs=xs: reverse_mode(xs), repeats=3))

rows = [(n, f"{n}", "2", f"{a * 1e3:.2f}", f"{b * 1e3:.3f}",
         f"{a / b:.0f}×") for n, a, b in zip(sizes, fwd, rev)]  # fmt: skip
print(table(["inputs n", "forward passes", "reverse passes",
             "forward mode, ms", "reverse mode, ms", "ratio"], rows,
            "measured on the machine that built this page, "
            "median of 3 runs"))  # fmt: skip
fig, ax = axes(6.4, 3.2)
ax.loglog(sizes, fwd, "o-", color=C1, label="forward mode: n passes")
ax.loglog(sizes, rev, "s-", color=C2, label="reverse mode: 2 passes")
ax.set_xlabel("number of inputs n")
ax.set_ylabel("seconds per gradient")
ax.legend(frameon=False)
desc = (f"At n = {sizes[-1]} forward mode took {fwd[-1] * 1e3:.1f} ms and "
        f"reverse mode {rev[-1] * 1e3:.2f} ms.")  # fmt: skip
title = "Time per gradient, many inputs and one output"
print(figure(svg(fig, "modes-in", title, desc)))
assert fwd[-1] > 3 * rev[-1]  # reverse mode wins by far at 128 inputs
assert fwd[-1] / fwd[0] > 2 * rev[-1] / rev[0]  # and its lead grows with n
