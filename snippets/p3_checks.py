"""Check your answers to the Part 3 exercises against central differences.

Put this file, gradcheck.py and layers.py beside your own file, then:

    from p3_checks import check_embedding
    print(check_embedding(my_forward, my_backward))

    check_seq_linear(forward, backward)  # 1: x (B, T, D) @ w (D, M) + b
    check_embedding(forward, backward)   # 2: out = w[idx]
    check_layernorm(forward, backward)   # 3: layer normalization
    check_net(loss_and_grads)            # 4: 2-layer net + weight decay

A layer is a pair as in layers.py: forward(*inputs) -> (out, cache),
backward(dout, cache) -> one gradient per float input. Each check runs
your code on fixed seeded inputs, compares your output with the right one
and each gradient with central differences of the right function, and
returns a gradcheck.Report: one line each, "dw: ok" or what is wrong,
printed by print(); bool(report) is True only if every line is ok. It
never raises on a broken attempt: an exception in your code becomes a
line.
"""

import numpy as np
from gradcheck import Report, explain, numeric_grad
from layers import affine_forward, relu_forward, softmax_loss


def _line(name, attempt, truth, hints=()):
    """The line "name: ok", or what is wrong; hints: [(bug, message)]."""
    try:
        msg = "None: is it returned?"
        if attempt is not None:
            msg = explain(attempt, truth)
        for wrong, hint in hints if msg != "ok" else ():
            same = np.shape(attempt) == np.shape(wrong)
            if same and np.allclose(attempt, wrong, rtol=1e-6, atol=1e-9):
                msg = hint
    except Exception as e:  # a list of arrays, a string, ...
        msg = f"cannot compare it ({type(e).__name__}: {e})"
    return f"{name}: {msg}"


def _layer(forward, backward, truth, inputs, names, hints):
    """Output, then one line per gradient; truth(*inputs) -> right out."""
    right = truth(*inputs)
    dout = np.random.default_rng(1).standard_normal(right.shape)
    report = Report()
    try:
        out, cache = forward(*[np.copy(x) for x in inputs])
        report.append(_line("out", out, right))
        grads = backward(dout.copy(), cache)
    except Exception as e:
        report.append(f"your code raised {type(e).__name__}: {e}")
        return report
    grads = tuple(grads) if isinstance(grads, tuple | list) else (grads,)
    if len(grads) != len(names):
        report.append(f"{len(grads)} gradients, expected {len(names)}")
        return report
    bugs = hints(dout, *inputs)
    for name, x, g in zip(names, inputs, grads):
        num = numeric_grad(lambda: truth(*inputs), x, dout)
        report.append(_line("d" + name, g, num, bugs.get(name, ())))
    return report


SUM_BOTH = "summed over one axis only: b is added at all B*T positions"
PER_SEQ = "one dw per sequence: w is shared by all, sum over the batch too"
ADD_AT = "repeats counted once (dw[idx] += dout); use np.add.at(dw, idx, dout)"
CONST = "mean and variance taken as constants: both depend on x, add paths"
NO_VAR = "the path through the variance is missing"
NO_SUM = "not summed over the rows: it is used by every row"
NO_DECAY = "the decay term 0.5 * reg * (sum(W1**2) + sum(W2**2)) is missing"


def _seq(x, w, b):
    return x @ w + b


def _seq_bugs(dout, x, w, b):
    per_seq = np.swapaxes(x, 1, 2) @ dout  # (B, D, M): not summed over B
    return {"w": [(per_seq, PER_SEQ)], "b": [(dout.sum(axis=0), SUM_BOTH)]}


def check_seq_linear(forward, backward):
    """Exercise 1: out = x @ w + b with x (2, 3, 4), w (4, 5), b (5,)."""
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((2, 3, 4)), rng.standard_normal((4, 5))
    b = rng.standard_normal(5)
    return _layer(forward, backward, _seq, (x, w, b), "xwb", _seq_bugs)


def _emb(w, idx):
    return w[idx]


def _emb_bugs(dout, w, idx):
    lost = np.zeros_like(w)
    lost[idx] += dout  # buffered: a repeated index keeps one of its rows
    return {"w": [(lost, ADD_AT)]}


def check_embedding(forward, backward):
    """Exercise 2: out = w[idx], w (6, 3), idx (2, 4) with repeats."""
    w = np.random.default_rng(0).standard_normal((6, 3))
    idx = np.array([[1, 4, 1, 0], [4, 1, 5, 2]])
    return _layer(forward, backward, _emb, (w, idx), ["w"], _emb_bugs)


EPS = 1e-5  # layer norm: x_hat = (x - mean) / sqrt(var + EPS), per row


def _layernorm(x, g, b):
    mu = x.mean(axis=1, keepdims=True)
    return g * (x - mu) / np.sqrt(x.var(axis=1, keepdims=True) + EPS) + b


def _ln_bugs(dout, x, g, b):
    std = np.sqrt(x.var(axis=1, keepdims=True) + EPS)
    xhat, dxhat = (x - x.mean(axis=1, keepdims=True)) / std, dout * g
    no_var = (dxhat - dxhat.mean(axis=1, keepdims=True)) / std
    return {
        "x": [(dxhat / std, CONST), (no_var, NO_VAR)],
        "g": [(dout * xhat, NO_SUM)],
        "b": [(dout, NO_SUM)],
    }


def check_layernorm(forward, backward):
    """Exercise 3: layer norm of x (4, 5) with gain g (5,), shift b (5,)."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 5)) * 2 + 1
    g, b = rng.standard_normal(5), rng.standard_normal(5)
    return _layer(forward, backward, _layernorm, (x, g, b), "xgb", _ln_bugs)


def _net_loss(p, x, y, reg):
    """Mean softmax loss of relu(x W1 + b1) W2 + b2, plus weight decay."""
    h = relu_forward(affine_forward(x, p["W1"], p["b1"])[0])[0]
    data = softmax_loss(affine_forward(h, p["W2"], p["b2"])[0], y)[0]
    return data + 0.5 * reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))


def check_net(loss_and_grads):
    """Exercise 4: loss_and_grads(params, x, y, reg) -> (loss, grads)."""
    rng = np.random.default_rng(0)
    x, y, reg = rng.standard_normal((6, 3)), rng.integers(0, 4, 6), 0.1
    shapes = {"W1": (3, 5), "b1": (5,), "W2": (5, 4), "b2": (4,)}
    p = {k: rng.standard_normal(s) for k, s in shapes.items()}
    try:
        copies = {k: v.copy() for k, v in p.items()}
        loss, grads = loss_and_grads(copies, x.copy(), y.copy(), reg)
        grads = {k: grads.get(k) for k in p}
    except Exception as e:
        return Report([f"your code raised {type(e).__name__}: {e}"])
    right = _net_loss(p, x, y, reg)
    no_decay = _net_loss(p, x, y, 0.0)
    report = Report([_line("loss", loss, right, [(no_decay, NO_DECAY)])])
    for k in p:
        num = numeric_grad(lambda: _net_loss(p, x, y, reg), p[k])
        decay = reg * p[k]  # d(0.5 reg sum(W**2))/dW = reg W
        bugs = [
            (num - decay, f"the decay gradient reg * {k} is missing"),
            (num + decay, f"reg * {k} added twice: 0.5 cancels the 2"),
        ]
        if k.startswith("b"):
            bugs = [(num + decay, f"{k} decayed: only weights are")]
        report.append(_line("d" + k, grads[k], num, bugs))
    return report
