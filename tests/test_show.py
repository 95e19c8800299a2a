"""The seam every figure and table goes through (snippets/show.py): HTML
while the site is built, files and plain text when a script runs."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
import show
from conftest import ROOT, env
from graphs import graph_svg

SVG = "{http://www.w3.org/2000/svg}"
NODES = [
    {"id": "x", "label": "x", "op": "", "value": 2.0, "grad": 3.0},
    {"id": "f", "label": "f", "op": "*", "value": 6.0, "grad": 1.0},
]
GRAPH = graph_svg(NODES, [("x", "f"), ("x", "f")], "f = x·x & more", "both")


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setattr(show, "in_site", lambda: True)


@pytest.fixture
def terminal(monkeypatch, tmp_path):
    monkeypatch.setattr(show, "in_site", lambda: False)
    monkeypatch.setattr(show, "_script", lambda: tmp_path / "demo.py")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(show, "_written", [])
    return tmp_path


def test_in_site_only_while_markdown_exec_runs():
    code = "import show; print(show.in_site())"
    for setup, expected in [("", "False"), ("import markdown_exec;", "True")]:
        out = subprocess.run(
            [sys.executable, "-c", setup + code],
            cwd=ROOT / "snippets",
            env=env(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert out.strip() == expected


def test_on_the_site_a_figure_is_its_svg(site):
    assert show.figure(GRAPH) == GRAPH
    both = show.figure(GRAPH, GRAPH)
    assert (
        both.startswith('<div class="bp-figures">') and both.count("<svg") == 2
    )


def test_in_a_terminal_a_figure_is_a_file_named_after_the_script(terminal):
    line = show.figure(GRAPH)
    assert line == "figure written to demo.svg (f = x·x & more)"  # unescaped
    line2 = show.figure(GRAPH)
    assert line2.startswith("figure written to demo-2.svg")
    root = ET.parse(terminal / "demo.svg").getroot()  # a well-formed file
    assert root.tag == f"{SVG}svg"
    assert root.get("width") and root.get("height")  # opens at its size
    text = (terminal / "demo.svg").read_text(encoding="utf-8")
    assert "var(" not in text  # no colour left to a stylesheet it lacks
    style = root.find(f"{SVG}style").text
    # the light palette, written out: dark text, white boxes, blue values
    assert ".bp-graph .bp-box { fill: #ffffff;" in style
    assert ".bp-figure text { fill: #212121;" in style
    assert ".bp-graph .bp-value { fill: #1f5fbf;" in style


def test_a_plot_file_keeps_its_colours_and_text(terminal):
    import matplotlib.pyplot as plt
    import plots

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], color="#010101")
    ax.set_xlabel("step")
    svg = plots.svg(fig, "t", "a line", "one line", "p1-plot",
                    {"#010101": "var(--bp-fwd)"})  # fmt: skip
    show.figure(svg)
    text = (terminal / "demo.svg").read_text(encoding="utf-8")
    assert "stroke: #1f5fbf" in text or 'stroke="#1f5fbf"' in text
    # axes and labels were black, made currentColor for the page; in the
    # file the svg's color is the light palette's text colour
    assert "currentColor" in text
    assert "svg.bp-plot { color: #212121;" in text


def test_a_table_is_html_on_the_site_and_aligned_text_in_a_terminal(
    site, monkeypatch
):
    html = show.table(["h", "value"], [["a < b", "1.5"]], "cap")
    assert "<td>a &lt; b</td>" in html and "<caption>cap</caption>" in html
    monkeypatch.setattr(show, "in_site", lambda: False)
    text = show.table(["name", "value"], [["x", "1.5"], ["long", "-12.25"]])
    assert text.splitlines() == [
        "name   value",
        "----  ------",
        "x        1.5",  # numbers to the right
        "long  -12.25",
    ]


def test_notes_and_html_pick_their_form(site, monkeypatch):
    assert show.note("a < b") == "<p>a &lt; b</p>"
    assert show.html("<b>x</b>", "x") == "<b>x</b>"
    monkeypatch.setattr(show, "in_site", lambda: False)
    assert show.note("a < b") == "a < b"
    assert show.html("<b>x</b>", "x") == "x"


def test_the_site_stylesheet_carries_the_figure_rules(built_site):
    css = (built_site / "stylesheets/extra.css").read_text(encoding="utf-8")
    assert show.FIGURE_CSS in css
    for name, value in show.LIGHT.items():
        if not name.startswith("--md"):
            assert f"{name}: {value};" in css
    # every colour a figure names has a dark-palette value too
    dark = css[css.index('[data-md-color-scheme="slate"]') :]
    used = set(re.findall(r"var\((--bp-[\w-]+)", show.FIGURE_CSS))
    used |= {"--bp-third", "--bp-fourth"}
    assert all(f"{v}:" in dark for v in used), used
