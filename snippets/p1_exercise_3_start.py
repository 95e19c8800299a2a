"""Exercise 3, the starting file: a 2-2-1 relu network, backward by hand."""

from p1_checks import check_network

x, t = (0.5, -1.0), 1.0  # the input and the target
P = dict(w1=0.4, w2=-0.6, w3=-0.3, w4=0.5, w5=0.8, w6=-0.7)
P |= dict(b1=0.1, b2=0.2, b3=0.1)  # biases of h1, h2 and the output


def forward(p, x, t):
    net_h1 = p["w1"] * x[0] + p["w2"] * x[1] + p["b1"]
    net_h2 = p["w3"] * x[0] + p["w4"] * x[1] + p["b2"]
    h1, h2 = max(0.0, net_h1), max(0.0, net_h2)  # relu
    o = p["w5"] * h1 + p["w6"] * h2 + p["b3"]  # a linear output
    E = 0.5 * (o - t) ** 2
    return dict(net_h1=net_h1, net_h2=net_h2, h1=h1, h2=h2, o=o, E=E)


def backward(p, x, t):
    """Every dE/dw as a dict: {"w1": ..., "w6": ..., "b1": ..., "b3": ...}."""
    # start from v = forward(p, x, t): it holds every value you need
    raise NotImplementedError("your backward pass here")


report = check_network(backward)  # it never raises
print(report)  # one line per value; `if report:` is True when all ok
