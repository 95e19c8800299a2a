# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The transformer block by hand
#
# Part 5 in one sitting: a pre-norm transformer block written out with the
# forward/backward pairs of `layers.py` and `layers5.py`, every gradient
# checked against central differences, then a tiny model built around it
# and trained on a sequence task it generates itself.
#
# **Run it yourself:** download [this notebook with `layers.py`,
# `layers5.py` and `gradcheck.py`, the modules it imports, as one
# folder](../transformer-by-hand.zip) (or one by one:
# [the notebook](../transformer-by-hand.ipynb), [layers.py](../layers.py),
# [layers5.py](../layers5.py), [gradcheck.py](../gradcheck.py)), open the
# notebook in Jupyter and run all cells. You need only numpy and
# matplotlib.

# %%
import matplotlib.pyplot as plt
import numpy as np
from gradcheck import check_layer, numeric_grad, rel_error
from layers import affine_backward, affine_forward, softmax_loss
from layers5 import (
    attention_backward,
    attention_forward,
    layernorm_backward,
    layernorm_forward,
)

rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. Trust the parts
#
# The block is made of layer norm, affine layers, causal attention and a
# ReLU. Before building with them, check each backward pass against
# central differences. The thresholds are those of
# [gradient checking](../../part-3/gradient-checking/) and the glossary:
# below $10^{-7}$ is agreement, above $10^{-4}$ a bug, in between suspect.
# A correct float64 layer lands far below the line, near $10^{-10}$, which
# is what you will see here; the whole block, with more roundings in a
# row, is held to the same $10^{-7}$.

# %%
x0 = rng.normal(size=(2, 3, 5))  # (N, T, D)
g0, b0 = rng.normal(size=5), rng.normal(size=5)
q0, k0, v0 = rng.normal(size=(3, 2, 4, 3))
errors = {
    "layer norm": check_layer(layernorm_forward, layernorm_backward,
                              x0, g0, b0),
    "attention, causal": check_layer(
        lambda q, k, v: attention_forward(q, k, v, causal=True),
        attention_backward, q0, k0, v0),
    "affine": check_layer(affine_forward, affine_backward, x0[0],
                          rng.normal(size=(5, 2)), rng.normal(size=2)),
}
for name, errs in errors.items():
    print(f"{name:18}", " ".join(f"{e:.0e}" for e in errs))
assert max(max(errs) for errs in errors.values()) < 1e-7  # agreement

# %% [markdown]
# ## 2. The block, forward and backward
#
# $X' = X + \mathrm{attention}(Q, K, V)\,W_o + b_o$ with $Q, K, V$ affine
# maps of $A = \mathrm{LN}_1(X)$ ($\mathrm{LN}$: layer norm); then
# $Y = X' + \mathrm{relu}(\mathrm{LN}_2(X')\,W_1 + b_1)\,W_2 + b_2$
# ($X'$ is `h` in the code). The
# backward function has one line for each forward line, in reverse; the
# `+=` lines are the forks, where a value was used twice.

# %%
def affine(x, w, b):  # an affine layer on the last axis of x (N, T, D)
    out, cache = affine_forward(x.reshape(-1, x.shape[-1]), w, b)
    return out.reshape(*x.shape[:-1], -1), cache


def affine_back(dout, cache):
    dx, dw, db = affine_backward(dout.reshape(-1, dout.shape[-1]), cache)
    return dx.reshape(*dout.shape[:-1], -1), dw, db


def block_forward(x, p):
    a, c1 = layernorm_forward(x, p["ln1.gamma"], p["ln1.beta"])
    q, cq = affine(a, p["q.w"], p["q.b"])
    k, ck = affine(a, p["k.w"], p["k.b"])
    v, cv = affine(a, p["v.w"], p["v.b"])
    att, ca = attention_forward(q, k, v, causal=True)
    o, co = affine(att, p["o.w"], p["o.b"])
    h = x + o
    m, c2 = layernorm_forward(h, p["ln2.gamma"], p["ln2.beta"])
    z, cf1 = affine(m, p["fc1.w"], p["fc1.b"])
    r = np.maximum(z, 0)
    f, cf2 = affine(r, p["fc2.w"], p["fc2.b"])
    return h + f, (c1, cq, ck, cv, ca, co, c2, cf1, z, cf2)


def block_backward(dy, cache):
    c1, cq, ck, cv, ca, co, c2, cf1, z, cf2 = cache
    g = {}
    dr, g["fc2.w"], g["fc2.b"] = affine_back(dy, cf2)
    dz = dr * (z > 0)
    dm, g["fc1.w"], g["fc1.b"] = affine_back(dz, cf1)
    dh, g["ln2.gamma"], g["ln2.beta"] = layernorm_backward(dm, c2)
    dh += dy  # h: the skip and the MLP branch
    datt, g["o.w"], g["o.b"] = affine_back(dh, co)
    dq, dk, dv = attention_backward(datt, ca)
    da, g["v.w"], g["v.b"] = affine_back(dv, cv)
    da_k, g["k.w"], g["k.b"] = affine_back(dk, ck)
    da_q, g["q.w"], g["q.b"] = affine_back(dq, cq)
    da += da_k + da_q  # a: three projections
    dx, g["ln1.gamma"], g["ln1.beta"] = layernorm_backward(da, c1)
    return dx + dh, g  # x: the skip and the attention branch


def init_block(d, hidden):
    p = {}
    for name in ("ln1", "ln2"):
        p[f"{name}.gamma"], p[f"{name}.beta"] = np.ones(d), np.zeros(d)
    for name in "qkvo":
        p[f"{name}.w"] = rng.normal(size=(d, d)) / np.sqrt(d)
        p[f"{name}.b"] = np.zeros(d)
    p["fc1.w"] = rng.normal(size=(d, hidden)) * np.sqrt(2 / d)
    p["fc2.w"] = rng.normal(size=(hidden, d)) / np.sqrt(hidden)
    p["fc1.b"], p["fc2.b"] = np.zeros(hidden), np.zeros(d)
    return p

# %% [markdown]
# ## 3. Check every gradient of the block
#
# A random upstream gradient `dy`, and every entry of every parameter (and
# of the input) nudged both ways. Small sizes ($D = 4$) keep that quick.

# %%
p = init_block(d=4, hidden=8)
for name in p:  # move gains and biases off their initial 1s and 0s
    if not name.endswith(".w"):
        p[name] = p[name] + 0.3 * rng.normal(size=p[name].shape)
x = rng.normal(size=(2, 5, 4))
dy = rng.normal(size=x.shape)
dx, grads = block_backward(dy, block_forward(x, p)[1])
worst = rel_error(dx, numeric_grad(lambda: block_forward(x, p)[0], x, dy))
print(f"{'x':10} {worst:.1e}")
for name, value in p.items():
    num = numeric_grad(lambda: block_forward(x, p)[0], value, dy)
    if name == "k.b":  # 0 by design: q . b_k shifts a whole row of scores,
        # which softmax ignores; central differences see rounding only
        print(f"{name:10} |analytic| {np.abs(grads[name]).max():.0e}, "
              f"|numeric| {np.abs(num).max():.0e}: both zero")
        assert np.abs(grads[name]).max() < 1e-12 and np.abs(num).max() < 1e-7
        continue
    err = rel_error(grads[name], num)
    worst = max(worst, err)
    print(f"{name:10} {err:.1e}")
print(f"largest relative error: {worst:.1e}")
assert worst < 1e-7

# %% [markdown]
# ## 4. A model around it, and a task
#
# Symbols become vectors through an embedding table plus a learnt vector
# per position; the block's output goes through a last layer norm and an
# affine layer to one score per symbol. The task: `HALF = 6` random
# symbols out of `SYMBOLS = 8`, then the same six again; predict every
# next symbol. (Not $L$ and $V$: on this site $L$ is a loss and $V$ the
# values.) The repeat can be predicted by looking five positions back; the
# first half cannot be predicted at all.

# %%
SYMBOLS, HALF, D = 8, 6, 16
T = 2 * HALF - 1


def batch(n):
    half = rng.integers(0, SYMBOLS, (n, HALF))
    seq = np.concatenate([half, half], axis=1)
    return seq[:, :-1], seq[:, 1:]


model = init_block(D, 4 * D)
model |= {"embed": rng.normal(size=(SYMBOLS, D)) * 0.5,
          "pos": rng.normal(size=(T, D)) * 0.5,
          "lnf.gamma": np.ones(D), "lnf.beta": np.zeros(D),
          "out.w": rng.normal(size=(D, SYMBOLS)) / np.sqrt(D),
          "out.b": np.zeros(SYMBOLS)}


def loss_and_grads(tokens, targets, p):
    n = len(tokens)
    x = p["embed"][tokens] + p["pos"]
    y, cache = block_forward(x, p)
    u, cf = layernorm_forward(y, p["lnf.gamma"], p["lnf.beta"])
    logits, co = affine(u, p["out.w"], p["out.b"])
    loss, dlogits = softmax_loss(logits.reshape(n * T, SYMBOLS), targets.ravel())
    du, dw, db = affine_back(dlogits.reshape(n, T, SYMBOLS), co)
    dy, dg, dbeta = layernorm_backward(du, cf)
    dx, g = block_backward(dy, cache)
    g |= {"out.w": dw, "out.b": db, "lnf.gamma": dg, "lnf.beta": dbeta,
          "embed": np.zeros((SYMBOLS, D)), "pos": dx.sum(axis=0)}
    np.add.at(g["embed"], tokens, dx)  # a gather: repeated rows add
    return loss, g, logits, cache


# %% [markdown]
# ## 5. Train: Adam, 250 steps, fresh data every step
#
# **Adam** (Kingma and Ba, 2015) is gradient descent with two running
# averages per parameter: `m` of the gradient and `s` of its square, each
# step keeping a fraction $b_1 = 0.9$ of the old `m` (hence the `0.1`
# below) and $b_2 = 0.999$ of the old `s` (the `0.001`). Dividing by
# $1 - b^t$ undoes their start at zero; each entry then moves by about
# the learning rate (`0.02`) times $m/\sqrt{s}$, whatever the scale of its
# gradient. This is a separate run from the 300 steps on the
# [transformer block page](../../part-5/transformer-block/), with its own
# random numbers, so its numbers differ a little.

# %%
m = {k: np.zeros_like(v) for k, v in model.items()}
s = {k: np.zeros_like(v) for k, v in model.items()}
repeat, random_half = [], []
for t in range(1, 251):
    tokens, targets = batch(16)
    loss, g, logits, _ = loss_and_grads(tokens, targets, model)
    for k in model:  # Adam
        m[k] += 0.1 * (g[k] - m[k])
        s[k] += 0.001 * (g[k] ** 2 - s[k])
        step = (m[k] / (1 - 0.9**t)) / (np.sqrt(s[k] / (1 - 0.999**t)) + 1e-8)
        model[k] -= 0.02 * step
    z = logits - logits.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    per = -np.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]
    repeat.append(per[:, HALF - 1:].mean())
    random_half.append(per[:, : HALF - 1].mean())
print(f"repeated half: {repeat[0]:.3f} -> {np.mean(repeat[-20:]):.3f}; "
      f"random half: {np.mean(random_half[-20:]):.3f} (log SYMBOLS = "
      f"{np.log(SYMBOLS):.3f})")
assert np.mean(repeat[-20:]) < 0.05
assert abs(np.mean(random_half[-20:]) - np.log(SYMBOLS)) < 0.1

# %% [markdown]
# ## 6. What it learnt
#
# Left, the loss of each half; right, the attention weights for a new
# sequence: one row per position, dark where it looks.

# %% alt="Left: the loss of the repeated half of each sequence falls from 2.5 at the first step to below 0.05 from step 150 on, while the loss of the random half stays near log 8 = 2.08. Right: the attention weights of the trained block, one row per position; from position 5 on, each row has one dark square five positions to the left of the diagonal"
tokens, _ = batch(1)
weights = block_forward(model["embed"][tokens] + model["pos"],
                        model)[1][4][3][0]  # attention's p, (T, T)
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8))
left.plot(random_half, lw=1, label="random half")
left.plot(repeat, lw=1, label="repeated half")
left.axhline(np.log(SYMBOLS), ls="--", color="grey", label="log 8")
left.set(xlabel="step", ylabel="cross-entropy", title="training loss")
left.legend()
right.imshow(weights, cmap="Greys", vmin=0, vmax=1)
right.set(xlabel="key position", ylabel="query position",
          title="where each position looks")
plt.tight_layout()
plt.show()
looks = weights.argmax(axis=1)
print("each position looks most at:", looks.tolist())
# what the figure's text alternative says, checked
print(f"repeated half: {repeat[0]:.1f} at the first step; below 0.05 "
      f"from step 150 on: {max(repeat[149:]) < 0.05}")
assert f"{repeat[0]:.1f}" == "2.5" and max(repeat[149:]) < 0.05
assert f"{np.log(SYMBOLS):.2f}" == "2.08"
assert all(looks[t] == t - HALF + 1 for t in range(HALF - 1, T))

# %% [markdown]
# Next: the [exercises of Part 5](../../part-5/exercises/) — dropout,
# GELU, max pooling with ties, and attention with several heads, each with
# a checker for your own attempt.
