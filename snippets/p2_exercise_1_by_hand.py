"""Exercise 1: every .grad of f = (x + y) / (x * y) + x, by hand."""

from engine import Value
from p2_checks import check_by_hand

# --8<-- [start:graph]
x, y = Value(2.0, label="x"), Value(4.0, label="y")
s = x + y
p = x * y
q = s / p
f = q + x
# --8<-- [end:graph]

# by hand, walking back from f: upstream gradient times local derivative
X, Y, S, P = x.data, y.data, s.data, p.data
hand = {"f": 1.0}
hand["q"] = hand["f"] * 1.0  # f = q + x: df/dq = 1
hand["p"] = hand["q"] * -S / P**2  # q = s/p: dq/dp = -s/p^2
hand["s"] = hand["q"] / P  # dq/ds = 1/p
hand["y"] = hand["s"] * 1.0 + hand["p"] * X  # two uses: in s and in p
hand["x"] = hand["f"] + hand["s"] + hand["p"] * Y  # three uses
for name, g in hand.items():
    print(f"{name}.grad = {g:+.5f}")

print("the checker, given these numbers:")
report = check_by_hand(hand)
print(report)
assert report

# independent truth: f = 1/y + 1/x + x, so df/dx = 1 - 1/x^2, df/dy = -1/y^2
assert abs(hand["x"] - (1 - 1 / X**2)) < 1e-12
assert abs(hand["y"] - (-1 / Y**2)) < 1e-12
f.backward()
nodes = {"f": f, "q": q, "p": p, "s": s, "y": y, "x": x}
assert all(abs(v.grad - hand[k]) < 1e-12 for k, v in nodes.items())
