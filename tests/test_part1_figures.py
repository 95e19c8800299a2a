"""Part 1's figures in the built pages show exactly the numbers their
snippets computed, one box per graph node, with a text alternative."""

import contextlib
import io
import runpy

import pytest
from bs4 import BeautifulSoup
from conftest import SNIPPETS

FIGURES = {  # page: {id_prefix: (snippet, what is drawn)}
    "computational-graphs": {"cg-none": ("p1_graph.py", "none"),
                             "cg-value": ("p1_graph.py", "value"),
                             "cg-both": ("p1_graph.py", "both")},
    "step-through-it": {"st": ("p1_graph.py", "both"),
                        "sn": ("p1_stepper_net.py", "both")},
    "gate-patterns": {"gate-add": ("p1_gate_add.py", "both"),
                      "gate-mul": ("p1_gate_mul.py", "both"),
                      "gate-max": ("p1_gate_max.py", "both"),
                      "gate-fork": ("p1_gate_fork.py", "both"),
                      "gate-ex": ("p1_gate_ex_combo.py", "both")},
    "staged-computation": {"neuron": ("p1_neuron.py", "both")},
    "network-by-hand": {"net": ("p1_net_figure.py", "both")},
}  # fmt: skip
FMT = {"net": "{:.6f}"}  # the network figure: the tables' six decimals
PLOTS = {
    "derivatives-as-nudges": ["p1-nudge", "p1-diff"],
    "network-by-hand": ["p1-train"],
}


def nodes_of(name):
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / name), run_name="t")["nodes"]


def page(site, slug):
    html = (site / "part-1" / slug / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("slug", sorted(FIGURES))
def test_graph_figures_show_the_computed_numbers(built_site, slug):
    soup = page(built_site, slug)
    for prefix, (snippet, show) in FIGURES[slug].items():
        svg = soup.find("svg", attrs={"aria-labelledby": f"{prefix}-title "
                                      f"{prefix}-desc"})  # fmt: skip
        assert svg is not None, f"{slug}: no figure {prefix}"
        nodes = nodes_of(snippet)
        boxes = svg.select("g.bp-node")
        assert [g["data-node"] for g in boxes] == [n["id"] for n in nodes]
        values = [t.text for t in svg.select(".bp-value")]
        grads = [t.text for t in svg.select(".bp-grad")]
        fmt = FMT.get(prefix, "{:.4f}")
        want_v = [fmt.format(n["value"]) for n in nodes]
        want_g = [f"∂ {fmt.format(n['grad'])}" for n in nodes
                  if n["grad"] is not None]  # fmt: skip
        assert values == (want_v if show in ("value", "both") else [])
        assert grads == (want_g if show == "both" else [])
        assert svg["role"] == "img" and svg.title.text
        desc = svg.find("desc").text  # says the numbers the figure shows
        said = [f"{n['label']} = {fmt.format(n['value'])}" in desc
                for n in nodes]  # fmt: skip
        shown = show in ("value", "both")
        assert all(said) if shown else not any(said), desc
        assert all(n["label"] in desc for n in nodes)


def test_every_number_on_the_network_figure_is_in_a_table(built_site):
    """The figure hides nothing: each value and gradient it shows, and
    each weight it names, can be found in a table on the same page; and
    it does not show the answer to exercise 1 (the gradient of x1)."""
    soup = page(built_site, "network-by-hand")
    svg = soup.find("svg", attrs={"aria-labelledby": "net-title net-desc"})
    tables = " ".join(t.get_text(" ") for t in soup.find_all("table"))
    numbers = [t.text.removeprefix("∂ ") for t in svg.select(".bp-num")]
    assert len(numbers) == 7 + 5  # seven values, five gradients
    for num in numbers:
        assert num in tables, num
    names = [t.text for t in svg.select(".bp-label text")]
    assert names == [f"w{k}" for k in range(1, 9)]
    for k, value in enumerate([0.3, -0.4, 0.6, 0.1, 0.7, -0.5, 0.2, 0.9], 1):
        assert f"w{k} = {value}" in tables  # the starting values
    inputs = [g for g in svg.select("g.bp-node")
              if g["data-node"] in ("x1", "x2")]  # fmt: skip
    assert inputs and not any(g.select(".bp-grad") for g in inputs)


@pytest.mark.parametrize("slug", sorted(PLOTS))
def test_plots_have_a_text_alternative_and_no_page_style(built_site, slug):
    soup = page(built_site, slug)
    for name in PLOTS[slug]:
        svg = soup.find("svg", attrs={"aria-labelledby": f"{name}-t {name}-d"})
        assert svg is not None and svg["role"] == "img", name
        assert svg.find("title").text and len(svg.find("desc").text) > 40
        assert svg.find("style") is None  # would style the whole page
        assert "#000000" not in str(svg)  # black became currentColor
