"""Part 5's layers: forward/backward pairs in the conventions of layers.py.

    g = unbroadcast(grad, shape)         # a broadcast's backward: a sum
    out, cache = batchnorm_forward(x, gamma, beta, eps=1e-5)  # x (N, D)
    dx, dgamma, dbeta = batchnorm_backward(dout, cache)
    out, cache = layernorm_forward(x, gamma, beta, eps=1e-5)  # x (..., D)
    dx, dgamma, dbeta = layernorm_backward(dout, cache)
    out, cache = conv2d_forward(x, w, b, stride=1, pad=0)
    dx, dw, db = conv2d_backward(dout, cache)  # x (N, C, H, W)
    out, cache = maxpool_forward(x, size=2, stride=2)
    dx = maxpool_backward(dout, cache)
    out, cache = attention_forward(q, k, v, causal=False)  # (N, T, d)
    dq, dk, dv = attention_backward(dout, cache)

As in layers.py: float32 stays float32 and float64 float64 (mixing them or
passing integers raises TypeError), a wrong shape raises ValueError naming
the expected and the actual shape, and inputs are never modified. `layers`
re-exports every name, so `from layers import conv2d_forward` works too.
"""

import numpy as np
from layers import _floats, _shape
from numpy.lib.stride_tricks import sliding_window_view

__all__ = [
    "unbroadcast", "batchnorm_forward", "batchnorm_backward",
    "layernorm_forward", "layernorm_backward", "conv2d_forward",
    "conv2d_backward", "maxpool_forward", "maxpool_backward",
    "attention_forward", "attention_backward",
]  # fmt: skip


# --8<-- [start:unbroadcast]
def unbroadcast(grad, shape):
    """Sum `grad` back to `shape`, the shape of an operand that numpy
    broadcast: over the axes it prepended, and over axes of size 1."""
    (grad,) = _floats(grad=grad)
    shape = tuple(shape)
    lead = grad.ndim - len(shape)  # axes numpy put in front
    if lead < 0 or any(
        s not in (1, g) for s, g in zip(shape, grad.shape[lead:])
    ):
        raise ValueError(f"grad of shape {grad.shape} cannot come from "
                         f"broadcasting shape {shape}")  # fmt: skip
    grad = grad.sum(axis=tuple(range(lead)))  # a copy, even for no axes
    ones = tuple(i for i, s in enumerate(shape) if s == 1)
    return grad.sum(axis=ones, keepdims=True)
    # --8<-- [end:unbroadcast]


# --8<-- [start:norm]
def _normalize(x, gamma, beta, eps, axis):
    """gamma * (x - mean) / sqrt(var + eps) + beta, stats along `axis`."""
    mu = x.mean(axis=axis, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(axis=axis, keepdims=True)  # biased: divides by n
    std = np.sqrt(var + x.dtype.type(eps))  # eps in x's dtype
    xhat = xc / std
    return gamma * xhat + beta, (xhat, std, gamma, axis)


def _normalize_backward(dout, cache):
    """The compact formula; `axis` is the one the statistics ran along."""
    xhat, std, gamma, axis = cache
    dout, _ = _floats(dout=dout, xhat=xhat)
    _shape("dout", dout, xhat.shape)
    rest = tuple(range(dout.ndim - 1))  # gamma, beta: (D,), on every row
    dgamma = (dout * xhat).sum(axis=rest)
    dbeta = dout.sum(axis=rest)
    dxhat = dout * gamma
    dx = (  # direct path, minus the path through mu, minus through var
        dxhat
        - dxhat.mean(axis=axis, keepdims=True)
        - xhat * (dxhat * xhat).mean(axis=axis, keepdims=True)
    ) / std
    return dx, dgamma, dbeta
    # --8<-- [end:norm]


def _norm_inputs(x, gamma, beta, batch):
    x, gamma, beta = _floats(x=x, gamma=gamma, beta=beta)
    if batch:
        _shape("x", x, (None, None))
    elif x.ndim == 0:
        raise ValueError("x should have shape (..., D), got ()")
    _shape("gamma", gamma, (x.shape[-1],))
    _shape("beta", beta, (x.shape[-1],))
    n = x.shape[0] if batch else x.shape[-1]
    if n == 0:
        raise ValueError(f"x should not be empty, got shape {x.shape}")
    return x, gamma, beta


# --8<-- [start:batchnorm]
def batchnorm_forward(x, gamma, beta, eps=1e-5):
    """x (N, D): each column normalized over the batch (training mode)."""
    x, gamma, beta = _norm_inputs(x, gamma, beta, batch=True)
    return _normalize(x, gamma, beta, eps, axis=0)


def batchnorm_backward(dout, cache):
    """dout (N, D) -> dx (N, D), dgamma (D,), dbeta (D,)."""
    return _normalize_backward(dout, cache)
    # --8<-- [end:batchnorm]


# --8<-- [start:layernorm]
def layernorm_forward(x, gamma, beta, eps=1e-5):
    """x (..., D): each row (last axis) normalized over its D features."""
    x, gamma, beta = _norm_inputs(x, gamma, beta, batch=False)
    return _normalize(x, gamma, beta, eps, axis=-1)


def layernorm_backward(dout, cache):
    """dout (..., D) -> dx (..., D), dgamma (D,), dbeta (D,)."""
    return _normalize_backward(dout, cache)
    # --8<-- [end:layernorm]


# --8<-- [start:windows]
def _windows(x, kh, kw, stride):
    """(N, C, H', W', kh, kw): every window, a view (no copy)."""
    view = sliding_window_view(x, (kh, kw), axis=(2, 3))
    return view[:, :, ::stride, ::stride]


def _spread(dwin, shape, stride):
    """The adjoint of _windows: add each window's gradient where its
    numbers came from (windows overlap: +=, never =)."""
    n, c, ho, wo, kh, kw = dwin.shape
    dx = np.zeros(shape, dtype=dwin.dtype)
    for i in range(kh):  # one strided slice per kernel offset
        for j in range(kw):
            dx[:, :, i : i + stride * ho : stride,
               j : j + stride * wo : stride] += dwin[..., i, j]  # fmt: skip
    return dx
    # --8<-- [end:windows]


def _conv_shapes(x, w, b, stride, pad):
    _shape("x", x, (None, None, None, None))
    _shape("w", w, (None, x.shape[1], None, None))
    _shape("b", b, (w.shape[0],))
    if int(stride) != stride or stride < 1 or int(pad) != pad or pad < 0:
        raise ValueError(f"stride should be >= 1 and pad >= 0, integers; "
                         f"got stride={stride}, pad={pad}")  # fmt: skip
    h, wd = x.shape[2] + 2 * pad, x.shape[3] + 2 * pad
    if w.shape[2] > h or w.shape[3] > wd or 0 in w.shape:
        raise ValueError(f"w's kernel {w.shape[2:]} should fit in the "
                         f"padded input {(h, wd)}")  # fmt: skip


# --8<-- [start:conv]
def conv2d_forward(x, w, b, stride=1, pad=0):
    """x (N, C, H, W), w (F, C, KH, KW), b (F,) -> out (N, F, H', W'),
    H' = (H + 2 pad - KH) // stride + 1: a cross-correlation, as in every
    deep-learning library, computed as one matrix product (im2col)."""
    x, w, b = _floats(x=x, w=w, b=b)
    _conv_shapes(x, w, b, stride, pad)
    stride, pad = int(stride), int(pad)
    f, c, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    win = _windows(xp, kh, kw, stride)  # (N, C, H', W', KH, KW)
    n, _, ho, wo = win.shape[:4]
    # im2col: one row per output position, one column per (c, i, j)
    cols = win.transpose(0, 2, 3, 1, 4, 5).reshape(n * ho * wo, -1)
    out = cols @ w.reshape(f, -1).T + b  # (N H' W', F)
    out = out.reshape(n, ho, wo, f).transpose(0, 3, 1, 2)
    return np.ascontiguousarray(out), (cols, w, xp.shape, stride, pad)


def conv2d_backward(dout, cache):
    """dout (N, F, H', W') -> dx (N, C, H, W), dw (F, C, KH, KW), db (F,)."""
    cols, w, xp_shape, stride, pad = cache
    dout, _ = _floats(dout=dout, w=w)
    f, c, kh, kw = w.shape
    n, ho = xp_shape[0], (xp_shape[2] - kh) // stride + 1
    wo = (xp_shape[3] - kw) // stride + 1
    _shape("dout", dout, (n, f, ho, wo))
    dmat = dout.transpose(0, 2, 3, 1).reshape(-1, f)  # (N H' W', F)
    dw = (dmat.T @ cols).reshape(w.shape)  # like an affine layer's x^T dout
    db = dout.sum(axis=(0, 2, 3))
    dcols = dmat @ w.reshape(f, -1)  # (N H' W', C KH KW)
    dwin = dcols.reshape(n, ho, wo, c, kh, kw).transpose(0, 3, 1, 2, 4, 5)
    dxp = _spread(dwin, xp_shape, stride)  # col2im
    dx = dxp[:, :, pad : xp_shape[2] - pad, pad : xp_shape[3] - pad]
    return np.ascontiguousarray(dx), dw, db
    # --8<-- [end:conv]


# --8<-- [start:maxpool]
def maxpool_forward(x, size=2, stride=2):
    """x (N, C, H, W) -> the max of each size x size window."""
    (x,) = _floats(x=x)
    _shape("x", x, (None, None, None, None))
    if not 1 <= size <= min(x.shape[2:]) or stride < 1:
        raise ValueError(f"size should be in [1, {min(x.shape[2:])}] and "
                         f"stride >= 1, got {size}, {stride}")  # fmt: skip
    win = _windows(x, size, size, stride)
    flat = win.reshape(*win.shape[:4], size * size)
    arg = flat.argmax(axis=-1)  # a tie: the first max, as PyTorch does
    out = np.take_along_axis(flat, arg[..., None], axis=-1)[..., 0]
    return out, (arg, x.shape, size, stride)


def maxpool_backward(dout, cache):
    """The max gate of Part 1, per window: all of dout to the max."""
    arg, shape, size, stride = cache
    (dout,) = _floats(dout=dout)
    _shape("dout", dout, arg.shape)
    onehot = arg[..., None] == np.arange(size * size)  # where the max was
    dwin = (dout[..., None] * onehot).reshape(*arg.shape, size, size)
    return _spread(dwin, shape, stride)  # overlapping windows add
    # --8<-- [end:maxpool]


# --8<-- [start:attention]
def attention_forward(q, k, v, causal=False):
    """softmax(q k^T / sqrt(d)) v for q (N, T, d), k (N, Tk, d) and
    v (N, Tk, dv): Tk keys (Tk = T for self-attention), values of width
    dv; causal: position t sees positions <= t."""
    q, k, v = _floats(q=q, k=k, v=v)
    _shape("q", q, (None, None, None))
    _shape("k", k, (q.shape[0], None, q.shape[2]))
    _shape("v", v, (q.shape[0], k.shape[1], None))
    if causal:
        _shape("k", k, q.shape)  # causal: one sequence attends to itself
    if q.shape[2] == 0:
        raise ValueError(f"q should have d >= 1 features, got {q.shape}")
    scale = 1 / float(np.sqrt(q.shape[2]))  # a Python float: keeps dtype
    s = q @ k.transpose(0, 2, 1) * scale  # (N, T, Tk) scores
    if causal:  # the future gets probability 0: exp(-inf) = 0
        s[:, np.triu(np.ones(s.shape[1:], bool), 1)] = -np.inf
    s -= s.max(axis=-1, keepdims=True)  # <= 0: no overflow (Part 3)
    p = np.exp(s)
    p /= p.sum(axis=-1, keepdims=True)  # each row sums to 1
    return p @ v, (q, k, v, p, scale)


def attention_backward(dout, cache):
    """dout (N, T, dv) -> dq (N, T, d), dk (N, Tk, d), dv (N, Tk, dv)."""
    q, k, v, p, scale = cache
    dout, _ = _floats(dout=dout, v=v)
    _shape("dout", dout, (*p.shape[:2], v.shape[2]))
    dv = p.transpose(0, 2, 1) @ dout  # out = p v: a matmul
    dp = dout @ v.transpose(0, 2, 1)  # (N, T, Tk)
    ds = p * (dp - (dp * p).sum(axis=-1, keepdims=True))  # row softmax
    dq = ds @ k * scale  # s = q k^T scale: a matmul again
    dk = ds.transpose(0, 2, 1) @ q * scale
    return dq, dk, dv
    # --8<-- [end:attention]
