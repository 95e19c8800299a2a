"""Exercise: y = x · x is a product whose two inputs are the same x."""

x = 3.0
y = x * x
dy = 1.0
d_left = x * dy  # multiply: gradient to the left input = the right input
d_right = x * dy  # and to the right input = the left input
dx = d_left + d_right  # both inputs are x: the paths add
numeric = ((x + 1e-5) ** 2 - (x - 1e-5) ** 2) / 2e-5
print(f"one path: {d_left}, both paths: {dx}, numeric: {numeric:.6f}")
assert dx == 2 * x  # the power rule, recovered from the fork rule
assert abs(dx - numeric) < 1e-8
