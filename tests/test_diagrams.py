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
