"""A tiny language model around one transformer block, and its task.

    params = init_model(rng)                  # every parameter, by name
    tokens, targets = copy_batch(rng, n)      # (n, T) ints each
    loss, grads, logits = model_loss(tokens, targets, params)
    loss = model_loss(tokens, targets, params, backward=False)
    adam_step(params, grads, state, lr)       # updates params in place

The task: HALF random symbols (of SYMBOLS), then the same HALF again;
predict each next symbol. The first half cannot be predicted (loss
log SYMBOLS at best); the second half can, by looking back HALF - 1
positions. (Not L or V: on these pages L is the loss, V the values.)
A module: the demos are p5_model_check.py and p5_train.py.
"""

import numpy as np
from layers import softmax_loss
from layers5 import layernorm_backward
from p5_block import (
    _affine,
    _affine_back,
    _norm,
    block_backward,
    block_forward,
    init_block,
)

SYMBOLS, HALF = 8, 6  # vocabulary size, length of the half that repeats
T = 2 * HALF - 1  # positions the model reads (the last is only read)


def copy_batch(rng, n):
    """n sequences of HALF random symbols, twice: inputs, next symbols."""
    half = rng.integers(0, SYMBOLS, (n, HALF))
    seq = np.concatenate([half, half], axis=1)  # (n, 2 HALF)
    return seq[:, :-1], seq[:, 1:]  # read 0..T-1, predict 1..T


def init_model(rng, d=16):
    params = {"embed": rng.standard_normal((SYMBOLS, d)) * 0.5,
              "pos": rng.standard_normal((T, d)) * 0.5}  # fmt: skip
    params |= init_block(d, rng)
    params |= {"lnf.gamma": np.ones(d), "lnf.beta": np.zeros(d)}
    params["out.w"] = rng.standard_normal((d, SYMBOLS)) / np.sqrt(d)
    params["out.b"] = np.zeros(SYMBOLS)
    return params


# --8<-- [start:loss]
def model_loss(tokens, targets, params, backward=True):
    """Mean cross-entropy of the next symbol, and every gradient."""
    n, t = tokens.shape
    x = params["embed"][tokens] + params["pos"][:t]  # (n, t, d)
    y, c_block = block_forward(x, params)
    u, c_lnf = _norm(y, params, "lnf")
    logits, c_out = _affine(u, params, "out")  # (n, t, SYMBOLS)
    loss, dlogits = softmax_loss(logits.reshape(n * t, -1), targets.ravel())
    if not backward:  # the loss alone: for central differences
        return loss
    g = {}
    du = _affine_back(dlogits.reshape(n, t, -1), c_out, g, "out")
    dy, g["lnf.gamma"], g["lnf.beta"] = layernorm_backward(du, c_lnf)
    dx, g_block = block_backward(dy, c_block)
    g |= g_block
    g["embed"] = np.zeros_like(params["embed"])
    np.add.at(g["embed"], tokens, dx)  # a gather's backward: add rows
    g["pos"] = np.zeros_like(params["pos"])
    g["pos"][:t] = dx.sum(axis=0)  # broadcast over the batch: a sum
    return loss, g, logits
    # --8<-- [end:loss]


def per_position_loss(logits, targets):
    """Cross-entropy at every position, (n, t): for the two halves."""
    z = logits - logits.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    return -np.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]


# --8<-- [start:adam]
def adam_step(params, g, state, lr=0.01, b1=0.9, b2=0.999, eps=1e-8):
    """Adam (Kingma and Ba, 2015), in place: each parameter moves by its
    running mean gradient over the root of its running mean square."""
    state["t"] = t = state.get("t", 0) + 1
    for name in params:
        m = state.setdefault(("m", name), np.zeros_like(params[name]))
        s = state.setdefault(("s", name), np.zeros_like(params[name]))
        m += (1 - b1) * (g[name] - m)  # m = b1 m + (1 - b1) g
        s += (1 - b2) * (g[name] ** 2 - s)  # s = b2 s + (1 - b2) g^2
        # both start at 0: divide by 1 - b^t to undo the pull towards 0
        step = m / (1 - b1**t) / (np.sqrt(s / (1 - b2**t)) + eps)
        params[name] -= lr * step  # about lr per entry, whatever g's scale
    # --8<-- [end:adam]
