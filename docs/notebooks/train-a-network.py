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
# # Train a network from scratch
#
# Part 3 in one sitting: a two-layer network learns to separate three
# interleaved spirals, with every gradient computed by the forward/backward
# pairs of `layers.py` and checked by `gradcheck.py` before we trust it.
#
# **Run it yourself:** download [this notebook with `layers.py` and
# `gradcheck.py`, the modules it imports, as one folder](../train-a-network.zip)
# (or one by one: [the notebook](../train-a-network.ipynb),
# [layers.py](../layers.py), [gradcheck.py](../gradcheck.py)), open the
# notebook in Jupyter and run all cells. You need only numpy and
# matplotlib.

# %%
import matplotlib.pyplot as plt
import numpy as np
from gradcheck import check_layer, check_loss
from layers import (
    affine_backward,
    affine_forward,
    relu_backward,
    relu_forward,
    softmax_loss,
)

rng = np.random.default_rng(0)

# %% [markdown]
# ## 1. Data: three spirals
#
# $N = 300$ points in the plane, $X$ of shape $(N, 2)$, labels
# $y \in \{0, 1, 2\}$. No straight line separates the classes.

# %%
n, K = 100, 3
r = np.tile(np.linspace(0.05, 1, n), K)  # distance from the centre
y = np.repeat(np.arange(K), n)
theta = 2 * np.pi * y / K + 4 * r + rng.normal(0, 0.2, K * n)
X = np.c_[r * np.cos(theta), r * np.sin(theta)]
print(X.shape, y.shape, np.bincount(y))

# %% [markdown]
# ## 2. Trust, then train: check every backward pass
#
# Before training, compare each analytic gradient with central differences
# on small random inputs. A relative error near $10^{-10}$ means the
# backward pass is right; above $10^{-4}$ means a bug.

# %%
x0 = rng.normal(size=(4, 5))
w0, b0 = rng.normal(size=(5, 3)), rng.normal(size=3)
print("affine  ", ["%.1e" % e for e in check_layer(
    affine_forward, affine_backward, x0, w0, b0, rng=rng)])
print("relu    ", ["%.1e" % e for e in check_layer(
    relu_forward, relu_backward, x0, rng=rng)])
print("softmax  %.1e" % check_loss(softmax_loss, x0[:, :3], y[:4]))

# %% [markdown]
# ## 3. The network and one training step
#
# scores $= \mathrm{relu}(X W_1 + b_1)\, W_2 + b_2$ with $W_1$ of shape
# $(2, H)$ and $W_2$ of shape $(H, 3)$. The backward pass runs the same
# layers in reverse, each turning the gradient of its output into the
# gradients of its inputs and weights.

# %%
H = 64
W1, b1 = 0.5 * rng.normal(size=(2, H)), np.zeros(H)
W2, b2 = 0.5 * rng.normal(size=(H, K)), np.zeros(K)


def step(lr=1.0):
    global W1, b1, W2, b2
    h, c1 = affine_forward(X, W1, b1)  # forward: the working
    a, c2 = relu_forward(h)
    scores, c3 = affine_forward(a, W2, b2)
    loss, dscores = softmax_loss(scores, y)  # the marks, and where to start
    da, dW2, db2 = affine_backward(dscores, c3)  # backward: walk it back
    dW1, db1 = affine_backward(relu_backward(da, c2), c1)[1:]
    W1 -= lr * dW1
    b1 -= lr * db1
    W2 -= lr * dW2
    b2 -= lr * db2
    return loss, scores


losses = [step()[0] for _ in range(2000)]
accuracy = (step(lr=0.0)[1].argmax(axis=1) == y).mean()  # on X, y
print(f"loss {losses[0]:.3f} -> {losses[-1]:.3f}, "
      f"training accuracy {accuracy:.1%}")
assert accuracy > 0.9

# %% [markdown]
# That is the accuracy on the 300 points the network was trained on, so
# it says the network *fits* them, not that it has learned the spirals.
# For that, draw fresh points from the same spirals and score those:
# the test accuracy.

# %%
theta_t = 2 * np.pi * y / K + 4 * r + rng.normal(0, 0.2, K * n)
X_test = np.c_[r * np.cos(theta_t), r * np.sin(theta_t)]  # same r, y
scores_test = np.maximum(X_test @ W1 + b1, 0) @ W2 + b2
test_accuracy = (scores_test.argmax(axis=1) == y).mean()
print(f"test accuracy on 300 fresh points: {test_accuracy:.1%}")
assert test_accuracy > 0.85

# %% [markdown]
# ## 4. What it learned
#
# The loss curve, and the class the network predicts at every point of
# the plane.

# %% alt="Left: the training loss falling on a log scale over the training steps. Right: the three spirals of points over the coloured regions where the trained network predicts each class"
gx, gy = np.meshgrid(np.linspace(-1.1, 1.1, 200), np.linspace(-1.1, 1.1, 200))
grid = np.c_[gx.ravel(), gy.ravel()]
hidden = np.maximum(grid @ W1 + b1, 0)
regions = (hidden @ W2 + b2).argmax(axis=1).reshape(gx.shape)

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8))
left.plot(losses)
left.set(xlabel="step", ylabel="loss", yscale="log", title="training loss")
right.contourf(gx, gy, regions, levels=[-0.5, 0.5, 1.5, 2.5], alpha=0.3,
               cmap="brg")
right.scatter(X[:, 0], X[:, 1], c=y, s=10, cmap="brg")
right.set(aspect="equal",
          title=f"decision regions (training accuracy {accuracy:.0%})")
plt.tight_layout()
plt.show()

# %% [markdown]
# Next: the site's [Part 4](../../part-4/) measures what this backward
# pass costs — about twice the forward pass, because each layer computes
# both a weight gradient and an input gradient, each a matrix product the
# size of the forward one — and shows what goes wrong when it is subtly
# off.
