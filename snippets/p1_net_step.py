"""One step of gradient descent on the 2-2-2 network."""

from p1_net import W, backward, forward
from show import note, table

lr = 0.5  # learning rate


# --8<-- [start:step]
def step(p, lr):
    grads = backward(p, forward(p))  # every gradient first, old weights
    return {k: p[k] - lr * grads[k] for k in p}  # then update them all


# --8<-- [end:step]

new = step(W, lr)
g = backward(W, forward(W))
rows = [(k, f"{W[k]:+.4f}", f"{g[k]:+.8f}", f"{new[k]:+.8f}") for k in W]
print(table(["weight", "old", "∂E/∂w", f"new = old − {lr}·∂E/∂w"], rows))
E0, E1 = forward(W)["E"], forward(new)["E"]
o_old, o_new = forward(W), forward(new)
print(
    note(
        f"error before: E = {E0:.8f}; after one step: "
        f"E = {E1:.8f} ({(E1 - E0) / E0:+.2%})"
    )
)
print(
    note(
        f"outputs before: o1 = {o_old['o1']:.6f}, o2 = {o_old['o2']:.6f}; "
        f"after: o1 = {o_new['o1']:.6f}, o2 = {o_new['o2']:.6f}"
    )
)

# the first-order prediction: E changes by about -lr · |grad|²
predicted = -lr * sum(v * v for v in g.values())
print(
    note(
        f"first-order prediction of the change, −η·Σ(∂E/∂w)²: "
        f"{predicted:+.8f}; actual: {E1 - E0:+.8f}"
    )
)
assert 0.09 < (E0 - E1) / E0 < 0.11  # about a tenth lower
assert o_new["o1"] < o_old["o1"] and o_new["o2"] > o_old["o2"]
assert abs((E1 - E0) - predicted) < 0.05 * abs(predicted)
