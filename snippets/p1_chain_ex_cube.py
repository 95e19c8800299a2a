"""Exercise: y = (2x + 1)³ at x = 0.5, as a chain of two steps."""

x = 0.5
u = 2 * x + 1  # step 1: local derivative 2
y = u**3  # step 2: local derivative 3u²

dy = 1.0
du = 3 * u**2 * dy  # 3 · 2² = 12
dx = 2 * du  # 2 · 12 = 24
numeric = ((2 * (x + 1e-5) + 1) ** 3 - (2 * (x - 1e-5) + 1) ** 3) / 2e-5
print(f"u = {u}, y = {y}")
print(f"dy/du = {du}, dy/dx = {dx}, numeric = {numeric:.6f}")
assert dx == 6 * (2 * x + 1) ** 2 == 24  # by hand: 3(2x+1)² · 2
assert abs(dx - numeric) < 1e-8
