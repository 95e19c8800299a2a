"""Forward through a four-step chain, backward through it, then check."""

# --8<-- [start:forward]
import math

x = 1.5  # the question
a = x**2  # step 1: square
b = 3 * a  # step 2: scale
c = b - 5  # step 3: shift
y = 1 / (1 + math.exp(-c))  # step 4: sigmoid -> the answer
# --8<-- [end:forward]

# --8<-- [start:backward]
# dv holds dy/dv: how strongly the answer y depends on v
dy = 1.0  # dy/dy = 1: start at the answer
dc = y * (1 - y) * dy  # y = sigmoid(c): local y(1 - y), times dy/dy
db = 1 * dc  # c = b - 5: local 1, times dy/dc
da = 3 * db  # b = 3a: local 3, times dy/db
dx = 2 * x * da  # a = x**2: local 2x, times dy/da
# --8<-- [end:backward]


# --8<-- [start:check]
def f(x):
    return 1 / (1 + math.exp(-(3 * x**2 - 5)))


h = 1e-5
numeric = (f(x + h) - f(x - h)) / (2 * h)  # central difference
print(f"forward:  y     = {y:.6f}")
print(f"backward: dy/dx = {dx:.6f}")
print(f"numeric:  dy/dx = {numeric:.6f}")
print(f"difference      = {abs(dx - numeric):.1e}")
# --8<-- [end:check]

# --8<-- [start:claims]
assert abs(y - f(x)) < 1e-15  # the four steps are the formula
assert abs(dx - numeric) < 1e-6  # backward agrees with the nudge
# --8<-- [end:claims]
