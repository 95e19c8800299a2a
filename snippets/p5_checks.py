"""Checkers for the Part 5 exercises: run them on your own attempt.

Put this file, gradcheck.py, layers.py and layers5.py beside yours, then:

    from p5_checks import check_dropout
    print(check_dropout(dropout_backward))

    check_dropout(backward)        1: backward(dout, cache) -> dx for
                                   dropout_forward below
    check_gelu(backward)           2: backward(dout, cache) -> dx for
                                   gelu_forward below (cache = x)
    check_maxpool(backward)        3: backward(dout, cache) -> dx for
                                   pool_forward below, ties and overlaps
    check_heads(forward, backward) 4: forward(q, k, v, heads, causal) ->
                                   (out, cache); backward(dout, cache) ->
                                   (dq, dk, dv): multi-head attention

Each runs your code on fixed seeded inputs, compares it with central
differences of the right function, and returns a gradcheck.Report: one
line per quantity ("dx: ok", or what is wrong - by name when it is a
mistake people often make). print(report) shows the lines; bool(report)
is True only if every line is ok. A checker never prints and never raises
on a broken attempt: an exception in your code becomes a line.
"""

import math

import numpy as np
from gradcheck import Report, explain, numeric_grad
from layers5 import attention_backward, attention_forward


def _line(name, attempt, truth, hints=()):
    """'name: ok', or what is wrong; hints: [(wrong array, message)]."""
    try:
        if attempt is None:
            return (f"{name}: your function returned None: return the "
                    f"gradient")  # fmt: skip
        attempt = np.asarray(attempt, dtype=float)
        if attempt.shape == truth.shape and not np.isfinite(attempt).all():
            return f"{name}: not finite (nan or inf)"
        msg = explain(attempt, truth)
        for wrong, hint in hints if msg != "ok" else ():
            if attempt.shape == np.shape(wrong) and np.allclose(
                attempt, wrong, rtol=1e-6, atol=1e-9
            ):
                msg = hint
                break
    except Exception as e:  # a list of arrays, a string, ...
        msg = f"cannot compare it ({type(e).__name__}: {e})"
    return f"{name}: {msg}"


def _call(fn, *args):
    """(fn(*args), None), or (None, what it raised): never raises."""
    try:
        return fn(*args), None
    except Exception as e:  # a broken attempt is reported, not raised
        return None, f"your code raised {type(e).__name__}: {e}"


# Exercise 1: dropout ------------------------------------------------------


# --8<-- [start:dropout]
def dropout_forward(x, p, rng):
    """Inverted dropout: zero each entry with probability p, and scale
    the survivors by 1 / (1 - p), so the expected output is x."""
    keep = rng.random(x.shape) >= p  # True where the entry survives
    scale = 1 / (1 - p)
    return x * keep * scale, (keep, scale)
    # --8<-- [end:dropout]


def check_dropout(backward):
    """Exercise 1: is backward(dout, cache) -> dx right, for two p?"""
    report = Report()
    for p in (0.5, 0.2):
        x = np.random.default_rng(0).standard_normal((4, 6))
        dout = np.random.default_rng(1).standard_normal((4, 6))
        out, (keep, scale) = dropout_forward(x, p, np.random.default_rng(2))

        def f(x=x, p=p):  # the same mask every call: linear in x
            return dropout_forward(x, p, np.random.default_rng(2))[0]

        num = numeric_grad(f, x, dout)
        hints = [
            (dout * keep, "the survivors need the 1/(1 - p) of the "
                          "forward pass too"),
            (dout * scale, "dropped entries got a gradient: multiply by "
                           "the mask"),
            (dout, "dout passed through: the mask and the scale are "
                   "missing"),
            (dout * keep / scale, "divided by 1/(1 - p): the forward "
                                  "pass multiplied"),
        ]  # fmt: skip
        dx, err = _call(backward, dout.copy(), (keep.copy(), scale))
        label = f"dx (p = {p})"
        line = f"{label}: {err}" if err else _line(label, dx, num, hints)
        if not line.endswith(": ok") and _other_mask(dx, keep):
            line = (f"{label}: a new random mask: use the one the forward "
                    f"pass kept in the cache")  # fmt: skip
        report.append(line)
    return report


def _other_mask(dx, keep):
    """A mask other than the forward pass's: gradient at an entry it
    dropped, and none at an entry it kept (dout is never exactly 0)."""
    try:
        dx = np.asarray(dx, dtype=float)
    except (TypeError, ValueError):
        return False
    sent = dx != 0
    return (
        sent.shape == keep.shape
        and np.isfinite(dx).all()
        and bool((sent & ~keep).any() and (~sent & keep).any())
    )


# Exercise 2: GELU -----------------------------------------------------------

C, A = math.sqrt(2 / math.pi), 0.044715


# --8<-- [start:gelu]
def gelu_forward(x):
    """GELU, the tanh form: 0.5 x (1 + tanh(C (x + A x^3)))."""
    u = C * (x + A * x**3)
    return 0.5 * x * (1 + np.tanh(u)), x
    # --8<-- [end:gelu]


GELU_X = np.concatenate([np.linspace(-4, 4, 17), [-1e4, -30.0, 30.0, 1e4]])


def check_gelu(backward):
    """Exercise 2: is backward(dout, cache) -> dx right? On [-4, 4], where
    GELU bends; at +-30, where tanh u is +-1 to the last bit, so the slope
    is exactly 0 or 1 and central differences still resolve it; and at
    +-1e4, too far for them (x^3 = 1e12), where the slope must be 0 and 1
    with no nan."""
    x = GELU_X.copy()
    dout = np.random.default_rng(0).standard_normal(x.shape)
    t = np.tanh(C * (x + A * x**3))
    du = C * (1 + 3 * A * x**2)  # d u / d x
    exact = np.array([0.5 * (1 + math.erf(v / math.sqrt(2)))
                      + v * math.exp(-v * v / 2) / math.sqrt(2 * math.pi)
                      for v in x])  # fmt: skip
    hints = [
        (dout * 0.5 * (1 + t), "x appears twice, as a factor and inside "
                               "tanh: the product rule's second term is "
                               "missing"),
        (dout * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * C),
         "the derivative of the inside, 1 + 3 A x^2, is missing"),
        (dout * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * (1 + 3 * A * x**2)),
         "the constant C = sqrt(2/pi) of the inside is missing"),
        (dout * (0.5 * (1 + t) + 0.5 * x * t * t * du),
         "tanh' is 1 - tanh^2, not tanh^2"),
        (dout * exact, "the derivative of the exact GELU (with erf); this "
                       "forward pass is the tanh form"),
    ]  # fmt: skip
    small = np.abs(x) < 100  # central differences where they resolve
    num = numeric_grad(lambda: gelu_forward(x)[0], x, dout)
    right = dout * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du)
    dx, err = _call(backward, dout.copy(), x.copy())
    if err:
        return Report([err])
    report = Report(
        [
            _line(
                "dx on [-4, 4] and at +-30 (slope 0 and 1 there)",
                _part(dx, small),
                num[small],
                [(w[small], m) for w, m in hints],
            )
        ]
    )
    far = _line("dx at +-1e4", _part(dx, ~small), right[~small])
    report.append(far if far.endswith(": ok") else
                  "dx at +-1e4: should be 0 and dout: is it nan, or "
                  "does x^3 overflow in float32?")  # fmt: skip
    return report


def _part(a, mask):
    """a[mask] when a has the mask's shape, else a (explain says why)."""
    return np.asarray(a)[mask] if np.shape(a) == mask.shape else a


# Exercise 3: max pooling with ties and overlapping windows ----------------


# --8<-- [start:pool]
def pool_forward(x, size, stride):
    """The max of each size x size window; cache (x, size, stride)."""
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            r, c = i * stride, j * stride
            out[:, :, i, j] = x[:, :, r : r + size, c : c + size].max((2, 3))
    return out, (x, size, stride)
    # --8<-- [end:pool]


def _first_max(dout, x, size, stride, overwrite=False, every=False):
    """The right backward pass (first max wins), or a known wrong one."""
    dx = np.zeros_like(x)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            r, c = i * stride, j * stride
            win = x[:, :, r : r + size, c : c + size]
            flat = win.reshape(*win.shape[:2], -1)
            if every:
                mask = flat == flat.max(axis=-1, keepdims=True)
            else:
                mask = np.arange(size * size) == flat.argmax(-1)[..., None]
            g = (mask * dout[:, :, i, j][..., None]).reshape(win.shape)
            if overwrite:
                dx[:, :, r : r + size, c : c + size] = g
            else:
                dx[:, :, r : r + size, c : c + size] += g
    return dx


def check_maxpool(backward):
    """Exercise 3: right away from ties (overlapping windows too), and at
    ties does each window pass on its whole dout, once?"""
    rng = np.random.default_rng(0)
    report = Report()
    x = rng.permutation(2 * 3 * 25).reshape(2, 3, 5, 5) / 10.0  # no ties
    for size, stride in ((2, 2), (3, 1)):
        out, cache = pool_forward(x, size, stride)
        dout = rng.standard_normal(out.shape)
        num = numeric_grad(
            lambda s=size, t=stride: pool_forward(x, s, t)[0], x, dout
        )
        dx, err = _call(backward, dout.copy(), (x.copy(), size, stride))
        label = f"dx, size {size}, stride {stride}"
        overwrite = _first_max(dout, x, size, stride, overwrite=True)
        hint = [(overwrite, "a pixel in several windows keeps only the "
                            "last one's gradient: add (+=), do not "
                            "assign (=)")]  # fmt: skip
        report.append(f"{label}: {err}" if err else
                      _line(label, dx, num, hint))  # fmt: skip
    report.append(_ties(backward))
    return report


def _ties(backward):
    """Windows (2 x 2, stride 2) with two, three and four equal maxima."""
    x = np.array([[5, 5, 1, 9], [0, 2, 9, 9], [4, 4, 3, 0], [4, 4, 1, 2.0]])
    x = x[None, None]
    out, cache = pool_forward(x, 2, 2)
    dout = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    dx, err = _call(backward, dout.copy(), (x.copy(), 2, 2))
    if err:
        return f"ties: {err}"
    try:
        dx = np.asarray(dx, dtype=float)
        assert dx.shape == x.shape
    except Exception:
        return f"ties: dx should have shape {x.shape}"
    for i, j in np.ndindex(2, 2):
        win = (0, 0, slice(2 * i, 2 * i + 2), slice(2 * j, 2 * j + 2))
        got, want = dx[win].sum(), dout[0, 0, i, j]
        where = f"the window at row {2 * i}, column {2 * j}"
        if np.any(dx[win][x[win] < x[win].max()]):
            return f"ties: {where} sent gradient to a number below its max"
        if not np.isclose(got, want):
            return (
                f"ties: {where} passes on {got / want:.3g} times its "
                f"dout: every tied max got all of it; give it to one"
            )
    return "ties: ok"


# Exercise 4: attention with several heads ---------------------------------


def heads_reference(q, k, v, heads, causal):
    """Head h: attention on columns h*D/n_h ... (h+1)*D/n_h, outputs side by
    side. A loop over heads, independent of any reshape."""
    e = q.shape[2] // heads
    cols = [slice(h * e, (h + 1) * e) for h in range(heads)]
    return np.concatenate([attention_forward(q[..., c], k[..., c],
                                             v[..., c], causal)[0]
                           for c in cols], axis=2)  # fmt: skip


def _no_transpose(q, k, v, heads, causal):
    """Split by reshape alone: (N, T, D) -> (N n_h, T, D/n_h), mixing rows."""
    n, t, d = q.shape
    out = attention_forward(*(a.reshape(n * heads, t, d // heads)
                              for a in (q, k, v)), causal)[0]  # fmt: skip
    return out.reshape(n, t, d)


def _wide_scale(q, k, v, heads, causal):
    """Every head's scores divided by sqrt(D), not sqrt(D/n_h)."""
    s = math.sqrt(q.shape[2] / heads) / math.sqrt(q.shape[2])
    return heads_reference(q * s, k, v, heads, causal)


def _split(a, heads):  # (N, T, D) -> (N n_h, T, D/n_h), head by head
    n, t, d = a.shape
    a = a.reshape(n, t, heads, d // heads).transpose(0, 2, 1, 3)
    return a.reshape(n * heads, t, d // heads)


def _reshaping_backward(dout, q, k, v, heads, causal):
    """A right forward pass, then a backward pass that still reshapes
    dout and the gradients (the starting file's): one wrong array each."""
    n, t, d = dout.shape
    cache = attention_forward(*(_split(a, heads) for a in (q, k, v)),
                              causal)[1]  # fmt: skip
    grads = attention_backward(dout.reshape(n * heads, t, d // heads), cache)
    return [g.reshape(n, t, d) for g in grads]


def check_heads(forward, backward, heads=3):
    """Exercise 4: out and every gradient, without and with the mask."""
    rng = np.random.default_rng(0)
    q, k, v = rng.standard_normal((3, 2, 4, 6))  # (N, T, D), D = 6
    report = Report()
    for causal in (False, True):
        tag = " (causal)" if causal else ""
        right = heads_reference(q, k, v, heads, causal)
        dout = rng.standard_normal(right.shape)
        result, err = _call(forward, q.copy(), k.copy(), v.copy(), heads,
                            causal)  # fmt: skip
        if err is None and not (isinstance(result, (tuple, list))
                                and len(result) == 2):  # fmt: skip
            err = "forward should return (out, cache)"
        if err:
            report.append(f"out{tag}: {err}")
            continue
        out, cache = result
        hints = [(_no_transpose(q, k, v, heads, causal),
                  "positions and heads mixed: reshape to (N, T, n_h, D/n_h), "
                  "then move n_h in front of T"),
                 (_wide_scale(q, k, v, heads, causal),
                  "scores divided by sqrt(D): each head's by sqrt(D/n_h), "
                  "its own width")]  # fmt: skip
        report.append(_line("out" + tag, out, right, hints))
        out_ok = report[-1].endswith(": ok")
        grads, err = _call(backward, dout.copy(), cache)
        if err is None and not (isinstance(grads, (tuple, list))
                                and len(grads) == 3):  # fmt: skip
            err = "backward should return (dq, dk, dv)"
        if err:
            report.append(f"dq, dk, dv{tag}: {err}")
            continue
        reshaped = _reshaping_backward(dout, q, k, v, heads, causal)
        for name, a, g, r in zip("qkv", (q, k, v), grads, reshaped):
            num = numeric_grad(
                lambda c=causal: heads_reference(q, k, v, heads, c), a, dout
            )
            line = _line(f"d{name}{tag}", g, num)
            if not line.endswith(": ok") and out_ok and _close(g, r):
                line = (
                    f"d{name}{tag}: the backward pass still reshapes "
                    f"instead of splitting dout into heads and merging "
                    f"the gradients back, as the forward pass does"
                )
            elif not line.endswith(": ok") and _same_numbers(g, num):
                line = (f"d{name}{tag}: right numbers in the wrong places: "
                        f"merge the heads back in the reverse order of "
                        f"the split")  # fmt: skip
            elif not line.endswith(": ok") and not out_ok:
                line = (f"d{name}{tag}: wrong, like out: fix the forward "
                        f"pass first")  # fmt: skip
            report.append(line)
    return report


def _close(a, b):
    try:
        a = np.asarray(a, dtype=float)
        return a.shape == b.shape and np.allclose(a, b, atol=1e-9)
    except (TypeError, ValueError):
        return False


def _same_numbers(a, b):
    try:
        a = np.sort(np.asarray(a, dtype=float).ravel())
        return a.shape == (b.size,) and np.allclose(a, np.sort(b.ravel()),
                                                    atol=1e-7)  # fmt: skip
    except (TypeError, ValueError):
        return False
