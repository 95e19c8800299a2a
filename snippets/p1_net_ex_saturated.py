"""Exercise: a saturated output unit passes back almost no gradient."""

from p1_net import W, backward, forward, t1

sat = dict(W, w5=8.0, w6=8.0)  # o1 close to 1; its target is 0.1
print("weights     o1        o1 - t1   o1(1 - o1)  ∂E/∂w5")
for name, p in [("original", W), ("saturated", sat)]:
    v = forward(p)
    o1, dw5 = v["o1"], backward(p, v)["w5"]
    print(
        f"{name:10}  {o1:.6f}  {o1 - t1:+.4f}   {o1 * (1 - o1):.6f}"
        f"    {dw5:+.6f}"
    )

v0, v1 = forward(W), forward(sat)
assert v1["o1"] - t1 > v0["o1"] - t1  # far more wrong...
assert backward(sat, v1)["w5"] < backward(W, v0)["w5"] / 100  # ...tiny grad
