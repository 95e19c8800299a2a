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
# # Backprop by hand, then by engine
#
# Parts 1 and 2 in one sitting. You compute every gradient of a small
# expression by hand, check each one by nudging, then let a reverse-mode
# engine do the same bookkeeping and compare.
#
# **Run it yourself:** download [this notebook and `engine.py`, the one
# module it imports, as one folder](../backprop-by-hand.zip) (or one by
# one: [the notebook](../backprop-by-hand.ipynb), [engine.py](../engine.py)),
# open the notebook in Jupyter and run all cells. You need only numpy and
# matplotlib.
#
# The exam-hall picture: the forward pass writes out the working from the
# question to the answer; the backward pass starts at the answer and asks,
# step by step, how much each earlier value was responsible for it.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np
from engine import Value

# %% [markdown]
# ## 1. Forward, writing down every step
#
# The expression is $f(x, y) = \sigma(x y + x)$ with
# $\sigma(z) = 1/(1 + e^{-z})$, at $x = 0.5$, $y = -2$. Note that $x$ is
# used twice.

# %%
x, y = 0.5, -2.0
a = x * y  # step 1
z = a + x  # step 2: x is used again
f = 1 / (1 + math.exp(-z))  # step 3
print(f"a = {a:.4f}, z = {z:.4f}, f = {f:.6f}")

# %% [markdown]
# ## 2. Backward, one local derivative at a time
#
# Start at the answer with $\partial f/\partial f = 1$, and multiply by one
# local derivative per step. $x$ reaches $f$ along two paths, so its two
# contributions **add**.

# %%
df = 1.0
dz = f * (1 - f) * df  # sigma'(z) = f (1 - f)
da = 1.0 * dz  # d(a + x)/da = 1
dx = 1.0 * dz  # d(a + x)/dx = 1: the direct path
dy = x * da  # d(x y)/dy = x
dx += y * da  # d(x y)/dx = y: the second path adds
print(f"df/dx = {dx:.6f}, df/dy = {dy:.6f}")

# %% [markdown]
# ## 3. Check by nudging
#
# A central difference $\frac{f(x+h) - f(x-h)}{2h}$ estimates each
# gradient without any calculus. They agree to about ten digits.


# %%
def f_of(x, y):
    return 1 / (1 + math.exp(-(x * y + x)))


h = 1e-6
num_dx = (f_of(x + h, y) - f_of(x - h, y)) / (2 * h)
num_dy = (f_of(x, y + h) - f_of(x, y - h)) / (2 * h)
print(f"dx: backprop {dx:.10f}  nudge {num_dx:.10f}")
print(f"dy: backprop {dy:.10f}  nudge {num_dy:.10f}")
assert abs(dx - num_dx) < 1e-8 and abs(dy - num_dy) < 1e-8

# %% [markdown]
# ## 4. The same, by engine
#
# `Value` records each operation and its local derivatives on the way
# forward; `backward()` walks the record in reverse, doing exactly the
# multiplications above.

# %%
xv, yv = Value(x, label="x"), Value(y, label="y")
fv = (xv * yv + xv).sigmoid()
fv.backward()
print(f"engine: f = {fv.data:.6f}, df/dx = {xv.grad:.6f}, "
      f"df/dy = {yv.grad:.6f}")
assert abs(xv.grad - dx) < 1e-12 and abs(yv.grad - dy) < 1e-12

# %% [markdown]
# ## 5. The order the engine used
#
# Every node comes after the nodes it was made from (a topological order);
# the backward pass visits them in reverse.

# %%
for node in fv.topological_order():
    name = node.label or node.op
    print(f"{name:>8}  data {node.data:+.4f}  grad {node.grad:+.4f}")

# %% [markdown]
# ## 6. What the gradient says
#
# $\partial f/\partial x$ is the slope of $f$ along $x$. Plot $f$ against $x$
# (with $y$ fixed) and draw the line with that slope through our point: it
# touches the curve there.

# %% alt="f plotted against x with y fixed at -2: an S-shaped curve, and the dashed tangent line through our point whose slope is the gradient df/dx"
xs = np.linspace(-2, 3, 201)
fs = 1 / (1 + np.exp(-(xs * y + xs)))
fig, ax = plt.subplots(figsize=(6, 3.2))
ax.plot(xs, fs, label="f(x, y = -2)")
ax.plot(xs, f + dx * (xs - x), "--", label=f"slope df/dx = {dx:.3f}")
ax.plot([x], [f], "o", color="black")
ax.set(xlabel="x", ylabel="f", ylim=(-0.1, 1.1))
ax.legend(loc="upper right")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# Next: the site's [Part 2](../../part-2/) builds the engine line
# by line, and the notebook
# [Train a network from scratch](../train-a-network/) puts it all to work
# with numpy.
