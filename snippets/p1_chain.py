"""The chain rule: sensitivities of the steps multiply."""

# --8<-- [start:nudge]
import math

x = 1.2
u = x**2  # inner step: local derivative 2x
y = math.sin(u)  # outer step: local derivative cos(u)

h = 1e-6  # nudge x and follow the nudge through both steps
u_moved = (x + h) ** 2 - u  # how far u moved
y_moved = math.sin(u + u_moved) - y  # how far y moved
print(f"x moved by {h:.1e}")
print(
    f"u moved by {u_moved:.4e}  = {u_moved / h:.4f} × the nudge  "
    f"(2x = {2 * x})"
)
print(
    f"y moved by {y_moved:.4e}  = {y_moved / u_moved:.4f} × u's move  "
    f"(cos u = {math.cos(u):.4f})"
)
print(f"so y moved {y_moved / h:.4f} × the nudge in x")
# --8<-- [end:nudge]

# --8<-- [start:backward]
dy = 1.0  # dy/dy = 1: start at the answer
du = math.cos(u) * dy  # dy/du = local cos(u) × upstream dy/dy
dx = 2 * x * du  # dy/dx = local 2x × upstream dy/du
print(f"backward: dy/dx = 2x · cos(x²) = {dx:.6f}")
# --8<-- [end:backward]

numeric = (math.sin((x + 1e-5) ** 2) - math.sin((x - 1e-5) ** 2)) / 2e-5
assert abs(y_moved / h - dx) < 1e-5  # the followed nudge agrees...
assert abs(dx - numeric) < 1e-9  # ...and so does a central difference
assert abs(dx - 2 * x * math.cos(x**2)) < 1e-15
assert round(2 * x, 4) == 2.4 and round(math.cos(u), 4) == 0.1304  # prose
