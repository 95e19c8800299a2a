"""A Value remembers where it came from: parents and local derivatives."""

from engine import Value

a = Value(2.0, label="a")
b = Value(-3.0, label="b")
c = a * b  # c = ab: records d(c)/da = b and d(c)/db = a
d = c + a  # d = c + a: records 1 and 1

for name, v in [("a", a), ("b", b), ("c", c), ("d", d)]:
    parents = ", ".join(f"{p.data:g}" for p in v.parents) or "-"
    local = ", ".join(f"{g:g}" for g in v.local_grads) or "-"
    print(
        f"{name}: data={v.data:5g}  op={v.op or 'input':5}  "
        f"parents=[{parents}]  local_grads=[{local}]"
    )

assert d.data == 2.0 * -3.0 + 2.0
assert c.parents == (a, b) and c.local_grads == (-3.0, 2.0)
assert d.parents == (c, a) and d.local_grads == (1.0, 1.0)
assert a.grad == b.grad == 0.0  # nothing flows back yet
