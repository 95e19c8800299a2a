"""Exercise 3, solved: predict the vanishing rate, then measure it."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from p4_checks import (
    RATE_CASES,
    chain_backward,
    check_rate,
    measured_rate,
    rate_case,
)


# --8<-- [start:solution]
def settle(W, b):
    h = np.zeros(len(b))
    for _ in range(200):  # deep in the stack, h settles: h = tanh(h W + b)
        h = np.tanh(h @ W + b)
    return h


def predict_rate(W, b):
    """Factor by which ||dL/dh|| shrinks per layer, deep in the stack."""
    h = settle(W, b)
    M = np.diag(1 - h**2) @ W.T  # dh_in = (dh ⊙ tanh') Wᵀ = dh M
    return max(abs(np.linalg.eigvals(M)))  # spectral radius of M


# --8<-- [end:solution]

print("case       rho(W)  mean slope  predicted  backprop  decades lost")
rates = {}
for name, (scale, bias) in RATE_CASES.items():
    W, b = rate_case(scale, bias)
    rates[name] = p, m = predict_rate(W, b), measured_rate(W, b)
    rho, slope = max(abs(np.linalg.eigvals(W))), np.mean(1 - settle(W, b) ** 2)
    assert abs(rho / scale - 1) < 0.05  # A's spectral radius is close to 1
    print(f"{name:9} {rho:7.3f} {slope:11.3f} {p:10.3f} {m:9.3f} "
          f"{-50 * np.log10(p):9.1f} in 50")  # fmt: skip
report = check_rate(predict_rate)  # one line per case
print(report)

assert report and all(abs(p / m - 1) < 0.02 for p, m in rates.values())
# larger weights, yet faster vanishing: saturation beats the larger W
assert rates["saturated"][0] < rates["mild"][0] < 1
# and the measuring backprop is right: central differences, 6 layers
W, b = rate_case(*RATE_CASES["saturated"])
x, dout = np.random.default_rng(2).standard_normal((2, 1, 8))


def forward():
    h = x
    for _ in range(6):
        h = np.tanh(h @ W + b)
    return h


dx = chain_backward(W, b, x, dout, 6)[-1]
assert rel_error(dx, numeric_grad(forward, x, dout)) < 1e-7
