"""Train with the right update and with the too-early one, side by side."""

from p1_net import W, backward, forward

lr, OUT = 0.5, ["w5", "w6", "w7", "w8", "b3", "b4"]


def right_step(p):
    g = backward(p, forward(p))
    return {k: p[k] - lr * g[k] for k in p}


def early_step(p):  # the mistake: hidden layer sees the NEW output weights
    v = forward(p)
    g = backward(p, v)
    q = {k: p[k] - lr * g[k] if k in OUT else p[k] for k in p}
    g_bad = backward(q, v)
    return {k: q[k] if k in OUT else p[k] - lr * g_bad[k] for k in p}


right, early = dict(W), dict(W)
print(" step   E (right)      E (too early)")
for step in range(1, 201):
    right, early = right_step(right), early_step(early)
    if step in (1, 10, 100, 200):
        Er, Ee = forward(right)["E"], forward(early)["E"]
        print(f"{step:5d}   {Er:.6e}   {Ee:.6e}")

Er, Ee = forward(right)["E"], forward(early)["E"]
assert abs(Ee / Er - 1) < 0.05  # training curves nearly identical...
assert right != early  # ...but different weights, from different "grads"
