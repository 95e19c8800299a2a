"""Exercise 3, solution: every gradient of the 2-2-1 relu net, one step."""

import numpy as np
from gradcheck import numeric_grad
from p1_checks import check_network

x, t = (0.5, -1.0), 1.0
P = dict(w1=0.4, w2=-0.6, w3=-0.3, w4=0.5, w5=0.8, w6=-0.7)
P |= dict(b1=0.1, b2=0.2, b3=0.1)


def forward(p, x, t):  # as given
    net_h1 = p["w1"] * x[0] + p["w2"] * x[1] + p["b1"]
    net_h2 = p["w3"] * x[0] + p["w4"] * x[1] + p["b2"]
    h1, h2 = max(0.0, net_h1), max(0.0, net_h2)
    o = p["w5"] * h1 + p["w6"] * h2 + p["b3"]
    E = 0.5 * (o - t) ** 2
    return dict(net_h1=net_h1, net_h2=net_h2, h1=h1, h2=h2, o=o, E=E)


def backward(p, x, t):
    v = forward(p, x, t)
    do = v["o"] - t  # dE/do for E = ½(o − t)²
    dh1, dh2 = do * p["w5"], do * p["w6"]  # multiply swaps
    dn1 = dh1 if v["net_h1"] > 0 else 0.0  # relu = max(0, net) routes
    dn2 = dh2 if v["net_h2"] > 0 else 0.0
    return dict(
        w1=dn1 * x[0], w2=dn1 * x[1], w3=dn2 * x[0], w4=dn2 * x[1],
        w5=do * v["h1"], w6=do * v["h2"], b1=dn1, b2=dn2, b3=do,
    )  # fmt: skip


g = backward(P, x, t)
new = {k: P[k] - 0.5 * g[k] for k in P}  # one step, learning rate 0.5
for row in ["w1 w2 b1", "w3 w4 b2", "w5 w6 b3"]:  # + 0.0: no "-0.000"
    print("  ".join(f"d{k} = {g[k] + 0.0:+.3f}" for k in row.split()))
E0, E1 = forward(P, x, t)["E"], forward(new, x, t)["E"]
print(f"E before: {E0:.6f}   after one step: {E1:.6f}")
report = check_network(backward)
print(report)

assert report and E1 < E0
assert forward(P, x, t)["net_h2"] < 0  # h2 is off: its weights get 0
assert g["w3"] == g["w4"] == g["b2"] == g["w6"] == 0.0
assert all(new[k] == P[k] for k in ["w3", "w4", "b2", "w6"])  # no step
v = np.array(list(P.values()))
num = numeric_grad(lambda: forward(dict(zip(P, v)), x, t)["E"], v)
assert np.allclose([g[k] for k in P], num, atol=1e-9)
