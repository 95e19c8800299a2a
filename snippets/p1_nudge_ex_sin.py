"""Exercise: the slope of sin at x = 1, by nudging, against cos(1)."""

import math

x, h = 1.0, 1e-5
forward = (math.sin(x + h) - math.sin(x)) / h
central = (math.sin(x + h) - math.sin(x - h)) / (2 * h)
exact = math.cos(x)  # d/dx sin(x) = cos(x)
print(f"forward difference: {forward:.12f}  error {forward - exact:+.1e}")
print(f"central difference: {central:.12f}  error {central - exact:+.1e}")
print(f"exact cos(1):       {exact:.12f}")
# forward error ≈ -h·sin x/2; central error ≈ -h²·cos x/6
assert abs((forward - exact) / (-h * math.sin(x) / 2) - 1) < 0.01
assert abs(central - exact) < 1e-10
assert abs(forward - exact) > 1e5 * abs(central - exact)
