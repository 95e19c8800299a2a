"""A pre-norm transformer block by hand, from the site's layers.

    params = init_block(D, rng)               # {"ln1.gamma": ..., ...}
    y, cache = block_forward(x, params)       # x (N, T, D) -> y (N, T, D)
    dx, grads = block_backward(dy, cache)     # grads: the keys of params

    h = x + attention(LN1(x) Wq, LN1(x) Wk, LN1(x) Wv) Wo    (+ biases)
    y = h + relu(LN2(h) W1 + b1) W2 + b2

Every projection is an affine layer on the N*T rows of its input; the
attention is causal unless causal=False. A module: it prints nothing.
"""

import numpy as np
from layers import (
    affine_backward,
    affine_forward,
    relu_backward,
    relu_forward,
)
from layers5 import (
    attention_backward,
    attention_forward,
    layernorm_backward,
    layernorm_forward,
)


def init_block(d, rng, hidden=None):
    """Parameters for width d: weights ~ N(0, 1/fan_in), gains 1."""
    hidden = hidden or 4 * d
    params = {"ln1.gamma": np.ones(d), "ln1.beta": np.zeros(d)}
    for name in "qkvo":
        params[f"{name}.w"] = rng.standard_normal((d, d)) / np.sqrt(d)
        params[f"{name}.b"] = np.zeros(d)
    params |= {"ln2.gamma": np.ones(d), "ln2.beta": np.zeros(d)}
    params["fc1.w"] = rng.standard_normal((d, hidden)) * np.sqrt(2 / d)
    params["fc1.b"] = np.zeros(hidden)
    params["fc2.w"] = rng.standard_normal((hidden, d)) / np.sqrt(hidden)
    params["fc2.b"] = np.zeros(d)
    return params


# --8<-- [start:helpers]
def _affine(x, params, name):
    """Part 3's affine layer on the last axis of x (..., D): every one of
    the N T positions is a row; weights params[name.w], params[name.b]."""
    w, b = params[f"{name}.w"], params[f"{name}.b"]
    out, cache = affine_forward(x.reshape(-1, x.shape[-1]), w, b)
    return out.reshape(*x.shape[:-1], -1), cache


def _affine_back(dout, cache, grads, name):
    """_affine's backward: dx, and dw, db stored in grads[name.w, name.b]."""
    dx, grads[f"{name}.w"], grads[f"{name}.b"] = affine_backward(
        dout.reshape(-1, dout.shape[-1]), cache
    )
    return dx.reshape(*dout.shape[:-1], -1)


def _norm(x, params, name):
    """layernorm_forward with gains params[name.gamma], params[name.beta]."""
    gamma, beta = params[f"{name}.gamma"], params[f"{name}.beta"]
    return layernorm_forward(x, gamma, beta)
    # --8<-- [end:helpers]


# --8<-- [start:forward]
def block_forward(x, params, causal=True):
    """x (N, T, D) -> y (N, T, D): two residual branches, each pre-norm."""
    a, c_ln1 = _norm(x, params, "ln1")  # 1
    q, c_q = _affine(a, params, "q")  # 2: a is used three times (a fork)
    k, c_k = _affine(a, params, "k")  # 3
    v, c_v = _affine(a, params, "v")  # 4
    att, c_att = attention_forward(q, k, v, causal)  # 5
    o, c_o = _affine(att, params, "o")  # 6
    h = x + o  # 7: the first residual connection
    m, c_ln2 = _norm(h, params, "ln2")  # 8
    z, c_fc1 = _affine(m, params, "fc1")  # 9
    r, c_relu = relu_forward(z)  # 10
    f, c_fc2 = _affine(r, params, "fc2")  # 11
    y = h + f  # 12: the second residual connection
    cache = (c_ln1, c_q, c_k, c_v, c_att, c_o, c_ln2, c_fc1, c_relu, c_fc2)
    return y, cache
    # --8<-- [end:forward]


# --8<-- [start:backward]
def block_backward(dy, cache):
    """dy (N, T, D) -> dx (N, T, D) and {name: gradient} for every param."""
    c_ln1, c_q, c_k, c_v, c_att, c_o, c_ln2, c_fc1, c_relu, c_fc2 = cache
    g = {}
    dh = dy.copy()  # 12: y = h + f sends dy to both, unchanged
    dr = _affine_back(dy, c_fc2, g, "fc2")  # 11
    dz = relu_backward(dr, c_relu)  # 10
    dm = _affine_back(dz, c_fc1, g, "fc1")  # 9
    dh2, g["ln2.gamma"], g["ln2.beta"] = layernorm_backward(dm, c_ln2)  # 8
    dh += dh2  # h was used twice (skip and branch): the gradients add
    dx = dh.copy()  # 7: h = x + o
    datt = _affine_back(dh, c_o, g, "o")  # 6
    dq, dk, dv = attention_backward(datt, c_att)  # 5
    da = _affine_back(dv, c_v, g, "v")  # 4
    da += _affine_back(dk, c_k, g, "k")  # 3: the fork adds
    da += _affine_back(dq, c_q, g, "q")  # 2
    dx1, g["ln1.gamma"], g["ln1.beta"] = layernorm_backward(da, c_ln1)  # 1
    dx += dx1  # x was used twice too
    return dx, g
    # --8<-- [end:backward]
