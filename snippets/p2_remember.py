"""A Value remembers where it came from: parents and local derivatives."""

from p2_tiny import Value

a, b = Value(2.0), Value(-3.0)
c = a * b  # c = ab: records d(c)/da = b and d(c)/db = a
out = c + a  # out = c + a: records d(out)/dc = 1 and d(out)/da = 1

names = {a: "a", b: "b", c: "c", out: "out"}
for v, name in names.items():
    parents = "(" + ", ".join(names[p] for p in v.parents) + ")"
    local = "(" + ", ".join(f"{g:g}" for g in v.local_grads) + ")"
    print(
        f"{name:>3}: data = {v.data:2g}   parents = {parents:6}   "
        f"local_grads = {local}"
    )

assert out.data == 2.0 * -3.0 + 2.0
assert c.parents == (a, b) and c.local_grads == (-3.0, 2.0)
assert out.parents == (c, a) and out.local_grads == (1.0, 1.0)
assert a.grad == b.grad == 0.0  # nothing has flowed back yet
