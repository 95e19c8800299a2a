"""Part 5 in numbers: every backward pass of the part against central
differences once more, on fresh inputs, and the build time it adds
(measured by benchmarks/bench_part5.py, read from p5_build.json)."""

import json
from pathlib import Path

import numpy as np
import p5_bn_staged as S
from gradcheck import check_layer, numeric_grad, rel_error
from layers5 import (
    attention_backward,
    attention_forward,
    batchnorm_backward,
    batchnorm_forward,
    conv2d_backward,
    conv2d_forward,
    layernorm_backward,
    layernorm_forward,
    maxpool_backward,  # fmt: skip
    maxpool_forward,
    unbroadcast,
)
from p5_block import block_backward, block_forward, init_block
from p5_conv_loops import conv_loops_backward, conv_loops_forward
from show import note, table

rng = np.random.default_rng(1)
x, g, b = rng.normal(2, 3, (6, 4)), *rng.standard_normal((2, 4))
img, w, bias = (rng.standard_normal(s) for s in ((2, 3, 6, 5), (4, 3, 3, 2),
                                                 (4,)))  # fmt: skip
q, k, v = rng.standard_normal((3, 2, 5, 4))


def staged(x, g, b):
    out, cache = S.bn_staged_forward(x, g, b)
    return out, cache


def broadcasts():
    a, c = rng.standard_normal((2, 3, 4)), rng.standard_normal((3, 1))
    dout = rng.standard_normal((2, 3, 4))
    return [rel_error(unbroadcast(dout * a, c.shape),
                      numeric_grad(lambda: a * c, c, dout))]  # fmt: skip


def loops():  # small: the loops are slow
    x = rng.standard_normal((1, 2, 4, 4))
    k, c = rng.standard_normal((2, 2, 2, 2)), rng.standard_normal(2)
    dout = rng.standard_normal((1, 2, 3, 3))
    grads = conv_loops_backward(dout, x, k, 1, 0)
    return [rel_error(gr, numeric_grad(
        lambda: conv_loops_forward(x, k, c), a, dout))
        for gr, a in zip(grads, (x, k, c))]  # fmt: skip


def block():
    p = init_block(4, rng, hidden=8)
    for name in p:  # gains and biases off their initial 1s and 0s
        p[name] = p[name] + 0.3 * rng.standard_normal(p[name].shape)
    x = rng.standard_normal((1, 5, 4))
    dy = rng.standard_normal(x.shape)
    dx, grads = block_backward(dy, block_forward(x, p)[1])
    grads["x"], p["x"] = dx, x
    return [
        rel_error(
            grads[n], numeric_grad(lambda: block_forward(x, p)[0], p[n], dy)
        )
        for n in p
        if n != "k.b"
    ]  # k.b: 0 by design (0 vs 0: no ratio)


def tie():
    t = np.array([[[[7.0, 7.0], [1.0, 2.0]]]])  # a window with two maxima
    return check_layer(maxpool_forward, maxpool_backward, t)


CHECKS = [  # what, page, errors
    ("unbroadcast, (3, 1) into (2, 3, 4)", "broadcasting", broadcasts),
    ("batch norm, staged", "batch norm", lambda: check_layer(
        staged, lambda d, c: S.bn_staged_backward(d, c)[:3], x, g, b)),
    ("batch norm, compact", "batch norm", lambda: check_layer(
        batchnorm_forward, batchnorm_backward, x, g, b)),
    ("layer norm", "layer norm", lambda: check_layer(
        layernorm_forward, layernorm_backward, x.reshape(2, 3, 4), g, b)),
    ("conv2d, loops", "convolution", loops),
    ("conv2d, im2col, stride 2, pad 1", "convolution", lambda: check_layer(
        lambda *a: conv2d_forward(*a, 2, 1), conv2d_backward, img, w, bias)),
    ("max pool, no ties", "convolution", lambda: check_layer(
        maxpool_forward, maxpool_backward, img)),
    ("max pool at a tie (a kink)", "convolution", tie),
    ("attention", "attention", lambda: check_layer(
        attention_forward, attention_backward, q, k, v)),
    ("attention, causal", "attention", lambda: check_layer(
        lambda *a: attention_forward(*a, True), attention_backward, q, k, v)),
    ("the block: x and every parameter but k.b", "transformer block",
     block),
]  # fmt: skip

rows, worst = [], {}
for what, page, run in CHECKS:
    worst[what] = max(run())
    rows.append((what, page, f"{worst[what]:.0e}"))
print(table(["backward pass", "page", "largest relative error"], rows))

build = json.loads(Path(__file__).with_name("p5_build.json").read_text())
wall, cpu = build["median_s"], build["median_cpu_s"]
print(note(f"Build time: Part 5 adds {wall['with'] - wall['without']:.1f} s "
           f"to a cold build of the site ({wall['without']:.1f} s without "
           f"it, {wall['with']:.1f} s with it) and "
           f"{cpu['with'] - cpu['without']:.1f} s of CPU time; medians of "
           f"{build['rounds']} interleaved builds each way, "
           f"{build['date']}, {build['machine']}, load average up to "
           f"{build['load']:.1f}."))  # fmt: skip

kink = "max pool at a tie (a kink)"
assert all(e < 1e-7 for w, e in worst.items() if w != kink)
assert worst[kink] > 1e-4  # at a tie there is no derivative to agree with
