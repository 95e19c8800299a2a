"""The diagram helpers draw what they are given, with a text alternative."""

import xml.etree.ElementTree as ET

import pytest
from diagrams import two_line_svg
from graphs import graph_svg

SVG = "{http://www.w3.org/2000/svg}"

NODES = [
    {"id": "x", "label": "x", "op": "", "value": 2.0, "grad": 4.0},
    {"id": "y", "label": "y", "op": "", "value": 3.0, "grad": 2.0},
    {"id": "a", "label": "a", "op": "*", "value": 6.0, "grad": 1.0},
    {"id": "f", "label": "f", "op": "+", "value": 8.0, "grad": 1.0},
]
EDGES = [("x", "a"), ("y", "a"), ("a", "f"), ("x", "f")]


def texts(el, cls):
    return [t.text for t in el.iter(f"{SVG}text") if cls in t.get("class", "")]


def test_graph_has_a_node_per_node_and_a_wire_per_edge():
    root = ET.fromstring(graph_svg(NODES, EDGES, "f = xy + x"))
    groups = [g for g in root.iter(f"{SVG}g") if g.get("data-node")]
    assert [g.get("data-node") for g in groups] == ["x", "y", "a", "f"]
    wires = [
        (p.get("data-from"), p.get("data-to"))
        for p in root.iter(f"{SVG}path")
        if "bp-edge" in p.get("class", "")
    ]
    assert wires == EDGES
    assert len(list(root.iter(f"{SVG}circle"))) == 2  # the ops * and +


def test_graph_shows_exactly_the_given_numbers():
    root = ET.fromstring(graph_svg(NODES, EDGES, "t", fmt="{:.2f}"))
    assert texts(root, "bp-value") == ["2.00", "3.00", "6.00", "8.00"]
    assert texts(root, "bp-grad") == ["∂ 4.00", "∂ 2.00", "∂ 1.00", "∂ 1.00"]
    only_values = ET.fromstring(graph_svg(NODES, EDGES, "t", show="value"))
    assert texts(only_values, "bp-grad") == []


def test_graph_has_a_text_alternative():
    root = ET.fromstring(graph_svg(NODES, EDGES, "f = xy + x", id_prefix="q"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "q-title q-desc"
    assert root.find(f"{SVG}title").text == "f = xy + x"
    desc = root.find(f"{SVG}desc").text
    assert "f = 8.0000 (+ of a, x), gradient 1.0000" in desc
    assert "x = 2.0000, gradient 4.0000" in desc


def test_a_wire_that_skips_a_layer_goes_over_the_boxes():
    root = ET.fromstring(graph_svg(NODES, EDGES, "t"))
    rects = [r for r in root.iter(f"{SVG}rect")]
    top_of_boxes = min(float(r.get("y")) for r in rects)
    skip = next(p for p in root.iter(f"{SVG}path") if p.get("data-to") == "f"
                and p.get("data-from") == "x")  # fmt: skip
    lane = float(skip.get("d").split("H")[0].split()[-1])
    assert lane < top_of_boxes


def test_a_cycle_is_an_error():
    with pytest.raises(ValueError, match="cycle"):
        graph_svg(NODES[:1], [("x", "x")], "t")


def test_two_line_picture_shows_values_and_gradients():
    svg = two_line_svg(
        ["x", "y"], [1.0, 2.0], [2.0, 1.0], ["× 2"], ["× 2"], "y = 2x"
    )
    root = ET.fromstring(svg)
    nums = texts(root, "bp-num")
    assert nums == ["1.0000", "2.0000", "2.0000", "1.0000"]
    assert root.find(f"{SVG}title").text == "y = 2x"
    assert "dy/dx = 2.0000" in root.find(f"{SVG}desc").text


def wires(root):
    return [p for p in root.iter(f"{SVG}path") if "bp-edge" in p.get("class")]


def lane_run(path):
    """(y, x_from, x_to) of a wire's run in a lane, or None."""
    d = path.get("d")
    if "H" not in d:
        return None
    before, after = d.split("H")
    x_from, y = map(float, before.split()[-2:])
    return y, x_from, float(after.split()[0])


# c = a·b with a = x·x and b = a + x (Part 2's backward-loop figure)
LOOP = [
    {"id": "x", "label": "x", "op": "", "value": 2.0, "grad": 44.0},
    {"id": "a", "label": "a", "op": "×", "value": 4.0, "grad": 10.0},
    {"id": "b", "label": "b", "op": "+", "value": 6.0, "grad": 4.0},
    {"id": "c", "label": "c", "op": "×", "value": 24.0, "grad": 1.0},
]
LOOP_EDGES = [("x", "a"), ("x", "a"), ("a", "b"), ("x", "b")]
LOOP_EDGES += [("a", "c"), ("b", "c")]


def test_each_use_of_a_value_is_its_own_wire():
    root = ET.fromstring(graph_svg(LOOP, LOOP_EDGES, "t"))
    twice = [
        p
        for p in wires(root)
        if (p.get("data-from"), p.get("data-to")) == ("x", "a")
    ]
    assert len(twice) == 2
    a, b = (p.get("d").split() for p in twice)
    assert a[:2] != b[:2] and a[-2:] != b[-2:]  # own start, own end
    assert [p.get("data-edge") for p in wires(root)] == list("012345")


def test_wires_in_lanes_never_share_a_stretch_of_lane():
    graphs = [(LOOP, LOOP_EDGES), (NODES, EDGES)]
    chain = [
        {
            "id": f"v{i}",
            "label": f"v{i}",
            "op": "+" if i else "",
            "value": 1.0,
            "grad": 1.0,
        }
        for i in range(5)
    ]
    skips = [(f"v{i}", f"v{j}") for i in range(5) for j in range(i + 1, 5)]
    graphs.append((chain, skips))  # every node feeds every later one
    for nodes, edges in graphs:
        runs = [
            lane_run(p)
            for p in wires(ET.fromstring(graph_svg(nodes, edges, "t")))
        ]
        runs = [r for r in runs if r]
        assert runs
        for i, (y1, a1, b1) in enumerate(runs):
            for y2, a2, b2 in runs[i + 1 :]:
                overlap = min(b1, b2) - max(a1, a2)
                assert overlap <= 0 or abs(y1 - y2) >= 10, (y1, y2)


def test_a_long_operation_name_gets_a_pill_that_fits_it():
    nodes = LOOP[:2] + [dict(LOOP[2], op="tanh")]
    root = ET.fromstring(graph_svg(nodes, [("x", "a"), ("a", "b")], "t"))
    pill = next(
        r for r in root.iter(f"{SVG}rect") if r.get("class") == "bp-op-circle"
    )
    assert float(pill.get("width")) > 2 * 15  # wider than the circle
    assert len(list(root.iter(f"{SVG}circle"))) == 1  # "×" stays round


def test_wire_labels_and_carried_gradients_are_drawn_per_wire():
    labels = ["w1", None, None, None, None, None]
    carries = [20.0, 20.0, 4.0, 4.0, 6.0, 24.0]
    root = ET.fromstring(
        graph_svg(
            LOOP, LOOP_EDGES, "t", fmt="{:.1f}", labels=labels, carries=carries
        )
    )
    groups = {g.get("class"): [] for g in root.iter(f"{SVG}g")}
    for g in root.iter(f"{SVG}g"):
        groups[g.get("class")].append(
            (g.get("data-edge"), g.find(f"{SVG}text").text)
        )
    assert groups["bp-label"] == [("0", "w1")]
    assert groups["bp-carry"] == [
        (str(k), f"{c:.1f}") for k, c in enumerate(carries)
    ]
    desc = root.find(f"{SVG}desc").text
    assert "wire x to a: w1, carries back 20.0" in desc
    with pytest.raises(ValueError, match="one entry per edge"):
        graph_svg(LOOP, LOOP_EDGES, "t", labels=["w1"])


def test_boxes_widen_for_long_numbers():
    wide = [dict(n, value=-123456.0) for n in NODES]
    root = ET.fromstring(graph_svg(wide, EDGES, "t", fmt="{:.6f}"))
    box = next(
        r for r in root.iter(f"{SVG}rect") if r.get("class") == "bp-box"
    )
    assert float(box.get("width")) >= len("-123456.000000") * 15 * 0.6


def test_two_line_arrows_grow_with_their_labels():
    short = two_line_svg(
        ["x", "y"], [1.0, 2.0], [2.0, 1.0], ["×2"], ["×2"], "t"
    )
    long = two_line_svg(
        ["x", "y"], [1.0, 2.0], [2.0, 1.0], ["×2"], ["× σ(1−σ) long"], "t"
    )
    width = lambda s: float(ET.fromstring(s).get("viewBox").split()[2])  # noqa: E731
    assert width(long) > width(short)
