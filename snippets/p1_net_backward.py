"""Every gradient of the 2-2-2 network, as a product of its factors."""

from p1_net import W, backward, forward, t1, t2, x1, x2
from show import table

p, v = W, forward(W)
g = backward(p, v)
o1, o2, h1, h2 = v["o1"], v["o2"], v["h1"], v["h2"]
# the backward line at the units: ∂E/∂(output), then ∂E/∂(net input) = δ
do1, do2 = o1 - t1, o2 - t2
d_o1, d_o2 = do1 * o1 * (1 - o1), do2 * o2 * (1 - o2)
dh1, dh2 = d_o1 * p["w5"] + d_o2 * p["w7"], d_o1 * p["w6"] + d_o2 * p["w8"]
d_h1, d_h2 = dh1 * h1 * (1 - h1), dh2 * h2 * (1 - h2)


def central(name, h=1e-6):  # nudge one weight both ways, rerun forward
    up, down = dict(p, **{name: p[name] + h}), dict(p, **{name: p[name] - h})
    return (forward(up)["E"] - forward(down)["E"]) / (2 * h)


def n(a, fmt="{:.4f}"):  # a number as it reads in a formula
    return fmt.format(a) if a >= 0 else "(" + fmt.format(a) + ")"


w = {k: n(val, "{}") for k, val in p.items()}  # weights as written
units = [("∂E/∂E", "start at the error", "", 1.0)]
for o, t, do, d in [("o1", t1, do1, d_o1), ("o2", t2, do2, d_o2)]:
    units.append((f"∂E/∂{o}", f"{o} − t{o[1]}", f"{n(v[o])} − {t}", do))
    sig = f"{n(do)}·{n(v[o])}·(1 − {n(v[o])})"
    units.append((f"δ{o} = ∂E/∂net_{o}", f"∂E/∂{o} · {o}(1 − {o})", sig, d))
for h, wa, wb, dh, d in [("h1", "w5", "w7", dh1, d_h1),
                         ("h2", "w6", "w8", dh2, d_h2)]:  # fmt: skip
    nums = f"{n(d_o1)}·{w[wa]} + {n(d_o2)}·{w[wb]}"
    units.append((f"∂E/∂{h}", f"δo1·{wa} + δo2·{wb}", nums, dh))
    sig = f"{n(dh)}·{n(v[h])}·(1 − {n(v[h])})"
    units.append((f"δ{h} = ∂E/∂net_{h}", f"∂E/∂{h} · {h}(1 − {h})", sig, d))
rows = [(a, b, c, f"{d:+.6f}") for a, b, c, d in units]
print(table(["gradient", "rule", "with numbers", "value"], rows))

# each weight's gradient: the δ of the unit it feeds × what it multiplies
into_out = [("h1", h1), ("h2", h2), ("1", 1.0)]
into_hid = [("x1", x1), ("x2", x2), ("1", 1.0)]
feeds = [
    ("δo1", d_o1, ["w5", "w6", "b3"], into_out),
    ("δo2", d_o2, ["w7", "w8", "b4"], into_out),
    ("δh1", d_h1, ["w1", "w2", "b1"], into_hid),
    ("δh2", d_h2, ["w3", "w4", "b2"], into_hid),
]
factors = {}  # weight: (δ name, δ, input name, input)
for delta, d, weights, inputs in feeds:
    for k, (name, value) in zip(weights, inputs):
        factors[k] = (delta, d, name, value)
rows = []
for k, (a, da, b, db) in factors.items():
    nums = f"{da:+.6f} × {db:.6f}"
    rows.append(
        (k, f"{a} × {b}", nums, f"{da * db:+.8f}", f"{central(k):+.8f}")
    )
head = ["weight", "factors", "with numbers", "∂E/∂w", "central difference"]
print(table(head, rows))

for k, (_, da, _, db) in factors.items():
    assert abs(da * db - g[k]) < 1e-15  # the table is backward()
    assert abs(g[k] - central(k)) < 1e-9  # and agrees with the nudge
assert g["w5"] > 0 and g["w8"] < 0  # o1 too high, o2 too low
