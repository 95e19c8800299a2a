"""Walk back through the records by hand, then let backward() do it."""

from p2_tiny import Value

a, b = Value(2.0), Value(-3.0)
c = a * b
out = c + a

# dX is d(out)/dX. Start at the answer; multiply by each recorded slope.
dout = 1.0  # d(out)/d(out): the answer moves one-for-one with itself
dc = out.local_grads[0] * dout  # out = c + a: slope 1 along c
da = out.local_grads[1] * dout  # ... and 1 along a: a's first use
db = c.local_grads[1] * dc  # c = ab: slope a along b
da += c.local_grads[0] * dc  # ... and b along a: a's second use adds
print(f"by hand:    d(out)/da = {da:g}, d(out)/db = {db:g}")

out.backward()
print(f"backward(): d(out)/da = {a.grad:g}, d(out)/db = {b.grad:g}")

# out = ab + a, so d(out)/da = b + 1 = -2 and d(out)/db = a = 2
assert (da, db) == (a.grad, b.grad) == (-2.0, 2.0)
