"""Check a backward pass against central differences: a reusable tool.

Interface (import with `snippets/` on sys.path: `import gradcheck`):

    numeric_grad(f, x, dout=None, h=None) -> array shaped like x
        Central differences (f(x + h) - f(x - h)) / 2h, one entry of x at a
        time. `f` takes no arguments and reads `x` itself (a closure), so x
        is nudged in place and restored exactly. If f() returns an array,
        pass `dout` (same shape): the scalar differentiated is
        sum(f() * dout), whose gradient is what a backward pass given
        `dout` returns. h defaults to STEP[x.dtype].

    rel_error(a, b, floor=1e-8) -> float
        ||a - b|| / max(||a|| + ||b||, floor) over all entries, in [0, 1].
        Scale-free, and one bad entry cannot hide in a large array the way
        it can in a mean. The floor: a gradient that is exactly 0 meets a
        numeric one of ~1e-17 (rounding), which is agreement, not a 100 %
        error; below the floor, errors are compared absolutely.

    verdict(err, dtype=np.float64) -> "ok" | "suspect" | "wrong"
        Thresholds in THRESHOLDS[dtype] = (ok below, wrong above).

    check_layer(forward, backward, *inputs, rng=None, h=None) -> [float]
        forward(*inputs) -> (out, cache); backward(dout, cache) -> one grad
        or a tuple, one per input. Draws a random dout, runs both, returns
        rel_error(analytic, numeric) for each input.

    check_loss(loss_fn, x, *args, h=None) -> float
        loss_fn(x, *args) -> (loss, dx); rel_error of dx against numeric.

    explain(analytic, numeric, dtype=None) -> str
        "ok", or what kind of wrong: transposed, a constant factor, the
        wrong sign, all zeros, "suspect" (between the ok and the wrong
        bound: look closer), or a wrong pattern. The bands are those of
        float32 if either array is float32, else float64's.

    check_and_explain(forward, backward, *inputs, names=None) -> Report
        check_layer's check with one explained line per input, for a
        reader's own backward pass; float32 layers are checked in float32
        (its step and its bands).

    Report: what every checker on the site returns (the exercise checkers
        p1_checks.py ... p4_checks.py too): a list of lines "dW: ok" or
        "dW: <what is wrong>". print(report) shows them; bool(report) is
        True only if there are lines and every one is ok. A checker returns
        its lines rather than printing them, so a page that runs it shows
        exactly what a reader sees.

What the thresholds mean. In float64 a central difference with h = 1e-6 is
off by about h**2 (curvature) plus eps/h (rounding), a relative error near
1e-10 for smooth functions; a correct backward pass scores below 1e-7. A
wrong one (a missing factor, a wrong transpose, a dropped term) is usually
off by order 1: above 1e-4 is a bug. In between is "suspect": a tiny term
left out (an epsilon), a gradient so small that rounding dominates; look
closer before trusting it. A kink (relu, max) crossed by a nudge usually
scores "wrong", not "suspect": move the point off the kink and check again.
float32 has eps ~ 1.2e-7, so a check run in float32 reaches about 1e-5 at
best, and only with h near 1e-2 (STEP picks that). Check the formula in
float64, then run the float32 code once at large magnitudes: a formula
can be right and still overflow in float32 (an unshifted softmax).
"""

import numpy as np

STEP = {np.dtype(np.float64): 1e-6, np.dtype(np.float32): 1e-2}
THRESHOLDS = {
    np.dtype(np.float64): (1e-7, 1e-4),  # ok below, wrong above
    np.dtype(np.float32): (1e-3, 1e-1),
}


def numeric_grad(f, x, dout=None, h=None):
    """d f()/d x by central differences; x is nudged in place."""
    h = STEP[x.dtype] if h is None else h
    grad = np.zeros(x.shape, dtype=np.float64)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = np.array(f())  # a copy: f() may return a view of x
        x[i] = old - h
        down = np.array(f())
        x[i] = old  # restore exactly
        diff = np.subtract(up, down, dtype=np.float64)  # first: no sum noise
        if dout is not None:  # entries f() did not change contribute 0
            diff = np.sum(diff * dout)
        grad[i] = diff / (2 * h)
    return grad.astype(x.dtype)


def rel_error(a, b, floor=1e-8):
    """||a - b|| / (||a|| + ||b||): 0 is perfect,
    1 when they point in opposite directions (or one is 0)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    scale = max(np.linalg.norm(a) + np.linalg.norm(b), floor)
    return float(np.linalg.norm(a - b) / scale) if scale > 0 else 0.0


def verdict(err, dtype=np.float64):
    """'ok', 'suspect' or 'wrong' for a relative error in this dtype."""
    ok, wrong = THRESHOLDS[np.dtype(dtype)]
    return "ok" if err < ok else "wrong" if err > wrong else "suspect"


def check_layer(forward, backward, *inputs, rng=None, h=None):
    """Relative error of backward's gradient for each of the inputs."""
    rng = np.random.default_rng(0) if rng is None else rng
    out, cache = forward(*inputs)
    dout = rng.standard_normal(out.shape).astype(out.dtype)
    grads = backward(dout, cache)
    grads = tuple(grads) if isinstance(grads, tuple | list) else (grads,)
    return [
        rel_error(g, numeric_grad(lambda: forward(*inputs)[0], x, dout, h))
        for x, g in zip(inputs, grads)
    ]


def check_loss(loss_fn, x, *args, h=None):
    """Relative error of loss_fn's dx against central differences."""
    _, dx = loss_fn(x, *args)
    return rel_error(dx, numeric_grad(lambda: loss_fn(x, *args)[0], x, h=h))


class Report(list):
    """A checker's lines; true only if there are some and all are ok."""

    def __bool__(self):
        return len(self) > 0 and all(ln.endswith(": ok") for ln in self)

    def __str__(self):
        return "\n".join(self)


# --8<-- [start:explain]
def precision(*arrays):
    """float32 if any of the arrays is float32 (its checks are coarser)."""
    f32 = any(np.asarray(x).dtype == np.float32 for x in arrays)
    return np.dtype(np.float32 if f32 else np.float64)


def explain(analytic, numeric, dtype=None):
    """One sentence on how an analytic gradient differs from the numeric.
    The bands are THRESHOLDS[dtype]; dtype defaults to the coarser one of
    the two arrays (float32 if either is)."""
    ok, wrong = THRESHOLDS[np.dtype(dtype or precision(analytic, numeric))]
    a, n = np.asarray(analytic, float), np.asarray(numeric, float)
    if a.shape != n.shape:
        if a.T.shape == n.shape and rel_error(a.T, n) < ok:
            return "right numbers, transposed: swap a matrix product's order"
        return f"shape {a.shape}, expected {n.shape}"
    if not np.all(np.isfinite(a)):
        return "not finite (nan or inf)"
    err = rel_error(a, n)
    if err < ok:
        return "ok"
    if a.ndim == 2 and a.shape[0] == a.shape[1] and rel_error(a.T, n) < ok:
        return "right numbers, transposed: swap a matrix product's order"
    if not a.any():
        return "all zeros: is it ever written (= instead of +=)?"
    scale = np.sum(a * n) / max(np.sum(n * n), 1e-300)
    if abs(scale - 1) > 1e-3 and rel_error(a, scale * n) < ok:
        if abs(scale + 1) < 1e-3:
            return "wrong sign"
        return f"{scale:.4g} times the right one: a missing or extra factor"
    if err <= wrong:
        return (
            f"suspect (relative error {err:.0e}): a kink crossed by the "
            "nudge, a tiny term such as an epsilon, or rounding; look closer"
        )
    return "wrong pattern: a missing term or transpose, a wrong local rule"


def check_and_explain(forward, backward, *inputs, names=None):
    """Check backward against central differences; one line per input.
    dout has the output's dtype; float32 inputs get float32's step and
    bands (STEP, THRESHOLDS)."""
    out, cache = forward(*inputs)
    out = np.asarray(out)
    dout = np.random.default_rng(0).standard_normal(out.shape)
    dout = dout.astype(out.dtype if out.dtype == np.float32 else float)
    grads = backward(dout, cache)
    grads = tuple(grads) if isinstance(grads, tuple | list) else (grads,)
    names = names or [f"input {i}" for i in range(len(inputs))]
    if len(grads) != len(inputs):
        return Report([f"{len(grads)} gradients for {len(inputs)} inputs"])
    lines = Report()
    for name, x, g in zip(names, inputs, grads):
        n = numeric_grad(lambda: forward(*inputs)[0], x, dout)
        lines.append(f"d{name}: {explain(g, n, precision(x, g))}")
    return lines
    # --8<-- [end:explain]
