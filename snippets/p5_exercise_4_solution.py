"""Exercise 4, solved: attention with several heads."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from layers5 import attention_backward, attention_forward
from p5_checks import check_heads, heads_reference


# --8<-- [start:fixed]
def split(a, heads):  # (N, T, D) -> (N, T, n_h, D/n_h) -> (N n_h, T, D/n_h)
    n, t, d = a.shape
    a = a.reshape(n, t, heads, d // heads).transpose(0, 2, 1, 3)
    return a.reshape(n * heads, t, d // heads)


def merge(a, heads):  # the reverse: (N n_h, T, D/n_h) -> (N, T, D)
    nh, t, e = a.shape
    a = a.reshape(nh // heads, heads, t, e).transpose(0, 2, 1, 3)
    return a.reshape(nh // heads, t, heads * e)


def heads_forward(q, k, v, heads, causal=False):
    """q, k, v (N, T, D) -> out (N, T, D): `heads` attentions side by
    side, head h on columns h D/n_h ... (h + 1) D/n_h."""
    out, cache = attention_forward(
        *(split(a, heads) for a in (q, k, v)), causal
    )  # scale: 1/sqrt(D/n_h), its own
    return merge(out, heads), (cache, heads)


def heads_backward(dout, cache):
    """dout (N, T, D) -> dq, dk, dv, each (N, T, D)."""
    cache, heads = cache
    grads = attention_backward(split(dout, heads), cache)  # merge's back
    return tuple(merge(g, heads) for g in grads)  # split's backward
    # --8<-- [end:fixed]


report = check_heads(heads_forward, heads_backward)  # without, with mask
print(report)

# independently: other sizes; one head is plain attention; heads are apart
rng = np.random.default_rng(8)
q, k, v = rng.standard_normal((3, 2, 4, 8))
for heads in (1, 2, 4):
    out, cache = heads_forward(q, k, v, heads, causal=True)
    assert np.allclose(out, heads_reference(q, k, v, heads, True))
    dout = rng.standard_normal(out.shape)
    for a, g in zip((q, k, v), heads_backward(dout, cache)):
        f = lambda h=heads: heads_forward(q, k, v, h, True)[0]  # noqa: E731
        assert rel_error(g, numeric_grad(f, a, dout)) < 1e-8
one = attention_forward(q, k, v)[0]
assert np.allclose(heads_forward(q, k, v, 1)[0], one)
q2 = q.copy()
q2[..., :2] += 1.0  # move head 0's queries (of 4 heads, 2 columns each)
moved = np.abs(heads_forward(q2, k, v, 4)[0] - heads_forward(q, k, v, 4)[0])
print("changing head 0's queries moves output columns:",
      np.flatnonzero(moved.max(axis=(0, 1)) > 0).tolist())  # fmt: skip
assert np.flatnonzero(moved.max(axis=(0, 1)) > 0).tolist() == [0, 1]
assert report
