"""Exercise 4, solution: relu(x) − relu(−x) is x, but at 0 backward..."""


def relu(z):
    return max(0.0, z)


def relu_slope(z, at_zero):  # relu'(z); at z = 0 it is a convention
    return 1.0 if z > 0 else 0.0 if z < 0 else at_zero


def f(x):
    return relu(x) - relu(-x)


def backward(x, at_zero):
    # f = a − b, a = relu(x), b = relu(u), u = −x
    da, db = 1.0, -1.0  # subtract: +1 to a, −1 to b
    du = relu_slope(-x, at_zero) * db
    return relu_slope(x, at_zero) * da + (-1.0) * du  # x forks: add


h = 1e-6
central = (f(h) - f(-h)) / (2 * h)  # (h − (−h)) / 2h
print("df/dx by backward:    x = 0   x = 0.3   x = -0.3")
for at_zero in [0.0, 1.0, 0.5]:
    d = [backward(x, at_zero) for x in (0.0, 0.3, -0.3)]
    print(f"  with relu'(0) = {at_zero:<3g}{d[0]:>6g}{d[1]:>10g}{d[2]:>11g}")
print(f"central difference at 0, h = {h:g}: {central:g}")
twice = relu_slope(0.0, 0.5) * relu_slope(relu(0.0), 0.5)  # relu(relu(x))
print(f"relu(relu(x)) at 0: backward with 1/2 gives {twice:g}, central "
      f"{(relu(relu(h)) - relu(relu(-h))) / (2 * h):g}")  # fmt: skip

assert all(f(x) == x for x in [-2.5, -0.3, 0.0, 1e-9, 0.7, 3.0])  # f is x
assert [backward(0.0, r) for r in (0.0, 1.0, 0.5)] == [0.0, 2.0, 1.0]
assert central == 1.0  # f(h) − f(−h) = 2h exactly
assert all(backward(x, r) == 1.0 for x in (0.3, -0.3) for r in (0, 1, 0.5))
assert twice == 0.25 and (relu(relu(h)) - 0.0) / (2 * h) == 0.5
