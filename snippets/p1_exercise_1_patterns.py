"""Exercise 1, solution: every gradient of (x·y + z)·max(y, w) by hand."""

import numpy as np
from gradcheck import numeric_grad
from p1_checks import check_numbers


def f(x, y, z, w):
    return (x * y + z) * max(y, w)


x, y, z, w = 3.0, 2.0, -1.0, 1.0
a = x * y  # 6
s = a + z  # 5
m = max(y, w)  # 2: y wins
out = s * m  # 10

dout = 1.0
ds, dm = m * dout, s * dout  # multiply swaps: 2, 5
da, dz = ds, ds  # add distributes: 2, 2
dy_max, dw = (dm, 0.0) if y >= w else (0.0, dm)  # max routes to y
dx, dy_mul = y * da, x * da  # multiply swaps: 4, 6
dy = dy_mul + dy_max  # y forks: the two paths add, 6 + 5
grads = dict(x=dx, y=dy, z=dz, w=dw)
print(f"f = {out:g}:", "  ".join(f"d{k} = {g:g}" for k, g in grads.items()))
report = check_numbers(f, dict(x=x, y=y, z=z, w=w), grads)
print(report)

assert report
assert (a, s, m, out, ds, dm, da) == (6, 5, 2, 10, 2, 5, 2)  # by hand
assert grads == dict(x=4.0, y=11.0, z=2.0, w=0.0)  # the hand values above
v = np.array([x, y, z, w])  # and central differences agree
assert np.allclose(numeric_grad(lambda: f(*v), v), list(grads.values()))
