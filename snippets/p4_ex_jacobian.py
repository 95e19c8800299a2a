"""Exercise: the 2 x 3 Jacobian of F, column by column and row by row."""

from engine import Value
from p4_dual import Dual


def F(x1, x2, x3):  # three inputs, two outputs
    return [x1 * x2, (x2 + x3).tanh()]


x = [0.5, -1.0, 2.0]
# forward mode: one pass per input fills one COLUMN
columns = []
for i in range(3):
    outs = F(*[Dual(v, float(j == i)) for j, v in enumerate(x)])
    columns.append([y.dot for y in outs])
# reverse mode: one backward pass per output fills one ROW
rows = []
for k in range(2):
    vs = [Value(v) for v in x]
    F(*vs)[k].backward()
    rows.append([v.grad for v in vs])

for k in range(2):
    fwd = " ".join(f"{columns[i][k]:9.5f}" for i in range(3))
    rev = " ".join(f"{g:9.5f}" for g in rows[k])
    print(f"row {k}: forward {fwd}   reverse {rev}")
print("passes: forward 3 (one per input), reverse 2 (one per output)")
assert all(abs(columns[i][k] - rows[k][i]) < 1e-12
           for i in range(3) for k in range(2))  # fmt: skip
assert rows[0] == [x[1], x[0], 0.0]  # d(x1 x2) = (x2, x1, 0), exactly
