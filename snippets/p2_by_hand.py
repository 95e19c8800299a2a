"""Walk back through the recorded graph by hand, then let backward() do it."""

from engine import Value

a, b = Value(2.0), Value(-3.0)
c = a * b
d = c + a

# start at the answer, and multiply by local derivatives on the way back
dd = 1.0  # d(d)/d(d)
dc = d.local_grads[0] * dd  # through d = c + a: slope 1
da = d.local_grads[1] * dd  # a's direct use in d = c + a
db = c.local_grads[1] * dc  # through c = ab: slope a
da += c.local_grads[0] * dc  # a's second use, in c = ab: slope b -> adds
print(f"by hand:    dd/da = {da:g}, dd/db = {db:g}")

d.backward()
print(f"backward(): dd/da = {a.grad:g}, dd/db = {b.grad:g}")

# d = ab + a, so dd/da = b + 1 = -2 and dd/db = a = 2
assert (da, db) == (a.grad, b.grad) == (-2.0, 2.0)
