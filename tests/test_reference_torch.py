"""What the cheat sheet says PyTorch does at kinks and ties
(snippets/ref_kinks.py, column "PyTorch 2.13 (CPU)") is what torch does.
Skipped without torch, which is never required:
`.venv/bin/pip install torch==2.13.0`."""

import importlib

import pytest

torch = pytest.importorskip("torch")
F = torch.nn.functional


def grad(fn, *values):
    """Gradients of fn(*tensors) at the values, one list per input."""
    ts = [torch.tensor(v, dtype=torch.float64, requires_grad=True)
          for v in values]  # fmt: skip
    fn(*ts).sum().backward()
    return [t.grad.tolist() for t in ts]


def test_the_version_the_page_names():
    assert torch.__version__.startswith("2.13.")


def test_torch_picks_at_kinks_are_the_ones_the_table_prints(capsys):
    kinks = importlib.import_module("ref_kinks")
    capsys.readouterr()
    claims = {case[0]: case[-1] for case in kinks.cases}
    assert claims["ReLU"] == ["0 (relu); 1 (clamp(x, min=0))"]
    assert grad(torch.relu, [0.0]) == [[0.0]]
    assert grad(lambda x: torch.clamp(x, min=0), [0.0]) == [[1.0]]
    assert claims["leaky ReLU"] == ["0.01 (leaky_relu)"]
    assert grad(lambda x: F.leaky_relu(x, 0.01), [0.0]) == [[0.01]]
    assert claims["abs"] == ["0 (abs)"] and grad(torch.abs, [0.0]) == [[0]]
    assert claims["max(a, b)"] == ["0.5 (maximum)"] * 2
    assert grad(torch.maximum, [1.0], [1.0]) == [[0.5], [0.5]]
    row = [3.0, 3.0, 1.0]
    assert claims["max of a row"] == [
        "1 (max(dim)); 0.5 (amax)", "0 (max(dim)); 0.5 (amax)", "0"
    ]  # fmt: skip
    assert grad(lambda x: x.max(dim=0).values, row) == [[1.0, 0.0, 0.0]]
    assert grad(lambda x: x.amax(dim=0), row) == [[0.5, 0.5, 0.0]]
