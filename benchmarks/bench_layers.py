"""The 2-layer MLP train step of Part 3: numpy (snippets/layers.py) against
PyTorch CPU, and against numpy's own matmul throughput.

    .venv/bin/python benchmarks/bench_layers.py [--threads 2] [--rounds 15]

One step is forward, backward and an SGD update, written exactly as the
page "Train a network from scratch" writes it (in-place updates, the first
layer's input gradient skipped). PyTorch (optional: `.venv/bin/pip install
torch==2.13.0`) runs the same step with autograd. Both use the same number
of threads. Rounds are interleaved (numpy, matmul, torch, numpy, ...) so a
noisy neighbour hurts all of them alike; each reported time is the median
over rounds of the mean over a round's repetitions.

GFLOP/s counts the matrix products only: forward 2ND*H + 2NHC, backward
dW2, dA and dW1: 2NHC + 2NHC + 2NDH. "matmul" times exactly those five
products with nothing else in between: the ceiling for this step.

OpenBLAS picks its kernels by CPU at load time; in a VM it can pick the
wrong ones. The core it chose is printed; OPENBLAS_CORETYPE (e.g.
SkylakeX, Haswell, Zen) overrides it if you want to compare.
"""

import argparse
import ctypes
import glob
import os
import statistics
import sys
import time
from pathlib import Path

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--rounds", type=int, default=15)
args = parser.parse_args()
for var in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"]:
    os.environ[var] = str(args.threads)  # before numpy and torch load BLAS

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "snippets"))
from layers import (  # noqa: E402
    affine_backward,
    affine_forward,
    relu_backward,
    relu_forward,
    softmax_loss,
)

try:
    import torch
except ImportError:
    torch = None


def openblas_core():
    libs = glob.glob(
        os.path.join(np.__path__[0], "..", "numpy.libs", "*openblas*.so")
    )
    if not libs:
        return "unknown (no bundled OpenBLAS found)"
    lib = ctypes.CDLL(libs[0])
    for name in ["scipy_openblas_get_corename64_", "openblas_get_corename"]:
        if hasattr(lib, name):
            getattr(lib, name).restype = ctypes.c_char_p
            return getattr(lib, name)().decode()
    return "unknown"


# the step, exactly as the training page writes it --------------------------
def numpy_step(X, y, params, lr=0.1):
    W1, b1, W2, b2 = params
    h, cache1 = affine_forward(X, W1, b1)
    a, cache2 = relu_forward(h)
    scores, cache3 = affine_forward(a, W2, b2)
    loss, dscores = softmax_loss(scores, y)
    da, dW2, db2 = affine_backward(dscores, cache3)
    dh = relu_backward(da, cache2)
    _, dW1, db1 = affine_backward(dh, cache1, input_grad=False)
    for p, g in [(W1, dW1), (b1, db1), (W2, dW2), (b2, db2)]:
        p -= lr * g
    return loss


def matmuls_only(X, params, a, dscores, dh):
    """The step's five matrix products and nothing else."""
    W1, _, W2, _ = params
    X @ W1, a @ W2  # forward
    a.T @ dscores, dscores @ W2.T, X.T @ dh  # dW2, da, dW1


def torch_step(X, y, params, lr=0.1):
    W1, b1, W2, b2 = params
    scores = torch.relu(X @ W1 + b1) @ W2 + b2
    loss = torch.nn.functional.cross_entropy(scores, y)
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad
            p.grad = None
    return loss


def timed(fn, reps):
    t = time.perf_counter()
    for _ in range(reps):
        fn()
    return (time.perf_counter() - t) / reps


def bench(N, D, H, C, reps):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((N, D), dtype=np.float32)
    y = rng.integers(0, C, size=N)
    params = [
        (rng.standard_normal((D, H)) * np.sqrt(2 / D)).astype(np.float32),
        np.zeros(H, np.float32),
        (rng.standard_normal((H, C)) * np.sqrt(2 / H)).astype(np.float32),
        np.zeros(C, np.float32),
    ]
    a = rng.standard_normal((N, H), dtype=np.float32)
    dscores = rng.standard_normal((N, C), dtype=np.float32)
    dh = rng.standard_normal((N, H), dtype=np.float32)
    runs = {
        "numpy step": lambda: numpy_step(X, y, params),
        "numpy matmuls only": lambda: matmuls_only(X, params, a, dscores, dh),
    }
    if torch is not None:
        tX, ty = torch.from_numpy(X), torch.from_numpy(y)
        tparams = [torch.tensor(p, requires_grad=True) for p in params]
        runs["torch step"] = lambda: torch_step(tX, ty, tparams)
    for fn in runs.values():  # warm up: allocator, BLAS threads, autograd
        timed(fn, reps)
    times = {k: [] for k in runs}
    for _ in range(args.rounds):  # interleaved
        for k, fn in runs.items():
            times[k].append(timed(fn, reps))
    med = {k: statistics.median(v) for k, v in times.items()}
    flops = 4 * N * D * H + 6 * N * H * C
    print(f"\nbatch {N}, {D}-{H}-{C}, float32, {flops / 1e6:.3g} MFLOP/step")
    for k, t in med.items():
        print(f"  {k:<20}{t * 1e6:10.1f} us  {flops / t / 1e9:7.2f} GFLOP/s")
    ratio_mm = med["numpy matmuls only"] / med["numpy step"]
    print(f"  numpy step at {ratio_mm:.0%} of numpy's matmul throughput")
    if torch is not None:
        r = med["numpy step"] / med["torch step"]
        print(f"  numpy time / torch time: {r:.2f}x")
        return r, ratio_mm
    return None, ratio_mm


print(f"threads: {args.threads} (numpy/OpenBLAS and torch alike)")
print(f"numpy {np.__version__}, OpenBLAS core: {openblas_core()}")
if torch is not None:
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
else:
    print("torch not installed: numpy only")
bench(256, 784, 1024, 10, reps=5)
bench(32, 2, 16, 2, reps=200)
