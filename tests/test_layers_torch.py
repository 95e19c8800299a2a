"""snippets/layers.py agrees with torch.autograd (skipped without torch;
torch is never required: `.venv/bin/pip install torch==2.13.0`)."""

import sys

import numpy as np
import pytest
from conftest import SNIPPETS

torch = pytest.importorskip("torch")
sys.path.insert(0, str(SNIPPETS))
import layers as L  # noqa: E402

F = torch.nn.functional
TOL = {np.float64: 1e-12, np.float32: 2e-6}


def grads_by_torch(fn, *arrays):
    """Outputs of fn on torch copies, and d sum(out * dout)/d each input."""
    ts = [torch.tensor(a, requires_grad=True) for a in arrays]
    out = fn(*ts)
    return out, ts


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_layers_agree_with_torch_autograd(dtype):
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((6, 5)), rng.standard_normal((5, 4))
    b = rng.standard_normal(4)
    x, w, b = (a.astype(dtype) for a in (x, w, b))
    dout = rng.standard_normal((6, 4)).astype(dtype)
    tol = TOL[dtype]

    out, cache = L.affine_forward(x, w, b)
    tout, ts = grads_by_torch(lambda x, w, b: x @ w + b, x, w, b)
    tout.backward(torch.tensor(dout))
    np.testing.assert_allclose(out, tout.detach().numpy(), rtol=tol, atol=tol)
    for g, t in zip(L.affine_backward(dout, cache), ts):
        np.testing.assert_allclose(g, t.grad.numpy(), rtol=tol, atol=tol)

    pairs = [
        (L.relu_forward, L.relu_backward, torch.relu),
        (L.sigmoid_forward, L.sigmoid_backward, torch.sigmoid),
        (L.tanh_forward, L.tanh_backward, torch.tanh),
    ]
    dx_up = rng.standard_normal(x.shape).astype(dtype)
    for forward, backward, tfn in pairs:
        out, cache = forward(x)
        tout, (tx,) = grads_by_torch(tfn, x)
        tout.backward(torch.tensor(dx_up))
        np.testing.assert_allclose(out, tout.detach().numpy(), rtol=tol)
        got = backward(dx_up, cache)
        np.testing.assert_allclose(got, tx.grad.numpy(), rtol=tol, atol=tol)

    y = rng.integers(0, 4, 6)
    scores = (10 * rng.standard_normal((6, 4))).astype(dtype)
    loss, dx = L.softmax_loss(scores, y)
    tloss, (ts,) = grads_by_torch(
        lambda s: F.cross_entropy(s, torch.tensor(y)), scores
    )
    tloss.backward()
    assert loss == pytest.approx(tloss.item(), rel=tol)
    np.testing.assert_allclose(dx, ts.grad.numpy(), rtol=tol, atol=tol)

    target = rng.standard_normal((6, 5)).astype(dtype)
    loss, dpred = L.mse_loss(x, target)
    tloss, (tp,) = grads_by_torch(
        lambda p: 0.5 * ((p - torch.tensor(target)) ** 2).sum() / 6, x
    )
    tloss.backward()
    assert loss == pytest.approx(tloss.item(), rel=tol)
    np.testing.assert_allclose(dpred, tp.grad.numpy(), rtol=tol, atol=tol)
