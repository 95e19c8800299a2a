"""Exercise: on a quadratic the central difference is exact for any h."""


def f(x):
    return 3 * x**2 + x  # f'(x) = 6x + 1


x = 2.0
print("     h    forward     central   (exact 13)")
for h in [1.0, 0.5, 0.1]:
    fwd = (f(x + h) - f(x)) / h  # = 6x + 1 + 3h: off by 3h
    ctr = (f(x + h) - f(x - h)) / (2 * h)  # the 3h² terms cancel
    print(f"{h:6.1f}  {fwd:9.4f}  {ctr:10.4f}")
    assert abs(fwd - (13 + 3 * h)) < 1e-12
    assert abs(ctr - 13) < 1e-12
