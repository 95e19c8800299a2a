"""A 2-2-2 sigmoid network with squared error, every number by name."""

# --8<-- [start:forward]
import math

x1, x2 = 0.8, 0.2  # the inputs (the question)
t1, t2 = 0.1, 0.9  # the targets (the answer we want)
# w1..w4, b1, b2: inputs -> hidden;  w5..w8, b3, b4: hidden -> outputs
W = dict(w1=0.3, w2=-0.4, w3=0.6, w4=0.1, b1=0.1, b2=-0.2)  # into hidden
W |= dict(w5=0.7, w6=-0.5, w7=0.2, w8=0.9, b3=0.05, b4=-0.1)  # into outputs


def sigmoid(v):
    return 1 / (1 + math.exp(-v))


def forward(p):
    net_h1 = p["w1"] * x1 + p["w2"] * x2 + p["b1"]
    net_h2 = p["w3"] * x1 + p["w4"] * x2 + p["b2"]
    h1, h2 = sigmoid(net_h1), sigmoid(net_h2)
    net_o1 = p["w5"] * h1 + p["w6"] * h2 + p["b3"]
    net_o2 = p["w7"] * h1 + p["w8"] * h2 + p["b4"]
    o1, o2 = sigmoid(net_o1), sigmoid(net_o2)
    E1, E2 = 0.5 * (o1 - t1) ** 2, 0.5 * (o2 - t2) ** 2
    return (
        dict(net_h1=net_h1, net_h2=net_h2, h1=h1, h2=h2)
        | dict(net_o1=net_o1, net_o2=net_o2, o1=o1, o2=o2)
        | dict(E1=E1, E2=E2, E=E1 + E2)
    )


# --8<-- [end:forward]


# --8<-- [start:backward]
def backward(p, v):
    # output layer: ∂E/∂net_o = ∂E/∂o · ∂o/∂net_o = (o - t) · o(1 - o)
    dnet_o1 = (v["o1"] - t1) * v["o1"] * (1 - v["o1"])
    dnet_o2 = (v["o2"] - t2) * v["o2"] * (1 - v["o2"])
    # each hidden unit feeds both outputs: its gradient is a sum
    dh1 = dnet_o1 * p["w5"] + dnet_o2 * p["w7"]
    dh2 = dnet_o1 * p["w6"] + dnet_o2 * p["w8"]
    dnet_h1 = dh1 * v["h1"] * (1 - v["h1"])  # sigmoid' = h(1 - h)
    dnet_h2 = dh2 * v["h2"] * (1 - v["h2"])
    # a weight's gradient: the gradient at its unit × what it multiplies
    h1, h2 = v["h1"], v["h2"]
    return (
        dict(w1=dnet_h1 * x1, w2=dnet_h1 * x2, b1=dnet_h1)
        | dict(w3=dnet_h2 * x1, w4=dnet_h2 * x2, b2=dnet_h2)
        | dict(w5=dnet_o1 * h1, w6=dnet_o1 * h2, b3=dnet_o1)
        | dict(w7=dnet_o2 * h1, w8=dnet_o2 * h2, b4=dnet_o2)
    )


# --8<-- [end:backward]


assert abs(forward(W)["h1"] - sigmoid(0.3 * 0.8 - 0.4 * 0.2 + 0.1)) < 1e-15
