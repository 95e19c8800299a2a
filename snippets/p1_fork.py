"""A value that feeds two places: its gradients add."""

x = 2.0
a = 3 * x  # path 1: local derivative 3
b = x**2  # path 2: local derivative 2x
y = a * b  # y = 3x³, so dy/dx = 9x² = 36

# --8<-- [start:backward]
dy = 1.0
da = b * dy  # multiply: the gradient to one input is the other input
db = a * dy
dx_path1 = 3 * da  # through a
dx_path2 = 2 * x * db  # through b
dx = dx_path1 + dx_path2  # x was used twice: add both contributions
# --8<-- [end:backward]


def f(x):
    return (3 * x) * x**2


h = 1e-5
numeric = (f(x + h) - f(x - h)) / (2 * h)
print(f"through a only:  {dx_path1:.6f}")
print(f"through b only:  {dx_path2:.6f}")
print(f"sum of paths:    {dx:.6f}")
print(f"numeric:         {numeric:.6f}")
assert dx == 9 * x**2  # the hand derivation: d(3x³)/dx = 9x²
assert abs(dx - numeric) < 1e-6  # the sum passes the check
assert (dx_path1, dx_path2, dx) == (12, 24, 36)  # one path is wrong
