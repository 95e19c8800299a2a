"""One MLP from p2_nn.py: its size, a score and the graph behind it."""

from p2_nn import MLP

model = MLP([2, 8, 8, 1])
score = model([0.5, -1.0])
score.backward()
print(f"MLP [2, 8, 8, 1]: {len(model.parameters())} parameters")
print(f"score for x = (0.5, -1.0): {score.data:.4f}")
print(f"nodes in its graph: {len(score.topological_order())}")

assert len(model.parameters()) == (2 + 1) * 8 + (8 + 1) * 8 + (8 + 1) * 1
assert all(p.grad != 0 for p in model.parameters()[:2])  # gradients flow
