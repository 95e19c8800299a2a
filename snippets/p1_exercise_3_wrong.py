"""Exercise 3: what the checker says about two typical slips."""

from p1_checks import check_network


def forward(p, x, t):
    n1 = p["w1"] * x[0] + p["w2"] * x[1] + p["b1"]
    n2 = p["w3"] * x[0] + p["w4"] * x[1] + p["b2"]
    h1, h2 = max(0.0, n1), max(0.0, n2)
    o = p["w5"] * h1 + p["w6"] * h2 + p["b3"]
    return dict(net_h1=n1, net_h2=n2, h1=h1, h2=h2, o=o)


def backward(p, x, t):
    v = forward(p, x, t)
    do = v["o"] - t
    dn1 = do * p["w5"] if v["net_h1"] > 0 else 0.0
    dn2 = do * p["w6"]  # slip 1: the relu of h2 is forgotten
    return dict(
        w1=dn1 * x[1], w2=dn1 * x[0],  # slip 2: x[0] and x[1] swapped
        w3=dn2 * x[0], w4=dn2 * x[1], b1=dn1, b2=dn2,
        w5=do * v["h1"], w6=do * v["h2"], b3=do,
    )  # fmt: skip


report = check_network(backward)
print(report)
assert not report
