"""Gradient norm per layer at initialisation: sigmoid stack vs ReLU stack."""

import numpy as np
from layers import sigmoid_forward
from p4_plot import C1, C2, axes, svg
from show import figure, note

rng = np.random.default_rng(0)
depth, width, batch = 20, 100, 64
x = rng.standard_normal((batch, width))
dout = rng.standard_normal((batch, width)) / batch  # d(loss)/d(last output)


# --8<-- [start:stack]
def sigmoid(z):  # 1 / (1 + e^-z), without overflow for any z
    return sigmoid_forward(z)[0]


def layer_grad_norms(act, dact, std):
    """||dW|| for every layer of a `depth`-layer stack, first layer first."""
    Ws = [rng.standard_normal((width, width)) * std for _ in range(depth)]
    hs, zs = [x], []
    for W in Ws:  # forward: z = h W, h' = act(z)
        zs.append(hs[-1] @ W)
        hs.append(act(zs[-1]))
    norms, dh = [], dout
    for W, z, h in zip(Ws[::-1], zs[::-1], hs[-2::-1]):  # backward
        dz = dh * dact(z)  # local derivative of the activation
        norms.append(np.linalg.norm(h.T @ dz))  # dW = h^T dz
        dh = dz @ W.T  # dh = dz W^T: the gradient for the layer below
    return norms[::-1]


sig = layer_grad_norms(sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z)),
                       std=1 / np.sqrt(width))  # fmt: skip
relu = layer_grad_norms(lambda z: np.maximum(z, 0), lambda z: z > 0,
                        std=np.sqrt(2 / width))  # fmt: skip
# --8<-- [end:stack]

fig, ax = axes()
layers = np.arange(1, depth + 1)
ax.semilogy(layers, sig, "o-", color=C1, label="sigmoid, std 1/√n")
ax.semilogy(layers, relu, "s-", color=C2, label="ReLU, std √(2/n)")
ax.set_xlabel("layer (1 = nearest the input)")
ax.set_ylabel("‖dW‖ at initialisation")
ax.set_xticks(layers[::2] + 1)
ax.legend(frameon=False)
desc = (f"Across {depth} layers the sigmoid stack's gradient norm falls "
        f"from {sig[-1]:.1e} at the top to {sig[0]:.1e} at layer 1; "
        f"the ReLU stack stays between {min(relu):.1e} and "
        f"{max(relu):.1e}.")  # fmt: skip
title = "Gradient norm per layer, sigmoid vs ReLU"
print(figure(svg(fig, "vanish", title, desc)))
print(note(f"sigmoid: layer 1 / layer {depth} = {sig[0] / sig[-1]:.1e}; "
           f"ReLU: {relu[0] / relu[-1]:.2f}"))  # fmt: skip

assert sig[0] / sig[-1] < 1e-10  # sigmoid: vanishes by > 10 decades
assert all(a < b for a, b in zip(sig, sig[1:]))  # shrinks every layer down
assert 0.1 < relu[0] / relu[-1] < 10  # ReLU + He init: same order
