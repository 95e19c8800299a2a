"""Vectorized layers as forward/backward pairs (numpy only).

The convention of the CS231n assignments. A forward pass returns the output
and a `cache` of what its backward pass will need; a backward pass takes the
upstream gradient `dout` (d loss / d out, same shape as `out`) and the cache,
and returns the gradient of the loss for each input:

    out, cache = affine_forward(x, w, b)      # x (N, D), w (D, M), b (M,)
    dx, dw, db = affine_backward(dout, cache)  # shapes of x, w, b
    out, cache = relu_forward(x)              # also sigmoid_, tanh_forward
    dx = relu_backward(dout, cache)
    loss, dx = softmax_loss(scores, y)        # scores (N, C), y ints (N,)
    loss, dpred = mse_loss(pred, target)      # 0.5 * sum((pred-target)**2)/N

Every array is float32 or float64, all of one dtype, and the results keep
it; mixing them, or passing integers, raises TypeError. A wrong shape raises
ValueError naming the expected and the actual shape. Losses are means over
the batch (N rows), so their gradients carry a 1/N. Inputs are never
modified.
"""

import numpy as np

FLOATS = (np.float32, np.float64)


def _floats(**arrays):
    """The arrays as numpy arrays of one float dtype, or a clear error."""
    out = {k: np.asarray(v) for k, v in arrays.items()}
    for name, a in out.items():
        if a.dtype not in FLOATS:
            raise TypeError(
                f"{name} has dtype {a.dtype}; layers work in float32 or "
                f"float64 (use .astype(np.float64))"
            )
    dtypes = {a.dtype for a in out.values()}
    if len(dtypes) > 1:
        got = ", ".join(f"{k}: {a.dtype}" for k, a in out.items())
        raise TypeError(f"mixed dtypes ({got}); cast them to one")
    return out.values()


def _shape(name, a, expected):
    """Raise ValueError unless a.shape matches expected (None: any size)."""
    ok = a.ndim == len(expected) and all(
        e is None or e == s for e, s in zip(expected, a.shape)
    )
    if not ok:
        want = "(" + ", ".join("?" if e is None else str(e) for e in expected)
        want += ",)" if len(expected) == 1 else ")"
        raise ValueError(f"{name} should have shape {want}, got {a.shape}")


# --8<-- [start:affine]
def affine_forward(x, w, b):
    """out = x @ w + b: x (N, D), w (D, M), b (M,) -> out (N, M)."""
    x, w, b = _floats(x=x, w=w, b=b)
    _shape("x", x, (None, None))
    _shape("w", w, (x.shape[1], None))
    _shape("b", b, (w.shape[1],))
    out = x @ w  # (N, D) @ (D, M) -> (N, M)
    out += b  # b (M,) is added to every row
    return out, (x, w)


def affine_backward(dout, cache, input_grad=True):
    """dout (N, M) -> dx (N, D), dw (D, M), db (M,).

    input_grad=False skips dx (returns None): a first layer's input is
    data, and nobody needs its gradient."""
    x, w = cache
    dout, _ = _floats(dout=dout, x=x)
    _shape("dout", dout, (x.shape[0], w.shape[1]))
    dw = x.T @ dout  # (D, N) @ (N, M) -> (D, M)
    db = dout.sum(axis=0)  # b was used by all N rows: their grads add
    dx = dout @ w.T if input_grad else None  # (N, M) @ (M, D) -> (N, D)
    return dx, dw, db
    # --8<-- [end:affine]


# --8<-- [start:relu]
def relu_forward(x):
    """out = max(x, 0), elementwise."""
    (x,) = _floats(x=x)
    return np.maximum(x, 0), x


def relu_backward(dout, cache):
    """d out/d x is 1 where x > 0, else 0: the gradient is routed or not.
    At x = 0 it is 0, the site's pick at a kink (cheat sheet)."""
    x = cache
    dout, _ = _floats(dout=dout, x=x)
    _shape("dout", dout, x.shape)
    return dout * (x > 0)  # the mask is 1 where x > 0, else 0
    # --8<-- [end:relu]


# --8<-- [start:sigmoid]
def sigmoid_forward(x):
    """out = 1 / (1 + exp(-x)), computed without overflow for any x."""
    (x,) = _floats(x=x)
    e = np.exp(-np.abs(x))  # in (0, 1]: never overflows
    out = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    return out, out


def sigmoid_backward(dout, cache):
    """d out/d x = out * (1 - out): the cache is the output itself."""
    out = cache
    dout, _ = _floats(dout=dout, out=out)
    _shape("dout", dout, out.shape)
    return dout * out * (1 - out)
    # --8<-- [end:sigmoid]


# --8<-- [start:tanh]
def tanh_forward(x):
    """out = tanh(x), elementwise."""
    (x,) = _floats(x=x)
    out = np.tanh(x)
    return out, out


def tanh_backward(dout, cache):
    """d out/d x = 1 - out**2."""
    out = cache
    dout, _ = _floats(dout=dout, out=out)
    _shape("dout", dout, out.shape)
    return dout * (1 - out * out)
    # --8<-- [end:tanh]


# --8<-- [start:softmax]
def softmax_loss(x, y):
    """Mean cross-entropy of scores x (N, C) for integer labels y (N,).

    Returns (loss, dx) with dx = (softmax(x) - onehot(y)) / N."""
    (x,) = _floats(x=x)
    y = np.asarray(y)
    _shape("x", x, (None, None))
    _shape("y", y, (x.shape[0],))
    n, c = x.shape
    if n == 0 or c == 0:
        raise ValueError(f"x should not be empty, got shape {x.shape}")
    if y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= c:
        raise ValueError(f"y should hold integer labels in [0, {c})")
    shifted = x - x.max(axis=1, keepdims=True)  # <= 0: exp cannot overflow
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(n)
    loss = -log_p[rows, y].sum() / n
    dx = np.exp(log_p)  # p = softmax(x), each row sums to 1
    dx[rows, y] -= 1  # p - onehot(y)
    dx /= n  # the loss is a mean over the batch
    return loss, dx
    # --8<-- [end:softmax]


# --8<-- [start:mse]
def mse_loss(pred, target):
    """loss = 0.5 * sum((pred - target)**2) / N, N = pred.shape[0]."""
    pred, target = _floats(pred=pred, target=target)
    _shape("target", target, pred.shape)
    if pred.ndim == 0 or pred.shape[0] == 0:
        raise ValueError(f"pred should have a batch axis, got {pred.shape}")
    n = pred.shape[0]
    diff = pred - target
    loss = 0.5 * np.vdot(diff, diff) / n
    return loss, diff / n  # d loss/d pred = (pred - target) / N
    # --8<-- [end:mse]


def __getattr__(name):
    """Part 5's layers live beside this file, in layers5.py, and are
    importable from here too: `from layers import conv2d_forward`."""
    import importlib  # layers5 imports this module: load it when asked

    try:
        part5 = importlib.import_module("layers5")
    except ModuleNotFoundError:  # only layers.py was downloaded
        part5 = None
    if part5 is None or name not in part5.__all__:
        raise AttributeError(f"module 'layers' has no attribute {name!r}")
    return getattr(part5, name)
