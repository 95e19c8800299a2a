"""A deep chain: the small engine's recursion gives out; engine.py's
stack does not."""

import sys

import engine
import p2_tiny


def chain(Value, n):  # y = x * 0.9999 * 0.9999 * ... (n products)
    x = Value(1.0)
    y = x
    for _ in range(n):
        y = y * Value(0.9999)
    y.backward()
    return x.grad  # dy/dx = 0.9999 ** n


print(f"Python's recursion limit: {sys.getrecursionlimit()}")
results = {}
for name, Value, n in [
    ("p2_tiny.py", p2_tiny.Value, 100),
    ("p2_tiny.py", p2_tiny.Value, 5_000),
    ("engine.py", engine.Value, 100_000),
]:
    try:
        results[name, n] = chain(Value, n)
        print(f"{name:<11}{n:>8,} products: dy/dx = {results[name, n]:.6g}")
    except RecursionError:
        results[name, n] = None
        print(f"{name:<11}{n:>8,} products: RecursionError")

assert abs(results["p2_tiny.py", 100] - 0.9999**100) < 1e-15
assert results["p2_tiny.py", 5_000] is None  # one Python frame per level
assert abs(results["engine.py", 100_000] / 0.9999**100_000 - 1) < 1e-9
