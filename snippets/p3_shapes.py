"""Shapes decide: of all the products of dY with the other input (or its
transpose), exactly one has the shape the gradient must have."""

# --8<-- [start:game]
import numpy as np

rng = np.random.default_rng(0)
N, D, M = 4, 3, 2  # all different, so a shape names its axes
X, W = rng.standard_normal((N, D)), rng.standard_normal((D, M))
dY = rng.standard_normal((N, M))  # the gradient of Y = X @ W, (N, M)


def candidates(other, name, like):
    """Every product of dY (or dY.T) with other (or other.T), both orders."""
    found = []
    for a, A in [(name, other), (name + ".T", other.T)]:
        for b, B in [("dY", dY), ("dY.T", dY.T)]:
            for expr, P, Q in [(f"{a} @ {b}", A, B), (f"{b} @ {a}", B, A)]:
                ok = P.shape[1] == Q.shape[0]
                shape = (P @ Q).shape if ok else "inner sizes differ"
                print(
                    f"  {expr:<12}{shape}" + ("  <-" * (shape == like.shape))
                )
                found += [expr] * (shape == like.shape)
    return found


print(f"dW must be {W.shape}:")
dW_exprs = candidates(X, "X", W)
print(f"dX must be {X.shape}:")
dX_exprs = candidates(W, "W", X)
# --8<-- [end:game]


# --8<-- [start:expect]
def expect(name, grad, like):
    """A gradient has the shape of the thing it is the gradient of."""
    if grad.shape != like.shape:
        raise ValueError(f"{name}: expected {like.shape}, got {grad.shape}")
    return grad
    # --8<-- [end:expect]


# --8<-- [start:use]
dW = expect("dW", X.T @ dY, W)  # passes
try:
    expect("dW", dY.T @ X, W)  # the transpose of the answer
except ValueError as e:
    print(e)
# --8<-- [end:use]
assert dW_exprs == ["X.T @ dY"] and dX_exprs == ["dY @ W.T"]
