"""The forward pass of the 2-2-2 network, one row per number."""

from p1_net import W, forward, t1, t2, x1, x2
from show import table

p, v = W, forward(W)
f = "{:.6f}".format
rows = [
    (
        "net_h1",
        "w1·x1 + w2·x2 + b1",
        f"{p['w1']}·{x1} + ({p['w2']})·{x2} + {p['b1']}",
        f(v["net_h1"]),
    ),
    (
        "net_h2",
        "w3·x1 + w4·x2 + b2",
        f"{p['w3']}·{x1} + {p['w4']}·{x2} + ({p['b2']})",
        f(v["net_h2"]),
    ),
    ("h1", "σ(net_h1)", f"σ({v['net_h1']:.6f})", f(v["h1"])),
    ("h2", "σ(net_h2)", f"σ({v['net_h2']:.6f})", f(v["h2"])),
    (
        "net_o1",
        "w5·h1 + w6·h2 + b3",
        f"{p['w5']}·{v['h1']:.4f} + ({p['w6']})·{v['h2']:.4f} + {p['b3']}",
        f(v["net_o1"]),
    ),
    (
        "net_o2",
        "w7·h1 + w8·h2 + b4",
        f"{p['w7']}·{v['h1']:.4f} + {p['w8']}·{v['h2']:.4f} + ({p['b4']})",
        f(v["net_o2"]),
    ),
    ("o1", "σ(net_o1)", f"σ({v['net_o1']:.6f})", f(v["o1"])),
    ("o2", "σ(net_o2)", f"σ({v['net_o2']:.6f})", f(v["o2"])),
    ("E1", "½(o1 − t1)²", f"½({v['o1']:.6f} − {t1})²", f(v["E1"])),
    ("E2", "½(o2 − t2)²", f"½({v['o2']:.6f} − {t2})²", f(v["E2"])),
    ("E", "E1 + E2", f"{v['E1']:.6f} + {v['E2']:.6f}", f(v["E"])),
]
print(table(["value", "rule", "with numbers", "result"], rows))

# hand-checkable claims: o1 is too high (target 0.1), o2 too low (0.9)
assert v["o1"] > t1 and v["o2"] < t2
assert abs(v["E"] - 0.5 * ((v["o1"] - t1) ** 2 + (v["o2"] - t2) ** 2)) < 1e-15
