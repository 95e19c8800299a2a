"""The classic mistake: update the output weights, then keep going back."""

from p1_net import W, backward, forward
from show import note, table

lr = 0.5
v = forward(W)  # one forward pass, cached values
g = backward(W, v)  # the right way: every gradient uses the old weights
right = {k: W[k] - lr * g[k] for k in W}

# --8<-- [start:mistake]
wrong = dict(W)
out = ["w5", "w6", "w7", "w8", "b3", "b4"]
for k in out:  # update the output layer as soon as its gradients are known
    wrong[k] = W[k] - lr * g[k]
g_bad = backward(wrong, v)  # ...then backpropagate through the NEW w5..w8
for k in ["w1", "w2", "w3", "w4", "b1", "b2"]:
    wrong[k] = W[k] - lr * g_bad[k]
# --8<-- [end:mistake]

rows = [
    (k, f"{g[k]:+.8f}", f"{g_bad[k]:+.8f}", f"{g_bad[k] / g[k] - 1:+.1%}")
    for k in ["w1", "w2", "w3", "w4", "b1", "b2"]
]
print(
    table(["weight", "∂E/∂w (right)", "with updated w5..w8", "off by"], rows)
)
E0, E_right = forward(W)["E"], forward(right)["E"]
E_wrong = forward(wrong)["E"]
print(
    note(
        f"error after one step: right {E_right:.8f}, with the "
        f"mistake {E_wrong:.8f} (started at {E0:.8f})"
    )
)

h = 1e-6
up, down = dict(W, w1=W["w1"] + h), dict(W, w1=W["w1"] - h)
numeric = (forward(up)["E"] - forward(down)["E"]) / (2 * h)
print(
    note(
        f"central difference for w1: {numeric:+.8f} — it agrees with the "
        f"right gradient, not with the mistaken one"
    )
)

assert all(g[k] == g_bad[k] for k in out)  # output layer: unaffected
assert all(0.03 < abs(g_bad[k] / g[k] - 1) < 0.1 for k in g if k not in out)
assert abs(g["w1"] - numeric) < 1e-9  # the right one passes the check
assert abs(g_bad["w1"] - numeric) > 1e-4  # the mistake fails it
assert E_wrong < E_right  # not worse here: just not the gradient
