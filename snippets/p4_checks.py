"""Checkers for the Part 4 exercises: run them on your own attempt.

Put this file and gradcheck.py beside yours, then:

    from p4_checks import check_glu
    print(check_glu(glu_backward))

    check_glu(backward)          exercise 2: backward(dout, cache) returns
                                 (dx, dWa, dWb) for glu_forward below
    check_rate(predict_rate)     exercise 3: predict_rate(W, b) returns the
                                 factor by which the gradient shrinks per
                                 layer of h = tanh(h W + b), deep inside
    check_checkpoint(grads, k)   exercise 4: grads(x, Ws, dout, step, k)
                                 returns (dx, dWs) for a tanh stack while
                                 keeping about every k-th activation only
                                 (peak memory measured with tracemalloc,
                                 recomputation counted in step() calls)

Each runs your code on fixed seeded inputs, compares with central
differences (or with backprop itself, for exercise 3), and returns a
gradcheck.Report: one line per gradient or quantity ("dx: ok", or what is
wrong), shown by print(). bool(report) is True only if every line is ok,
so `if check_glu(glu_backward):` works too. A checker never prints and
never raises on a broken attempt: an exception in your code becomes a
line.
"""

import math
import tracemalloc
import weakref

import numpy as np
from gradcheck import Report, explain, numeric_grad, rel_error


def _call(fn, *args):
    """(fn(*args), None), or (None, what it raised): never raises."""
    try:
        return fn(*args), None
    except Exception as e:  # a broken attempt is reported, not raised
        return None, f"raised {type(e).__name__}: {e}"


def _verdict(got, want, exact=None):
    """explain()'s sentence for one gradient, for any `got` at all."""
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"not an array of numbers: {type(got).__name__}"
    if got.ndim == 0 and np.isnan(got):
        return "None or nan: nothing was computed"
    if got.shape == np.shape(want) and not np.all(np.isfinite(got)):
        return "not finite (nan or inf)"
    msg = explain(got, want)
    if msg == "ok" and exact is not None and rel_error(got, exact) > 1e-12:
        return "close to central differences, not to the plain backward"
    return msg


def _run(fn, args, size, what):
    """(fn(*args) as a tuple of `size`, None), or (None, what is wrong)."""
    result, err = _call(fn, *args)
    if (
        err is None
        and isinstance(result, (tuple, list))
        and len(result) == size
    ):
        return tuple(result), None
    if err:
        return None, f"attempt {err}"
    return None, f"should return {what}, got {type(result).__name__}"


# --8<-- [start:glu]
def glu_forward(x, Wa, Wb):
    """out = (x Wa) * σ(x Wb): x (N, D), Wa and Wb (D, M) -> out (N, M)."""
    a = x @ Wa  # the value path
    g = np.exp(-np.logaddexp(0, -(x @ Wb)))  # σ = 1/(1 + e^-z), no overflow
    return a * g, (x, Wa, Wb, a, g)
    # --8<-- [end:glu]


def check_glu(backward):
    """Exercise 2: is backward(dout, cache) -> (dx, dWa, dWb) right?"""
    rng = np.random.default_rng(0)
    x, Wa, Wb = (rng.standard_normal(s) for s in ((4, 3), (3, 2), (3, 2)))
    dout = rng.standard_normal((4, 2))
    f = lambda: glu_forward(x, Wa, Wb)[0]  # noqa: E731
    nums = [numeric_grad(f, v, dout) for v in (x, Wa, Wb)]
    grads, err = _run(backward, (dout, glu_forward(x, Wa, Wb)[1]), 3,
                      "(dx, dWa, dWb)")  # fmt: skip
    if err:
        return Report([err])
    return Report(
        f"{name}: {_verdict(got, num)}"
        for name, got, num in zip(("dx", "dWa", "dWb"), grads, nums)
    )


RATE_CASES = {"mild": (0.8, 0.5), "saturated": (2.0, 2.0)}  # scale, bias


def rate_case(scale, bias, n=8):
    """W (n, n) of spectral radius about `scale`, and b = bias everywhere."""
    A = np.random.default_rng(0).standard_normal((n, n)) / np.sqrt(n)
    return scale * A, np.full(n, bias)


# --8<-- [start:backprop]
def chain_backward(W, b, x, dout, depth):
    """dL/dh for h_l = tanh(h_{l-1} W + b), from the top down to x."""
    hs = [x]
    for _ in range(depth):
        hs.append(np.tanh(hs[-1] @ W + b))
    dhs = [dout]
    for h in hs[:0:-1]:  # h_depth, ..., h_1
        dhs.append((dhs[-1] * (1 - h**2)) @ W.T)  # dz = dh tanh', dz Wᵀ
    return dhs


def measured_rate(W, b):
    """Shrink per layer of ||dL/dh||, 10 to 50 layers below the top."""
    rng = np.random.default_rng(1)
    x, dout = rng.standard_normal((2, 1, len(b)))
    norms = [np.linalg.norm(d) for d in chain_backward(W, b, x, dout, 80)]
    return (norms[50] / norms[10]) ** (1 / 40)
    # --8<-- [end:backprop]


def check_rate(predict_rate):
    """Exercise 3: does predict_rate(W, b) match what backprop does?"""
    report = Report()
    for name, (scale, bias) in RATE_CASES.items():
        W, b = rate_case(scale, bias)
        want, rho_W = measured_rate(W, b), max(abs(np.linalg.eigvals(W)))
        got, msg = _call(predict_rate, W.copy(), b.copy())
        try:
            got = float(got) if msg is None else got
        except (TypeError, ValueError):
            msg = f"returned {got!r}, not a number"
        if msg is None and abs(got / want - 1) < 0.02:
            name, msg = f"{name} ({got:.3f} per layer)", "ok"
        elif msg is None and abs(got / rho_W - 1) < 0.02:
            msg = "the spectral radius of W alone: where are tanh's slopes?"
        elif msg is None:
            msg = f"{got:.3g}, but backprop shrinks by {want:.3g} per layer"
        report.append(f"{name}: {msg}")
    return report


# --8<-- [start:plain]
def plain_grads(x, Ws, dout, step):
    """Backward through h_{l+1} = step(h_l, W_l) = tanh(h_l W_l)."""
    hs = [x]
    for W in Ws:
        hs.append(step(hs[-1], W))  # every activation stays alive
    dh, dWs = dout, [None] * len(Ws)
    for i in reversed(range(len(Ws))):
        dz = dh * (1 - hs[i + 1] ** 2)  # tanh' = 1 - h²
        dWs[i] = hs[i].T @ dz  # dW = h_inᵀ dz
        dh = dz @ Ws[i].T  # dh_in = dz Wᵀ
    return dh, dWs
    # --8<-- [end:plain]


class Step:
    """step(h, W) = tanh(h W), counting calls and outputs still alive."""

    def __init__(self):
        self.calls, self.peak, self.alive = 0, 0, []

    def __call__(self, h, W):
        out = np.tanh(h @ W)
        self.calls += 1
        self.alive = [r for r in self.alive if r() is not None]
        self.alive.append(weakref.ref(out))  # dies when you drop `out`
        self.peak = max(self.peak, len(self.alive))
        return out


def measure(grads, k, depth=16, batch=256, width=32):
    """Run grads on a larger stack: (peak memory it allocated, in
    activations of (batch, width) float64; its step() calls; the output
    arrays' share of that peak; an error or None). tracemalloc sees every
    numpy array made during the call: copies and preallocated buffers
    count as much as step()'s outputs."""
    rng = np.random.default_rng(1)
    x, dout = rng.standard_normal((2, batch, width))
    Ws = list(rng.standard_normal((depth, width, width)) / np.sqrt(width))
    step, started = Step(), not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    try:
        result, err = _call(grads, x, Ws, dout, step, k)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        if started:
            tracemalloc.stop()
    outputs = (depth * width * width + batch * width) / (batch * width)
    return peak / x.nbytes, step.calls, outputs, err


def check_checkpoint(grads, k=4, depth=16):
    """Exercise 4: right gradients; peak memory of about ceil(depth/k) + k
    activations (measured); each segment recomputed (step() counted)."""
    rng = np.random.default_rng(0)
    x, dout = rng.standard_normal((2, 3, 5))
    Ws = list(rng.standard_normal((depth, 5, 5)) * 0.6)
    exact_dx, exact_dWs = plain_grads(x, Ws, dout, Step())
    result, err = _run(grads, (x, Ws, dout, Step(), k), 2, "(dx, dWs)")
    if err:
        return Report([err])

    def top():  # the stack's output, for central differences
        h = x
        for W in Ws:
            h = np.tanh(h @ W)
        return h

    dWs = result[1] if isinstance(result[1], (list, tuple)) else []
    dWs = list(dWs[:depth]) + [None] * (depth - len(dWs[:depth]))
    dx = _verdict(result[0], numeric_grad(top, x, dout), exact_dx)
    msgs = [_verdict(dW, numeric_grad(top, W, dout), exact)
            for W, dW, exact in zip(Ws, dWs, exact_dWs)]  # fmt: skip
    bad = [(i, msg) for i, msg in enumerate(msgs) if msg != "ok"]
    dW = f"dW[{bad[0][0]}]: {bad[0][1]}" if bad else f"dWs (all {depth}): ok"
    peak, calls, outputs, err = measure(grads, k, depth)
    plain = measure(lambda x, Ws, d, s, k: plain_grads(x, Ws, d, s), k)[0]
    # kept: ceil(depth/k) checkpoints and one segment of k activations;
    # allowed besides: the outputs dx and dWs, and three temporaries
    most = math.ceil(depth / k) + k + 3 + outputs
    least = 2 * depth - k  # every layer below the top segment, again
    kept_all = ("too many: every activation is kept (copies and buffers "
                "count too); keep every k-th, recompute the rest")  # fmt: skip
    freed = "too many: free each segment after its backward pass"
    mem = "ok" if peak <= most else kept_all if calls < least else freed
    work = "ok" if least <= calls <= 2 * depth else (
        "use step() for every layer" if calls < depth
        else "no recomputation: recompute each segment from its "
        "checkpoint" if calls < least
        else "recompute each segment once")  # fmt: skip
    return Report(
        [
            f"dx: {dx}",
            dW,
            f"memory: peak {peak:.1f} activations "
            f"(plain {plain:.1f}, at most {most:.1f}): {mem}",
            f"work: {calls} layer steps "
            f"(plain {depth}, {least} to {2 * depth}): {work}",
        ]
    )
