"""Exercise: the gradient of the error with respect to the input x1."""

import p1_net
from p1_net import W, forward

v = forward(W)
o1, o2, h1, h2 = v["o1"], v["o2"], v["h1"], v["h2"]
d_o1 = (o1 - p1_net.t1) * o1 * (1 - o1)
d_o2 = (o2 - p1_net.t2) * o2 * (1 - o2)
d_h1 = (d_o1 * W["w5"] + d_o2 * W["w7"]) * h1 * (1 - h1)
d_h2 = (d_o1 * W["w6"] + d_o2 * W["w8"]) * h2 * (1 - h2)
dx1 = d_h1 * W["w1"] + d_h2 * W["w3"]  # x1 feeds both: sum over paths

h, x1 = 1e-6, p1_net.x1
p1_net.x1 = x1 + h  # forward() reads the module's x1: nudge it
E_up = forward(W)["E"]
p1_net.x1 = x1 - h
E_down = forward(W)["E"]
p1_net.x1 = x1
numeric = (E_up - E_down) / (2 * h)
print(f"∂E/∂x1 backward: {dx1:+.8f}")
print(f"∂E/∂x1 numeric:  {numeric:+.8f}")
assert abs(dx1 - numeric) < 1e-9
