"""The chain rule: sensitivities of the steps multiply."""

# --8<-- [start:nudge]
import math

x = 1.2
u = x**2  # inner step:  du/dx = 2x
y = math.sin(u)  # outer step:  dy/du = cos(u)

h = 1e-6  # nudge x and follow the nudge through both steps
du = (x + h) ** 2 - u  # how far u moved
dy = math.sin(u + du) - y  # how far y moved
print(f"x moved by {h:.1e}")
print(f"u moved by {du:.4e}  = {du / h:.4f} × the nudge  (2x = {2 * x})")
print(
    f"y moved by {dy:.4e}  = {dy / du:.4f} × u's move  "
    f"(cos u = {math.cos(u):.4f})"
)
print(f"so y moved {dy / h:.4f} × the nudge in x")
# --8<-- [end:nudge]

# --8<-- [start:backward]
dy_dy = 1.0  # start at the answer
dy_du = math.cos(u) * dy_dy  # local derivative × upstream gradient
dy_dx = 2 * x * dy_du  # local derivative × upstream gradient
print(f"backward: dy/dx = 2x · cos(x²) = {dy_dx:.6f}")
# --8<-- [end:backward]

numeric = (math.sin((x + 1e-5) ** 2) - math.sin((x - 1e-5) ** 2)) / 2e-5
assert abs(dy / h - dy_dx) < 1e-5  # the followed nudge agrees...
assert abs(dy_dx - numeric) < 1e-9  # ...and so does a central difference
assert abs(dy_dx - 2 * x * math.cos(x**2)) < 1e-15
