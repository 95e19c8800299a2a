"""Every gradient of the 2-2-2 network, as a product of its factors."""

from diagrams import html_table
from p1_net import W, backward, forward, t1, t2, x1, x2

p, v = W, forward(W)
g = backward(p, v)
o1, o2, h1, h2 = v["o1"], v["o2"], v["h1"], v["h2"]
# the backward line at the units: dE/d(net input of each unit)
d_o1 = (o1 - t1) * o1 * (1 - o1)
d_o2 = (o2 - t2) * o2 * (1 - o2)
d_h1 = (d_o1 * p["w5"] + d_o2 * p["w7"]) * h1 * (1 - h1)
d_h2 = (d_o1 * p["w6"] + d_o2 * p["w8"]) * h2 * (1 - h2)


def central(name, h=1e-6):  # nudge one weight both ways, rerun forward
    up, down = dict(p, **{name: p[name] + h}), dict(p, **{name: p[name] - h})
    return (forward(up)["E"] - forward(down)["E"]) / (2 * h)


def n(a, fmt="{:.4f}"):  # a number as it reads in a formula
    return fmt.format(a) if a >= 0 else "(" + fmt.format(a) + ")"


w = {k: n(val, "{}") for k, val in p.items()}  # weights as written
out1 = f"({n(o1)} − {t1})·{n(o1)}·(1 − {n(o1)})"
out2 = f"({n(o2)} − {t2})·{n(o2)}·(1 − {n(o2)})"
hid1 = f"({n(d_o1)}·{w['w5']} + {n(d_o2)}·{w['w7']})·{n(h1)}·(1 − {n(h1)})"
hid2 = f"({n(d_o1)}·{w['w6']} + {n(d_o2)}·{w['w8']})·{n(h2)}·(1 − {n(h2)})"
# fmt: off
units = [("δo1 = ∂E/∂net_o1", "(o1 − t1)·o1(1 − o1)", out1, d_o1),
         ("δo2 = ∂E/∂net_o2", "(o2 − t2)·o2(1 − o2)", out2, d_o2),
         ("δh1 = ∂E/∂net_h1", "(δo1·w5 + δo2·w7)·h1(1 − h1)", hid1, d_h1),
         ("δh2 = ∂E/∂net_h2", "(δo1·w6 + δo2·w8)·h2(1 − h2)", hid2, d_h2)]
rows = [(a, b, c, f"{d:+.6f}") for a, b, c, d in units]
print(html_table(["gradient", "rule", "with numbers", "value"], rows))

# weight: (its unit's δ, the value it multiplies)
factors = {
    "w5": ("δo1", d_o1, "h1", h1), "w6": ("δo1", d_o1, "h2", h2),
    "b3": ("δo1", d_o1, "1", 1.0), "w7": ("δo2", d_o2, "h1", h1),
    "w8": ("δo2", d_o2, "h2", h2), "b4": ("δo2", d_o2, "1", 1.0),
    "w1": ("δh1", d_h1, "x1", x1), "w2": ("δh1", d_h1, "x2", x2),
    "b1": ("δh1", d_h1, "1", 1.0), "w3": ("δh2", d_h2, "x1", x1),
    "w4": ("δh2", d_h2, "x2", x2), "b2": ("δh2", d_h2, "1", 1.0),
}
rows = [(k, f"{a} × {b}", f"{da:+.6f} × {db:.6f}", f"{da * db:+.8f}",
         f"{central(k):+.8f}") for k, (a, da, b, db) in factors.items()]
print(html_table(["weight", "factors", "with numbers", "∂E/∂w",
                  "central difference"], rows))
# fmt: on

for k, (_, da, _, db) in factors.items():
    assert abs(da * db - g[k]) < 1e-15  # the table is backward()
    assert abs(g[k] - central(k)) < 1e-9  # and agrees with the nudge
assert g["w5"] > 0 and g["w8"] < 0  # o1 too high, o2 too low
