"""Print the cheat sheet's two tables from ref_rows.ROWS; every row is
checked against central differences before it is printed."""

# --8<-- [start:scalars]
import numpy as np
from gradcheck import numeric_grad, rel_error, verdict
from ref_rows import ROWS, parse, sample

rng = np.random.default_rng(0)
errors = {}


def check(row):
    """The worst relative error of the row's gradients, on random inputs."""
    inputs = sample(row, rng)
    dout = rng.standard_normal(np.shape(row.forward(*inputs)))
    grads = row.backward(dout, *inputs)
    return max(
        rel_error(g, numeric_grad(lambda: row.forward(*inputs), x, dout))
        for x, g in zip(inputs, grads)
    )


def tex(name, dims, arrow=""):  # "X", "N×D" -> "$X\colon N{\times}D$"
    times = dims.replace("×", "{\\times}")
    math = f"{arrow}{name}\\colon {times}" if dims else f"{arrow}{name}"
    return f"${math}$" + ("" if dims else " (number)")


def table(arrays):
    head = ["operation", "forward", "shapes", "backward", "checked"]
    head = head if arrays else head[:2] + ["local gradients", "checked"]
    print("| " + " | ".join(head) + " |")
    print("|---" * (len(head) - 1) + "|--:|")
    for row in (r for r in ROWS if (parse(r)[1] is not None) == arrays):
        (ins, out), err = parse(row), check(row)
        errors[row.name, arrays] = err
        grads = []
        for (name, _, _), t in zip(ins, row.tex_grads):
            lhs = f"d{name}" if arrays else f"\\partial z/\\partial {name}"
            raw = t.startswith(f"d{name}")  # the row wrote its own lhs
            grads.append(f"${t}$" if raw else f"${lhs} = {t}$")
        lines = row.tex_forward.split("; ")
        cells = [row.name, "<br>".join(f"${t}$" for t in lines)]
        if arrays:
            shapes = [tex(n, d) for n, d, _ in ins] + [tex(*out, "\\to ")]
            cells.append("<br>".join(shapes))
        cells += ["<br>".join(grads), f"`{err:.0e}`"]
        print("| " + " | ".join(cells) + " |")


table(arrays=False)
# --8<-- [end:scalars]
# --8<-- [start:arrays]
table(arrays=True)
assert all(verdict(err) == "ok" for err in errors.values())
assert len(errors) == len(ROWS)  # every row is in a table, and checked
# --8<-- [end:arrays]
