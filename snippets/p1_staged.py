"""f(x, y) = (x·σ(y) + y) / (1 + (x − y)²) in stages, forward and back."""

# --8<-- [start:forward]
import math

x, y = 1.0, -0.5
sy = 1 / (1 + math.exp(-y))  # [1] σ(y)
p = x * sy  # [2]
num = p + y  # [3] numerator
diff = x - y  # [4]
sq = diff**2  # [5]
den = 1 + sq  # [6] denominator
inv = 1 / den  # [7]
f = num * inv  # [8]
# --8<-- [end:forward]

# --8<-- [start:backward]
df = 1.0
dnum, dinv = inv * df, num * df  # [8] multiply swaps
dden = -1 / den**2 * dinv  # [7] 1/den: local -1/den²
dsq = 1.0 * dden  # [6] add passes it on
ddiff = 2 * diff * dsq  # [5] diff²: local 2·diff
dx, dy = 1.0 * ddiff, -1.0 * ddiff  # [4] x − y: +1 for x, −1 for y
dp, dy_3 = dnum, dnum  # [3] add distributes
dy += dy_3  # y was used again in [3]: add
dx += sy * dp  # [2] multiply swaps; x was used in [4] too: add
dsy = x * dp
dy += sy * (1 - sy) * dsy  # [1] σ' = σ(1 − σ); y's third use: add
# --8<-- [end:backward]

# --8<-- [start:check]
print(f"backward:             ∂f/∂x = {dx:.6f}   ∂f/∂y = {dy:.6f}")


def fn(x, y):
    return (x / (1 + math.exp(-y)) + y) / (1 + (x - y) ** 2)


h = 1e-6
num_x = (fn(x + h, y) - fn(x - h, y)) / (2 * h)
num_y = (fn(x, y + h) - fn(x, y - h)) / (2 * h)
print(f"central differences:  ∂f/∂x = {num_x:.6f}   ∂f/∂y = {num_y:.6f}")
# --8<-- [end:check]
assert abs(fn(x, y) - f) < 1e-15
assert abs(dx - num_x) < 1e-8 and abs(dy - num_y) < 1e-8
