"""Every parameter of the model, the block's sixteen among them, checked
against central differences."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from p5_model import copy_batch, init_model, model_loss
from show import note, table

rng = np.random.default_rng(0)
params = init_model(rng, d=4)  # small: central differences nudge every entry
for name in params:  # gains and biases away from their initial 1s and 0s
    if name.endswith((".gamma", ".beta", ".b")):
        params[name] += 0.5 * rng.standard_normal(params[name].shape)
tokens, targets = copy_batch(rng, 2)
loss, grads, _ = model_loss(tokens, targets, params)

rows, worst = [], 0.0
for name, value in params.items():
    num = numeric_grad(
        lambda: model_loss(tokens, targets, params, False), value
    )
    if name == "k.b":  # zero by design (below): compare sizes, not ratios
        zero = max(np.abs(grads[name]).max(), np.abs(num).max())
        rows.append((name, str(value.shape), f"both 0 (≤ {zero:.0e})"))
        continue
    err = rel_error(grads[name], num)
    worst = max(worst, err)
    rows.append((name, str(value.shape), f"{err:.1e}"))
print(table(["parameter", "shape", "relative error"], rows,
            f"{sum(v.size for v in params.values())} numbers, each nudged "
            f"both ways"))  # fmt: skip
print(note(f"Largest relative error: {worst:.1e}."))

assert len(rows) == 22 and set(grads) == set(params)
assert worst < 1e-7  # gradcheck's "ok" in float64, for every parameter
# a key bias adds q . b to a whole row of scores: softmax ignores that
assert np.abs(grads["k.b"]).max() < 1e-12 and zero < 1e-7
