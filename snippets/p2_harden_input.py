"""Bad input: the small engine quietly computes nonsense; engine.py stops
at the line that caused it."""

import engine
import p2_tiny

attempts = {
    'Value("3") + Value("4")': lambda V: V("3") + V("4"),
    "Value(1e200) * Value(1e200)": lambda V: V(1e200) * V(1e200),
    'Value(float("nan")).tanh()': lambda V: V(float("nan")).tanh(),
}
refused = 0
for code, attempt in attempts.items():
    print(code)
    out = attempt(p2_tiny.Value)
    print(f"  p2_tiny.py:  data = {out.data!r}")
    try:
        attempt(engine.Value)
    except (TypeError, ValueError) as e:
        refused += 1
        print(f"  engine.py:   {type(e).__name__}: {e}")

assert p2_tiny.Value("3") + p2_tiny.Value("4") is not None  # no error...
assert (p2_tiny.Value("3") + p2_tiny.Value("4")).data == "34"  # ...but "34"
assert refused == len(attempts)
