"""The engine's public interface, checked against its own docstring."""

import inspect
import re

import engine

doc = engine.__doc__
public = [
    "data", "grad", "parents", "local_grads", "op", "label",
    "exp", "log", "tanh", "sigmoid", "relu",
    "backward", "zero_grad", "topological_order",
]  # fmt: skip
source = inspect.getsource(engine)
lines = source.splitlines()
markers = [ln for ln in lines if ln.strip().startswith("# --8<--")]
after_doc = source.split('"""', 2)[2].splitlines()
code = [ln for ln in after_doc if ln.strip() and not ln.strip()[0] == "#"]
print(f"engine.py: {len(lines)} lines in all")
print(f"  {len(doc.splitlines()) + 2} of docstring (the interface)")
print(f"  {len(markers)} section markers (for this page)")
print(f"  {len(code)} of code (blank and comment lines aside)")
print(f"public names, each documented and defined: {len(public)}")

for name in public:
    assert re.search(rf"\b{name}\b", doc), name  # documented
    assert hasattr(engine.Value, name), name  # and there
assert len(lines) <= 180 and len(code) <= 110
