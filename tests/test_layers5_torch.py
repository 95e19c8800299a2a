"""snippets/layers5.py and the Part 5 transformer block agree with
torch.autograd (skipped without torch; torch is never required:
`.venv/bin/pip install torch==2.13.0`)."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")
import layers5 as L  # noqa: E402
from p5_block import block_backward, block_forward, init_block  # noqa: E402
from p5_model import copy_batch, init_model, model_loss  # noqa: E402

F = torch.nn.functional
TOL = {np.float64: 1e-10, np.float32: 2e-4}
DTYPES = [np.float64, np.float32]


def torch_grads(fn, arrays, dout):
    """fn on torch copies: its output, and d sum(out * dout)/d each."""
    ts = [torch.tensor(a, requires_grad=True) for a in arrays]
    out = fn(*ts)
    out.backward(torch.tensor(dout))
    return out.detach().numpy(), [t.grad.numpy() for t in ts]


def close(a, b, dtype, floor=1e-30):
    """Relative to the array's scale (float32 sums differ in order), or to
    `floor` when that is larger: a key bias's gradient is 0 by design, and
    both sides hold rounding noise there."""
    scale = max(np.abs(b).max(), floor)
    assert a.dtype == dtype
    np.testing.assert_allclose(a, b, rtol=0, atol=TOL[dtype] * scale)


def compare(ours, theirs, arrays, dtype, seed=0):
    out, cache = ours(*arrays)
    dout = np.random.default_rng(seed).standard_normal(out.shape)
    dout = dout.astype(dtype)
    tout, tgrads = torch_grads(theirs, arrays, dout)
    close(out, tout, dtype)
    return cache, dout, tgrads


def layer_cases(dtype):
    rng = np.random.default_rng(1)

    def r(*s):
        return rng.standard_normal(s).astype(dtype)

    x, g, b = r(6, 4), r(4), r(4)
    yield ((L.batchnorm_forward, L.batchnorm_backward),
           lambda x, g, b: F.batch_norm(x, None, None, g, b, training=True,
                                        eps=1e-5), (x, g, b))  # fmt: skip
    x3 = r(2, 3, 4)
    yield ((L.layernorm_forward, L.layernorm_backward),
           lambda x, g, b: F.layer_norm(x, (4,), g, b, eps=1e-5),
           (x3, g, b))  # fmt: skip
    for stride, pad in ((1, 0), (2, 1), (3, 2)):
        yield ((lambda *a, s=stride, p=pad: L.conv2d_forward(*a, s, p),
                L.conv2d_backward),
               lambda x, w, b, s=stride, p=pad: F.conv2d(x, w, b, s, p),
               (r(2, 3, 7, 6), r(4, 3, 3, 2), r(4)))  # fmt: skip
    for size, stride in ((2, 2), (3, 1)):
        yield ((lambda x, s=size, t=stride: L.maxpool_forward(x, s, t),
                L.maxpool_backward),
               lambda x, s=size, t=stride: F.max_pool2d(x, s, t),
               (r(2, 3, 6, 5),))  # fmt: skip
    for causal in (False, True):
        yield ((lambda *a, c=causal: L.attention_forward(*a, c),
                L.attention_backward),
               lambda q, k, v, c=causal: F.scaled_dot_product_attention(
                   q, k, v, is_causal=c), (r(2, 5, 3), r(2, 5, 3),
                                           r(2, 5, 4)))  # fmt: skip


@pytest.mark.parametrize("dtype", DTYPES)
def test_layers_agree_with_torch(dtype):
    count = 0
    for (forward, backward), theirs, arrays in layer_cases(dtype):
        cache, dout, tgrads = compare(forward, theirs, arrays, dtype)
        grads = backward(dout, cache)
        grads = grads if isinstance(grads, tuple) else (grads,)
        for g, t in zip(grads, tgrads, strict=True):
            close(g, t, dtype)
        count += 1
    assert count == 9


def test_maxpool_breaks_ties_as_torch_does():
    x = np.array([[[[7.0, 7.0, 1.0, 9.0], [7.0, 0.0, 9.0, 9.0]]]])
    out, cache = L.maxpool_forward(x)
    dout = np.array([[[[1.0, 2.0]]]])
    _, (tgrad,) = torch_grads(lambda t: F.max_pool2d(t, 2, 2), [x], dout)
    np.testing.assert_array_equal(L.maxpool_backward(dout, cache), tgrad)
    assert tgrad[0, 0, 0, 0] == 1.0 and tgrad[0, 0, 0, 3] == 2.0  # firsts


def torch_block(x, p, causal=True):
    """The same block with torch.nn.functional, from the same numbers."""
    a = F.layer_norm(x, x.shape[-1:], p["ln1.gamma"], p["ln1.beta"])
    q, k, v = (a @ p[f"{n}.w"] + p[f"{n}.b"] for n in "qkv")
    att = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    h = x + att @ p["o.w"] + p["o.b"]
    m = F.layer_norm(h, h.shape[-1:], p["ln2.gamma"], p["ln2.beta"])
    return h + F.relu(m @ p["fc1.w"] + p["fc1.b"]) @ p["fc2.w"] + p["fc2.b"]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("causal", [True, False])
def test_transformer_block_agrees_with_torch_autograd(dtype, causal):
    rng = np.random.default_rng(2)
    p = {k: (v + 0.3 * rng.standard_normal(v.shape)).astype(dtype)
         for k, v in init_block(8, rng).items()}  # fmt: skip
    x = rng.standard_normal((3, 6, 8)).astype(dtype)
    y, cache = block_forward(x, p, causal)
    dy = rng.standard_normal(y.shape).astype(dtype)
    dx, grads = block_backward(dy, cache)
    tx = torch.tensor(x, requires_grad=True)
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in p.items()}
    ty = torch_block(tx, tp, causal)
    ty.backward(torch.tensor(dy))
    close(y, ty.detach().numpy(), dtype)
    close(dx, tx.grad.numpy(), dtype)
    assert set(grads) == set(p)
    for name, t in tp.items():
        close(grads[name], t.grad.numpy(), dtype, floor=np.abs(dx).max())
    assert np.abs(grads["k.b"]).max() < 1e3 * TOL[dtype]  # 0 by design


def test_model_loss_and_gradients_agree_with_torch():
    rng = np.random.default_rng(3)
    p = init_model(rng, d=8)
    tokens, targets = copy_batch(rng, 4)
    loss, grads, _ = model_loss(tokens, targets, p)
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in p.items()}
    x = tp["embed"][torch.tensor(tokens)] + tp["pos"][: tokens.shape[1]]
    u = F.layer_norm(torch_block(x, tp), (8,), tp["lnf.gamma"],
                     tp["lnf.beta"])  # fmt: skip
    logits = u @ tp["out.w"] + tp["out.b"]
    tloss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                            torch.tensor(targets).reshape(-1))  # fmt: skip
    tloss.backward()
    assert loss == pytest.approx(tloss.item(), rel=1e-12)
    floor = np.abs(grads["embed"]).max()
    for name, t in tp.items():
        close(grads[name], t.grad.numpy(), np.float64, floor)
