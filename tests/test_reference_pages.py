"""The reference pages as built: the cheat sheet shows every row with its
math rendered, and every glossary term has an anchor and a link to the
page that teaches it."""

import re

import ref_rows as R
from bs4 import BeautifulSoup

TERMS = [  # the terms issue 7 asks for, as anchors
    "backpropagation", "forward-pass", "backward-pass", "gradient",
    "local-derivative", "upstream-gradient", "chain-rule",
    "computational-graph", "topological-order", "reverse-mode",
    "forward-mode", "jacobian", "vector-jacobian-product", "loss",
    "gradient-descent", "learning-rate", "gradient-check",
    "central-difference", "relative-error", "vanishing-gradient",
    "exploding-gradient", "dead-relu", "saturation", "cache", "autograd",
]  # fmt: skip


def soup(site, page):
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_cheat_sheet_shows_every_row_with_rendered_math(built_site):
    article = soup(built_site, "reference/cheat-sheet").find("article")
    rows = [  # the two tables of rows; the kinks table is another
        tr
        for table in article.select("div.ref-table table")
        for tr in table.find("tbody").find_all("tr")
    ]
    assert [tr.find("td").get_text(strip=True) for tr in rows] == [
        r.name for r in R.ROWS
    ]
    for tr in rows:
        cells = tr.find_all("td")
        text = tr.get_text()
        assert "$" not in text and "\\(" not in text, text  # no raw TeX
        for cell in cells[1:-1]:  # every formula cell holds rendered math
            assert cell.select(".math svg[aria-label]"), cell.get_text()
        assert re.fullmatch(r"\de-\d\d", cells[-1].get_text(strip=True))


def test_glossary_terms_have_anchors_and_links(built_site):
    article = soup(built_site, "reference/glossary").find("article")
    terms = article.find_all("dt")
    ids = [dt.get("id") for dt in terms]
    assert all(ids) and len(ids) == len(set(ids))
    assert set(TERMS) <= set(ids), set(TERMS) - set(ids)
    assert [dt.get_text() for dt in terms] == sorted(
        (dt.get_text() for dt in terms), key=str.lower
    ), "terms in alphabetical order"
    for dt in terms:
        dd = dt.find_next_sibling("dd")
        links = [a["href"] for a in dd.find_all("a")]
        assert any(h.startswith("../../") for h in links), dt["id"]


def test_notation_table_names_every_source(built_site):
    article = soup(built_site, "reference/notation").find("article")
    head = {th.get_text() for th in article.find_all("th")}
    sources = ["this site", "Nielsen", "d2l", "CS231n", "micrograd", "PyTorch"]
    assert set(sources) <= head, set(sources) - head
