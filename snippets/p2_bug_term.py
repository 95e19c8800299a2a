"""Bug: forgetting a term of a local derivative, in a new operation."""

from engine import Value
from p2_gradcheck import gradcheck


# --8<-- [start:before]
def square_before(v):  # v*v: both factors move with v
    x = v.data
    return Value(x * x, (v,), (x,), "square")  # BEFORE: x, one term only


def square_after(v):
    x = v.data
    return Value(x * x, (v,), (2 * x,), "square")  # AFTER: x + x = 2x


# --8<-- [end:before]


def f_before(x, y):
    return square_before(x - y) + x * y


def f_after(x, y):
    return square_after(x - y) + x * y


before = gradcheck(f_before, [1.5, 0.5])
after = gradcheck(f_after, [1.5, 0.5])
print(f"before: largest gradient error {before:.3f}")
print(f"after:  largest gradient error {after:.1e}")

# f = (x - y)^2 + xy: df/dx = 2(x - y) + y = 2.5; the bug gives 1.5
assert abs(before - 1.0) < 1e-6 and after < 1e-8
