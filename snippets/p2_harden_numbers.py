"""Plain numbers: the small engine cannot add 1 or double; engine.py can."""

import engine
import p2_tiny

attempts = {"x + 1": lambda x: x + 1, "2 * x": lambda x: 2 * x}
for name, Value in [
    ("p2_tiny.py", p2_tiny.Value),
    ("engine.py", engine.Value),
]:
    for code, attempt in attempts.items():
        try:
            result = f"{attempt(Value(3.0)).data:g}"
        except (AttributeError, TypeError) as e:
            result = f"{type(e).__name__}: {e}"
        print(f"{name}, x = 3, {code}:\n    {result}")

x = engine.Value(3.0)
y = 2 * x + 1  # 2 and 1 become inputs of their own: constants
y.backward()
print(f"engine.py, y = 2 * x + 1 = {y.data:g}, dy/dx = {x.grad:g}")

assert (y.data, x.grad) == (7.0, 2.0)
assert [p.data for p in y.parents] == [6.0, 1.0]  # x*2 first, then 1
