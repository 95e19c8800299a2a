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
NO_GAIN = "g is missing: the gradient reaching x-hat is dout * g"
NO_STD = "not divided by sqrt(var + eps): every path goes through it"
VAR_SIGN = "the path through the variance has the wrong sign"
ROWS_SUM = (
    "the rows of dx should sum to 0 (a constant added to a row of x "
    "changes nothing), and yours do not: the path through the mean is "
    "missing or has the wrong sign"
)
NO_N = (
    "the 1/N of the mean is missing: the data term is N = {n} times too large"
)
NOT_DICT = (
    "grads is a {kind}: return a dict keyed like params, "
    "{{'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}}"
)
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


def _ln_dx(dxhat, xhat, std, mean=-1, var=-1):
    """Layer norm's dx from d(x-hat), with the sign of each path."""
    mean_path = mean * dxhat.mean(axis=1, keepdims=True)
    var_path = var * xhat * (dxhat * xhat).mean(axis=1, keepdims=True)
    return (dxhat + mean_path + var_path) / std


def _ln_bugs(dout, x, g, b):
    std = np.sqrt(x.var(axis=1, keepdims=True) + EPS)
    xhat, dxhat = (x - x.mean(axis=1, keepdims=True)) / std, dout * g
    return {
        "x": [
            (dxhat / std, CONST),
            (_ln_dx(dxhat, xhat, std, var=0), NO_VAR),
            (_ln_dx(dout, xhat, std), NO_GAIN),
            (_ln_dx(dxhat, xhat, std) * std, NO_STD),
            (_ln_dx(dxhat, xhat, std, var=+1), VAR_SIGN),
        ],
        "g": [(dout * xhat, NO_SUM)],
        "b": [(dout, NO_SUM)],
    }


def check_layernorm(forward, backward):
    """Exercise 3: layer norm of x (4, 5) with gain g (5,), shift b (5,)."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 5)) * 2 + 1
    g, b = rng.standard_normal(5), rng.standard_normal(5)
    report = _layer(forward, backward, _layernorm, (x, g, b), "xgb", _ln_bugs)
    for i, line in enumerate(report):  # no known bug: the rows' sums tell
        if line.startswith("dx: wrong pattern"):
            dx = _returned_dx(forward, backward, x, g, b)
            if dx is not None and not np.allclose(dx.sum(axis=1), 0):
                report[i] = f"dx: {ROWS_SUM}"
    return report


def _returned_dx(forward, backward, x, g, b):
    """The attempt's dx for the checker's dout, or None."""
    dout = np.random.default_rng(1).standard_normal(x.shape)
    try:
        dx = np.asarray(backward(dout, forward(x, g, b)[1])[0], float)
    except Exception:  # already reported by _layer
        return None
    return dx if dx.shape == x.shape else None


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
    except Exception as e:
        return Report([f"your code raised {type(e).__name__}: {e}"])
    if not isinstance(grads, dict):
        return Report([NOT_DICT.format(kind=type(grads).__name__)])
    grads = {k: grads.get(k) for k in p}
    right = _net_loss(p, x, y, reg)
    no_decay = _net_loss(p, x, y, 0.0)
    report = Report([_line("loss", loss, right, [(no_decay, NO_DECAY)])])
    for k in p:
        num = numeric_grad(lambda: _net_loss(p, x, y, reg), p[k])
        decay = reg * p[k]  # d(0.5 reg sum(W**2))/dW = reg W
        n = len(x)  # a forgotten 1/N scales the data term, not the decay
        bugs = [
            (num - decay, f"the decay gradient reg * {k} is missing"),
            (num + decay, f"reg * {k} added twice: 0.5 cancels the 2"),
            (n * (num - decay) + decay, NO_N.format(n=n)),
        ]
        if k.startswith("b"):
            bugs = [(num + decay, f"{k} decayed: only weights are"),
                    (n * num, NO_N.format(n=n))]  # fmt: skip
        report.append(_line("d" + k, grads[k], num, bugs))
    return report
