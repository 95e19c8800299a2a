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
marker = "# --8<-- ["  # marks a section for the site; the download has none
lines = [ln for ln in source.splitlines() if not ln.strip().startswith(marker)]
after_doc = source.split('"""', 2)[2].splitlines()
code = [ln for ln in after_doc if ln.strip() and not ln.strip()[0] == "#"]
print(f"engine.py: {len(lines)} lines in all")
print(f"  {len(doc.splitlines()) + 2} of docstring (the interface)")
print(f"  {len(code)} of code (blank and comment lines aside)")
print(f"public names, each documented and defined: {len(public)}")

for name in public:
    assert re.search(rf"\b{name}\b", doc), name  # documented
    assert hasattr(engine.Value, name), name  # and there
assert len(lines) <= 180 and len(code) <= 110
