"""A tiny language model around one transformer block, and its task.

    p = init_model(rng)                       # every parameter, by name
    tokens, targets = copy_batch(rng, n)      # (n, T) ints each
    loss, grads, logits = model_loss(tokens, targets, p)
    loss = model_loss(tokens, targets, p, backward=False)
    adam_step(p, grads, state, lr)            # updates p in place

The task: L random symbols, then the same L again; predict each next
symbol. The first half cannot be predicted (loss log V at best); the
second half can, by looking back L - 1 positions. A module: the demos
are p5_model_check.py and p5_train.py.
"""

import numpy as np
from layers import affine_backward, affine_forward, softmax_loss
from layers5 import layernorm_backward, layernorm_forward
from p5_block import block_backward, block_forward, init_block

V, L = 8, 6  # symbols, length of the half that repeats
T = 2 * L - 1  # positions the model reads (the last symbol is only read)


def copy_batch(rng, n):
    """n sequences of L random symbols, twice: inputs and next symbols."""
    half = rng.integers(0, V, (n, L))
    seq = np.concatenate([half, half], axis=1)  # (n, 2L)
    return seq[:, :-1], seq[:, 1:]  # read 0..2L-2, predict 1..2L-1


def init_model(rng, d=16):
    p = {"embed": rng.standard_normal((V, d)) * 0.5,
         "pos": rng.standard_normal((T, d)) * 0.5}  # fmt: skip
    p |= init_block(d, rng)
    p |= {"lnf.gamma": np.ones(d), "lnf.beta": np.zeros(d)}
    p["out.w"] = rng.standard_normal((d, V)) / np.sqrt(d)
    p["out.b"] = np.zeros(V)
    return p


# --8<-- [start:loss]
def model_loss(tokens, targets, p, backward=True):
    """Mean cross-entropy of the next symbol, and every gradient."""
    n, t = tokens.shape
    x = p["embed"][tokens] + p["pos"][:t]  # (n, t, d): a gather, an add
    y, c_block = block_forward(x, p)
    u, c_lnf = layernorm_forward(y, p["lnf.gamma"], p["lnf.beta"])
    logits, c_out = affine_forward(u.reshape(n * t, -1),
                                   p["out.w"], p["out.b"])  # fmt: skip
    loss, dlogits = softmax_loss(logits, targets.reshape(-1))
    if not backward:  # the loss alone: for central differences
        return loss
    g = {}
    du, g["out.w"], g["out.b"] = affine_backward(dlogits, c_out)
    dy, g["lnf.gamma"], g["lnf.beta"] = layernorm_backward(
        du.reshape(u.shape), c_lnf)  # fmt: skip
    dx, g_block = block_backward(dy, c_block)
    g |= g_block
    g["embed"] = np.zeros_like(p["embed"])
    np.add.at(g["embed"], tokens, dx)  # a gather's backward: add rows
    g["pos"] = np.zeros_like(p["pos"])
    g["pos"][:t] = dx.sum(axis=0)  # broadcast over the batch: a sum
    return loss, g, logits.reshape(n, t, -1)
    # --8<-- [end:loss]


def per_position_loss(logits, targets):
    """Cross-entropy at every position, (n, t): for the two halves."""
    z = logits - logits.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    return -np.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]


def adam_step(p, g, state, lr=0.01, b1=0.9, b2=0.999, eps=1e-8):
    """Adam (Kingma and Ba, 2015): a step per parameter, in place."""
    state["t"] = t = state.get("t", 0) + 1
    for name in p:
        m = state.setdefault(("m", name), np.zeros_like(p[name]))
        s = state.setdefault(("s", name), np.zeros_like(p[name]))
        m += (1 - b1) * (g[name] - m)  # running mean of the gradient
        s += (1 - b2) * (g[name] ** 2 - s)  # ... and of its square
        step = m / (1 - b1**t) / (np.sqrt(s / (1 - b2**t)) + eps)
        p[name] -= lr * step
