"""Exercise: give h1 its turn too early and its gradient is incomplete."""

from p1_net import W, backward, forward, x1

v = forward(W)
g = backward(W, v)
d_o1, d_o2 = g["b3"], g["b4"]  # each output unit's δ (dE/db3 = δo1)
partial = d_o2 * W["w7"]  # h1's turn right after o2's: one share only
complete = partial + d_o1 * W["w5"]  # after o1's turn as well: both
slope = v["h1"] * (1 - v["h1"])  # σ' at h1
print(f"∂E/∂h1 with o2's share only:  {partial:+.4f}")
print(f"∂E/∂h1 with both shares:      {complete:+.4f}")
print(f"∂E/∂w1 from the early turn:   {partial * slope * x1:+.6f}")
print(f"∂E/∂w1, the right one:        {g['w1']:+.6f}")

h = 1e-6  # a central difference sides with the complete gradient
up, down = dict(W, w1=W["w1"] + h), dict(W, w1=W["w1"] - h)
numeric = (forward(up)["E"] - forward(down)["E"]) / (2 * h)
assert abs(complete * slope * x1 - g["w1"]) < 1e-15  # the same pass
assert abs(g["w1"] - numeric) < 1e-9
assert partial < 0 < complete  # the early turn even has the wrong sign
assert (round(partial, 4), round(complete, 4)) == (-0.0126, 0.0638)
