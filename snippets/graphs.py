"""Computational graphs as SVG, with a value and a gradient on every node.

    graph_svg(nodes, edges, title, show="both", id_prefix="g") -> str

nodes: dicts {"id", "label", "op", "value", "grad"}; "op" is "" for an
input, else the operation that made the node ("+", "*", "σ", ...); "grad"
may be None. edges: (src_id, dst_id) pairs, src feeds dst. show picks the
numbers drawn: "value", "grad", "both" or "none".

Layout: left to right in layers (a node sits one layer right of its latest
parent). Each node is a box (label, value, gradient) with its operation in a
circle on its left edge, where the wires arrive. Every node is
<g class="bp-node" data-node=id>, every wire <path class="bp-edge"
data-from data-to>, so a script can highlight them. Colours come from CSS
classes (docs/stylesheets/extra.css) that follow the light/dark palette.
"""

from html import escape

W, H, OP_R = 112, 66, 15  # box width, box height, op circle radius
DX, DY, PAD, LANE = 80, 22, 6, 26  # gaps: layers, rows; margin; lane


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


def _positions(nodes, edges):
    layer, parents = _layers(nodes, edges)
    columns = {}
    for n in nodes:  # keep the caller's order, then pull towards parents
        columns.setdefault(layer[n["id"]], []).append(n["id"])
    row = {}
    for k in sorted(columns):
        for i, nid in enumerate(columns[k]):
            ps = [row[p] for p in parents[nid]]
            row[nid] = sum(ps) / len(ps) if ps else i
        columns[k].sort(key=lambda nid: row[nid])
        for i, nid in enumerate(columns[k]):
            row[nid] = i
    tallest = max(len(c) for c in columns.values())
    # wires that skip a layer run in a lane above the boxes, or below them
    # when they start in the lower half
    skips = {
        (s, d): 2 * row[s] + 1 > len(columns[layer[s]])
        for s, d in edges
        if layer[d] - layer[s] > 1
    }
    top = PAD + (LANE if not all(skips.values()) else 0)
    inner = tallest * (H + DY) - DY
    height = top + inner + PAD + (LANE if any(skips.values()) else 0)
    lanes = {e: top + inner + LANE / 2 if low else PAD + LANE / 2
             for e, low in skips.items()}  # fmt: skip
    pos = {}
    for k, column in columns.items():
        offset = (tallest - len(column)) * (H + DY) / 2
        for i, nid in enumerate(column):
            x = PAD + 2 * OP_R + k * (W + DX)
            pos[nid] = (x, top + offset + i * (H + DY))
    width = PAD * 2 + 2 * OP_R + len(columns) * (W + DX) - DX
    return pos, lanes, width, height


def _t(x, y, s, cls, anchor="middle"):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}" '
        f'text-anchor="{anchor}">{escape(s)}</text>'
    )


def graph_svg(nodes, edges, title, show="both", id_prefix="g", fmt="{:.4f}"):
    pos, lanes, width, height = _positions(nodes, edges)
    by_id = {n["id"]: n for n in nodes}
    facts = []
    for n in nodes:
        fact = f"{n['label']} = {fmt.format(n['value'])}"
        if n["op"]:
            srcs = [by_id[s]["label"] for s, d in edges if d == n["id"]]
            fact += f" ({n['op']} of {', '.join(srcs)})"
        if n.get("grad") is not None and show in ("grad", "both"):
            fact += f", gradient {fmt.format(n['grad'])}"
        facts.append(fact)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bp-figure bp-graph" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape("; ".join(facts))}.</desc>',
    ]
    for src, dst in edges:  # wires first, so boxes sit on top of them
        (x1, y1), (x2, y2) = pos[src], pos[dst]
        x1, y1, y2 = x1 + W, y1 + H / 2, y2 + H / 2
        x2 -= 2 * OP_R if by_id[dst]["op"] else 0
        mid, lane = (x1 + x2) / 2, lanes.get((src, dst))
        if lane is not None:  # around the boxes, not through them
            a, b = x1 + DX / 2, x2 - DX / 2
            d = (
                f"M{x1:.1f} {y1:.1f} C{a:.1f} {y1:.1f} {x1:.1f} {lane:.1f} "
                f"{a:.1f} {lane:.1f} H{b:.1f} C{x2:.1f} {lane:.1f} "
                f"{b:.1f} {y2:.1f} {x2:.1f} {y2:.1f}"
            )
        else:
            d = (
                f"M{x1:.1f} {y1:.1f} C{mid:.1f} {y1:.1f} {mid:.1f} "
                f"{y2:.1f} {x2:.1f} {y2:.1f}"
            )
        out.append(
            f'<path d="{d}" class="bp-edge" '
            f'data-from="{escape(src)}" data-to="{escape(dst)}"/>'
        )
    for n in nodes:
        x, y = pos[n["id"]]
        nid = escape(n["id"])
        out.append(
            f'<g class="bp-node" id="{id_prefix}-{nid}" data-node="{nid}">'
        )
        out.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{W}" height="{H}" rx="8" '
            f'class="bp-box"/>'
        )
        out.append(_t(x + W / 2, y + 19, n["label"], "bp-name"))
        if show in ("value", "both"):
            value = fmt.format(n["value"])
            out.append(_t(x + W / 2, y + 39, value, "bp-num bp-value"))
        if show in ("grad", "both") and n.get("grad") is not None:
            grad = "∂ " + fmt.format(n["grad"])
            out.append(_t(x + W / 2, y + 58, grad, "bp-num bp-grad"))
        if n["op"]:
            cx, cy = x - OP_R, y + H / 2
            out.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{OP_R}" '
                f'class="bp-op-circle"/>'
            )
            out.append(_t(cx, cy + 5, n["op"], "bp-op-text"))
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
