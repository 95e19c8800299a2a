"""Train the one-block model on the copy task: a loss curve per half of
the sequence, then where each position looks after training."""

# --8<-- [start:train]
import numpy as np
from matplotlib.patches import Rectangle
from p5_block import block_forward
from p5_model import (
    HALF,
    SYMBOLS,
    T,
    adam_step,
    copy_batch,
    init_model,
    model_loss,  # fmt: skip
    per_position_loss,
)
from p5_plot import C1, C2, C3, axes, svg
from show import figure, note

rng = np.random.default_rng(0)
params, state = init_model(rng, d=16), {}
copied, guessed = [], []  # mean loss on each half, per step
for step in range(300):
    tokens, targets = copy_batch(rng, 16)  # fresh data every step
    loss, grads, logits = model_loss(tokens, targets, params)
    adam_step(params, grads, state, lr=0.02)
    per = per_position_loss(logits, targets)  # (16, T)
    copied.append(per[:, HALF - 1 :].mean())  # predictable: a repeat
    guessed.append(per[:, : HALF - 1].mean())  # a fresh random symbol
    if step % 100 == 0 or step == 299:
        print(
            f"step {step:3d}: loss {loss:.3f} (repeat half "
            f"{copied[-1]:.3f}, random half {guessed[-1]:.3f})"
        )
# --8<-- [end:train]

# --8<-- [start:curve]
fig, ax = axes()
ax.plot(guessed, color=C2, lw=1, label="random half")
ax.plot(copied, color=C1, lw=1, label="repeated half")
ax.axhline(
    np.log(SYMBOLS), color=C3, ls="--", lw=1, label=f"log {SYMBOLS}: a guess"
)
ax.set_xlabel("training step")
ax.set_ylabel("cross-entropy")
ax.legend(frameon=False)
desc = (f"Loss of the repeated half falls from {copied[0]:.2f} to "
        f"{copied[-1]:.3f} in 300 steps; the random half stays near "
        f"log {SYMBOLS} = {np.log(SYMBOLS):.2f}.")  # fmt: skip
print(figure(svg(fig, "train", "Loss per half of the sequence", desc)))
assert np.mean(copied[-20:]) < 0.05  # the repeat is learnt
assert max(copied[200:]) < 0.05  # ... within two hundred steps
assert abs(np.mean(guessed[-50:]) - np.log(SYMBOLS)) < 0.1  # the rest: a guess
# --8<-- [end:curve]

# --8<-- [start:look]
tokens, _ = copy_batch(np.random.default_rng(1), 1)
x = params["embed"][tokens] + params["pos"][:T]
weights = block_forward(x, params)[1][4][3][0]  # attention weights P
looks = weights.argmax(axis=1)  # where each position looks most
print(note(f"Each position looks most at: {looks.tolist()}"))
fig, ax = axes(3.6, 3.4)
ax.grid(False)
for t, j in np.ndindex(weights.shape):  # a square per weight, its shade
    ax.add_patch(Rectangle((j - 0.5, t - 0.5), 1, 1, color=C1, lw=0,
                           alpha=float(weights[t, j])))  # fmt: skip
ax.set(
    xlim=(-0.5, T - 0.5),
    ylim=(T - 0.5, -0.5),
    aspect="equal",
    xlabel="key position (read)",
    ylabel="query position",
    xticks=range(0, T, 2),  # positions are whole numbers
    yticks=range(0, T, 2),
)
desc = ("Attention weights after training: from position "
        f"{HALF - 1} on, each query puts almost all its weight on the key "
        f"{HALF - 1} positions back.")  # fmt: skip
print(figure(svg(fig, "look", "Where each position looks", desc, True)))
print(
    note(
        f"From position {HALF - 1} on, the weight on the symbol "
        f"{HALF - 1} back is at least "
        f"{min(weights[t, t - HALF + 1] for t in range(HALF - 1, T)):.4f}."
    )
)
assert min(weights[t, t - HALF + 1] for t in range(HALF - 1, T)) > 0.99
assert all(looks[t] == t - HALF + 1 for t in range(HALF - 1, T))
# --8<-- [end:look]
