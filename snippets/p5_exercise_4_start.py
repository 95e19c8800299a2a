"""Exercise 4, your starting file: attention with several heads, forward
and backward, with a bug in each. Fix them and run this file until every
line is ok."""

from layers5 import attention_backward, attention_forward
from p5_checks import check_heads


def heads_forward(q, k, v, heads, causal=False):
    """q, k, v (N, T, D) -> out (N, T, D): `heads` attentions side by
    side, head h on columns h D/n_h ... (h + 1) D/n_h."""
    n, t, d = q.shape
    split = [a.reshape(n * heads, t, d // heads) for a in (q, k, v)]
    out, cache = attention_forward(*split, causal)  # (N n_h, T, D/n_h)
    return out.reshape(n, t, d), (cache, heads)


def heads_backward(dout, cache):
    """dout (N, T, D) -> dq, dk, dv, each (N, T, D)."""
    cache, heads = cache
    n, t, d = dout.shape
    grads = attention_backward(dout.reshape(n * heads, t, d // heads), cache)
    return tuple(g.reshape(n, t, d) for g in grads)


report = check_heads(heads_forward, heads_backward)  # without, with mask
print(report)
