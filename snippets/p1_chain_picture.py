"""y = sin(x²) as the two-line picture: values forward, gradients back."""

import math

from diagrams import two_line_svg
from show import figure

x = 1.2
u = x**2
y = math.sin(u)
dy = 1.0
du = math.cos(u) * dy  # local derivative of sin, times upstream
dx = 2 * x * du  # local derivative of the square, times upstream
title = "y = sin(x²) at x = 1.2, forward and backward"
svg = two_line_svg(
    ["x", "u", "y"],
    [x, u, y],
    [dx, du, dy],
    ops=["square", "sin"],
    locals_=["× 2x", "× cos u"],
    title=title,
)
print(figure(svg, css_class="p1-narrow"))  # a small figure: keep it small

assert abs(dx - 2 * x * math.cos(x**2)) < 1e-15
