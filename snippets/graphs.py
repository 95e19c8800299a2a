"""Computational graphs as SVG, with a value and a gradient on every node.

    graph_svg(nodes, edges, title, show="both", id_prefix="g",
              fmt="{:.4f}", *, labels=None, carries=None) -> str

nodes: dicts {"id", "label", "op", "value", "grad"}; "op" is "" for an
input, else the operation that made the node ("+", "*", "σ", "max", ...);
"grad" may be None. edges: (src_id, dst_id) pairs, src feeds dst, one pair
per use: x * x lists ("x", "a") twice and gets two wires. show picks the
numbers drawn: "value", "grad", "both" or "none". labels: a text per edge
(or None), written on its wire, e.g. the weight it multiplies by.
carries: a number per edge (or None), what the wire carries back in the
backward pass, written near the wire's source in the backward colour.

Layout: left to right in layers (a node sits one layer right of its latest
parent). Each node is a box (label, value, gradient) with its operation in
a circle (or a pill, for a longer name) on its left edge, where its wires
arrive, each at a port of its own. A wire that skips a layer runs in a lane
above the boxes, or below them, and no two such wires share a lane where
they overlap. Every node is <g class="bp-node" data-node=id>, every wire
<path class="bp-edge" data-from data-to data-edge=index>, so a script can
highlight them. Colours come from CSS classes and variables that follow
the light and dark palettes.
"""

from html import escape

H, OP_R, OP_H = 66, 15, 30  # box height; op circle radius; pill height
MIN_W, GAP, DY, PAD, LANE = 112, 50, 22, 6, 22  # widths and gaps (px)
PORT = 8  # distance between the ports where wires meet a box or an op
# inline styles: the page's stylesheet has no rules for text on wires
PATCH = "fill: var(--md-default-bg-color); stroke: none"
STYLE = {
    "label": "font-size: 12px",
    "carry": "font-size: 12px; fill: var(--bp-bwd); font-weight: 700; "
    "font-family: var(--md-code-font-family, monospace)",
}


def text_width(s, size, mono=False):
    """A generous estimate of a text's width in px (fonts vary)."""
    return len(s) * size * (0.61 if mono else 0.62)


def _layers(nodes, edges):
    """Layer of each node: 0 for inputs, else 1 + the deepest parent."""
    parents = {n["id"]: [] for n in nodes}
    for src, dst in edges:
        parents[dst].append(src)
    layer = {}
    todo = [n["id"] for n in nodes]
    while todo:  # iterative: repeat until every node's parents are placed
        rest = [i for i in todo if any(p not in layer for p in parents[i])]
        for i in todo:
            if i not in rest:
                layer[i] = 1 + max((layer[p] for p in parents[i]), default=-1)
        if len(rest) == len(todo):
            raise ValueError(f"graph has a cycle through {rest}")
        todo = rest
    return layer, parents


def _rows(nodes, layer, parents):
    """Each layer's nodes top to bottom, pulled towards their parents."""
    columns = {}
    for n in nodes:  # keep the caller's order, then sort by the parents
        columns.setdefault(layer[n["id"]], []).append(n["id"])
    row = {}
    for k in sorted(columns):
        for i, nid in enumerate(columns[k]):
            ps = [row[p] for p in parents[nid]]
            row[nid] = sum(ps) / len(ps) if ps else i
        columns[k].sort(key=lambda nid: row[nid])
        for i, nid in enumerate(columns[k]):
            row[nid] = i
    return columns, row


def _op_width(op):
    """A circle for a one-letter operation, a pill that fits a longer one."""
    if not op:
        return 0
    return 2 * OP_R if len(op) == 1 else max(2 * OP_R, text_width(op, 13) + 16)


def _tracks(spans):
    """Give each (start, end) a track: no two overlapping spans share one."""
    ends, track = [], {}
    for key, (a, b) in sorted(spans.items(), key=lambda kv: kv[1]):
        free = [t for t, end in enumerate(ends) if end + PORT < a]
        t = free[0] if free else len(ends)
        ends[t:t + 1] = [b]  # fmt: skip
        track[key] = t
    return track


def _bezier(p0, p1, p2, p3, t):
    u = 1 - t
    return tuple(
        u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d
        for a, b, c, d in zip(p0, p1, p2, p3)
    )


class _Layout:
    def __init__(self, nodes, edges, texts, labels, carries):
        self.by_id = {n["id"]: n for n in nodes}
        layer, parents = _layers(nodes, edges)
        columns, row = _rows(nodes, layer, parents)
        widths = [text_width(t, 15, mono) + 16 for t, mono in texts]
        self.w = max([MIN_W, *widths])
        self.opw = max([_op_width(n["op"]) for n in nodes] + [2 * OP_R])
        # room between the columns for the texts on the wires
        on_wire = [_patch_width(s, "label") + 56 for s in labels if s]
        on_wire += [_patch_width(s, "carry") + 36 for s in carries if s]
        both = any(a and b for a, b in zip(labels, carries))
        gap = max([GAP, *on_wire]) + (max(on_wire) if both else 0)
        self.gap = gap
        pitch = self.opw + self.w + gap
        tallest = max(len(c) for c in columns.values())
        # a wire that skips a layer runs in a lane above the boxes, or below
        # them when it starts in the lower half of its column
        low, spans = {}, {}
        for k, (s, d) in enumerate(edges):
            if layer[d] - layer[s] > 1:
                low[k] = 2 * row[s] + 1 > len(columns[layer[s]])
                x1 = PAD + self.opw + layer[s] * pitch + self.w
                x2 = (
                    PAD
                    + self.opw
                    + layer[d] * pitch
                    - _op_width(self.by_id[d]["op"])
                )
                spans[k] = (x1, x2)
        top_t = _tracks({k: v for k, v in spans.items() if not low[k]})
        bot_t = _tracks({k: v for k, v in spans.items() if low[k]})
        n_top = 1 + max(top_t.values(), default=-1)
        n_bot = 1 + max(bot_t.values(), default=-1)
        top = PAD + n_top * LANE
        inner = tallest * (H + DY) - DY
        self.lane = {k: top - (t + 0.5) * LANE for k, t in top_t.items()}
        self.lane |= {
            k: top + inner + (t + 0.5) * LANE for k, t in bot_t.items()
        }
        self.pos = {}
        for k, column in columns.items():
            offset = (tallest - len(column)) * (H + DY) / 2
            for i, nid in enumerate(column):
                x = PAD + self.opw + k * pitch
                self.pos[nid] = (x, top + offset + i * (H + DY))
        self.width = 2 * PAD + self.opw + len(columns) * pitch - gap - self.opw
        self.height = top + inner + n_bot * LANE + PAD
        self._ports(edges)

    def _ports(self, edges):
        """Where each wire leaves its source and meets its destination:
        spread out, in the order that keeps wires from crossing there."""

        def side(k, other):  # lanes above first, below last, else by row
            lane = self.lane.get(k)
            y = self.pos[other][1]
            if lane is None:
                return (1, y, k)
            return (0 if lane < y else 2, y, k)

        self.out, self.into = {}, {}
        for mine, other, store in [(0, 1, self.out), (1, 0, self.into)]:
            groups = {}
            for k, e in enumerate(edges):
                groups.setdefault(e[mine], []).append(k)
            for ks in groups.values():
                ks.sort(key=lambda k: side(k, edges[k][other]))
                step = min(PORT, (OP_H - 6) / max(len(ks) - 1, 1))
                for i, k in enumerate(ks):
                    store[k] = (i - (len(ks) - 1) / 2) * step
        self.edges = edges
        self.bow = {}  # the same wire drawn twice (x * x): bow them apart
        for k, e in enumerate(edges):
            same = [j for j, f in enumerate(edges) if f == e]
            i = same.index(k)
            self.bow[k] = (i - (len(same) - 1) / 2) * 2 * PORT

    def ends(self, k):
        src, dst = self.edges[k]
        (x1, y1), (x2, y2) = self.pos[src], self.pos[dst]
        dy1, dy2 = self.out[k], self.into[k]
        x1, y1, y2 = x1 + self.w, y1 + H / 2 + dy1, y2 + H / 2 + dy2
        opw = _op_width(self.by_id[dst]["op"])
        if opw:  # meet the op's round left end at this port's height
            x2 -= opw - OP_R + (OP_R**2 - dy2**2) ** 0.5
        return x1, y1, x2, y2

    def path(self, k):
        """The wire's SVG path, and place(near, w): the centre of a text
        w px wide on the wire, just clear of its "src" or "dst" end."""
        x1, y1, x2, y2 = self.ends(k)
        lane = self.lane.get(k)

        def clear(near, w):
            return x1 + w / 2 + 8 if near == "src" else x2 - w / 2 - 8

        if lane is None:
            mid, bow = (x1 + x2) / 2, self.bow[k]
            pts = (x1, y1), (mid, y1 + bow), (mid, y2 + bow), (x2, y2)
            d = "M{:.1f} {:.1f} C{:.1f} {:.1f} {:.1f} {:.1f} {:.1f} {:.1f}"

            def place(near, w):  # x grows with t: find t by bisection
                lo, hi, x = 0.0, 1.0, clear(near, w)
                for _ in range(30):
                    t = (lo + hi) / 2
                    lo, hi = (t, hi) if _bezier(*pts, t)[0] < x else (lo, t)
                return _bezier(*pts, lo)

            return d.format(*sum(pts, ())), place
        a, b = x1 + self.gap / 2, x2 - self.gap / 2  # around the boxes
        d = (
            f"M{x1:.1f} {y1:.1f} C{a:.1f} {y1:.1f} {x1:.1f} {lane:.1f} "
            f"{a:.1f} {lane:.1f} H{b:.1f} C{x2:.1f} {lane:.1f} "
            f"{b:.1f} {y2:.1f} {x2:.1f} {y2:.1f}"
        )
        return d, lambda near, w: (
            clear(near, w) + (a - x1 if near == "src" else b - x2),
            lane,
        )


def _t(x, y, s, cls, anchor="middle", extra=""):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}" '
        f'text-anchor="{anchor}"{extra}>{escape(s)}</text>'
    )


def _patch_width(text, kind):
    return text_width(text, 12, mono=kind == "carry") + 6


def _on_wire(k, x, y, text, kind):
    """A text on wire k, on a patch of background that hides the wire."""
    w = _patch_width(text, kind)
    return (
        f'<g class="bp-{kind}" data-edge="{k}">'
        f'<rect x="{x - w / 2:.1f}" y="{y - 8:.1f}" width="{w:.1f}" '
        f'height="16" rx="3" style="{PATCH}"/>'
        + _t(x, y + 4, text, "bp-wire-text", extra=f' style="{STYLE[kind]}"')
        + "</g>"
    )


def graph_svg(
    nodes,
    edges,
    title,
    show="both",
    id_prefix="g",
    fmt="{:.4f}",
    *,
    labels=None,
    carries=None,
):
    edges = [tuple(e) for e in edges]
    labels = list(labels or [None] * len(edges))
    carry = [None if c is None else fmt.format(c) for c in carries or []]
    carry += [None] * (len(edges) - len(carry))
    if len(labels) != len(edges) or len(carry) != len(edges):
        raise ValueError("labels and carries need one entry per edge")
    texts = [(n["label"], False) for n in nodes]
    texts += [(fmt.format(n["value"]), True) for n in nodes]
    texts += [("∂ " + fmt.format(n["grad"]), True) for n in nodes
              if n.get("grad") is not None]  # fmt: skip
    lay = _Layout(nodes, edges, texts, labels, carry)
    by_id = lay.by_id
    facts = []
    for n in nodes:
        fact = n["label"]  # its value only where the figure shows it
        if show in ("value", "both"):
            fact += f" = {fmt.format(n['value'])}"
        if n["op"]:
            srcs = [by_id[s]["label"] for s, d in edges if d == n["id"]]
            fact += f" ({n['op']} of {', '.join(srcs)})"
        if n.get("grad") is not None and show in ("grad", "both"):
            fact += f", gradient {fmt.format(n['grad'])}"
        facts.append(fact)
    for (s, d), lab, c in zip(edges, labels, carry):
        if lab or c:
            wire = f"wire {by_id[s]['label']} to {by_id[d]['label']}"
            facts.append(wire + (f": {lab}" if lab else ""))
            facts[-1] += f", carries back {c}" if c else ""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bp-figure bp-graph" '
        f'viewBox="0 0 {lay.width:.0f} {lay.height:.0f}" role="img" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape("; ".join(facts))}.</desc>',
    ]
    on_wires = []
    for k, (src, dst) in enumerate(edges):  # wires under the boxes
        d, at = lay.path(k)
        out.append(
            f'<path d="{d}" class="bp-edge" data-edge="{k}" '
            f'data-from="{escape(src)}" data-to="{escape(dst)}"/>'
        )
        x1, y1, x2, y2 = lay.ends(k)
        straight = abs(y1 - y2) < 1 and k not in lay.lane
        both = labels[k] and carry[k]
        # where wires cross, a text near one end is clear of the others: a
        # weight next to the op it feeds, a gradient next to where it goes
        far = straight and not both
        for kind, text, near in [
            ("label", labels[k], "src" if far else "dst"),
            ("carry", carry[k], "dst" if far else "src"),
        ]:
            if text:
                w = _patch_width(text, kind)
                on_wires.append(_on_wire(k, *at(near, w), text, kind))
    for n in nodes:
        x, y = lay.pos[n["id"]]
        nid = escape(n["id"])
        out.append(
            f'<g class="bp-node" id="{id_prefix}-{nid}" data-node="{nid}">'
        )
        out.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{lay.w:.0f}" height="{H}" '
            f'rx="8" class="bp-box"/>'
        )
        cx = x + lay.w / 2
        out.append(_t(cx, y + 19, n["label"], "bp-name"))
        if show in ("value", "both"):
            value = fmt.format(n["value"])
            out.append(_t(cx, y + 39, value, "bp-num bp-value"))
        if show in ("grad", "both") and n.get("grad") is not None:
            grad = "∂ " + fmt.format(n["grad"])
            out.append(_t(cx, y + 58, grad, "bp-num bp-grad"))
        if n["op"]:
            w, cy = _op_width(n["op"]), y + H / 2
            if len(n["op"]) == 1:
                out.append(
                    f'<circle cx="{x - OP_R:.1f}" cy="{cy:.1f}" r="{OP_R}" '
                    f'class="bp-op-circle"/>'
                )
            else:  # a pill: the name would spill out of a circle
                out.append(
                    f'<rect x="{x - w:.1f}" y="{cy - OP_H / 2:.1f}" '
                    f'width="{w:.1f}" height="{OP_H}" rx="{OP_R}" '
                    f'class="bp-op-circle"/>'
                )
            out.append(_t(x - w / 2, cy + 5, n["op"], "bp-op-text"))
        out.append("</g>")
    out += on_wires  # on top: wires pass under the boxes, labels over all
    out.append("</svg>")
    return "\n".join(out)
