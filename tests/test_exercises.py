"""What every part's exercise page shares: 3-5 exercises of rising level,
each with a collapsible solution that runs a titled snippet; a checker
module that returns a gradcheck.Report; and starting files a reader edits,
which run as downloaded and report what is still missing (without an
assert that would fail once the reader's answer is right)."""

import contextlib
import io
import re
import runpy

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, SNIPPETS
from gradcheck import Report

PARTS = [1, 2, 3, 4, 5]
LEVELS = ["warm-up", "practice", "challenge", "stretch"]
STARTS = sorted(SNIPPETS.glob("p?_exercise_*_start.py"))


@pytest.mark.parametrize("part", PARTS)
def test_each_part_ends_with_its_exercises(part):
    index = (DOCS / f"part-{part}" / "index.md").read_text(encoding="utf-8")
    assert "(exercises.md)" in index


@pytest.mark.parametrize("part", PARTS)
def test_exercise_page_shape(part, built_site):
    page = built_site / f"part-{part}" / "exercises" / "index.html"
    article = BeautifulSoup(page.read_text("utf-8"), "html.parser").article
    headings = [h.get_text(" ", strip=True) for h in article.find_all("h2")]
    numbered = [h for h in headings if re.match(r"\d\. ", h)]
    assert 3 <= len(numbered) <= 5, headings
    levels = re.findall(r"Level (\d) · ([\w-]+)", article.get_text())
    assert [int(n) for n, _ in levels] == list(range(1, len(numbered) + 1))
    assert [word for _, word in levels] == LEVELS[: len(numbered)]
    solutions = [
        d
        for d in article.find_all("details")
        if d.summary and d.summary.get_text(strip=True) == "Solution"
    ]
    assert len(solutions) == len(numbered)
    for details in solutions:  # a tested snippet, downloadable
        link = details.select_one(".filename a[download]")
        assert link and (page.parent / link["href"]).resolve().is_file()
    assert "$" not in article.get_text(), "a formula left unrendered"
    last = article.find_all("p")[-1]  # where next: the next part
    # Part 4 still ends with the notebooks; Part 5, the last, does too
    target = f"part-{part + 1}/" if part < 4 else "notebooks/"
    assert any(target in a["href"] for a in last.find_all("a", href=True))
    checker = built_site / "snippets" / f"p{part}_checks.py"
    assert checker.is_file()
    hrefs = [a["href"] for a in article.find_all("a", href=True)]
    assert any(h.endswith(f"snippets/p{part}_checks.py") for h in hrefs)


@pytest.mark.parametrize("path", STARTS, ids=lambda p: p.name)
def test_a_starting_file_reports_what_is_missing(path):
    assert path.read_text("utf-8").count("assert not report") == 0
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        scope = runpy.run_path(str(path))
    report = scope["report"]
    assert isinstance(report, Report) and len(report) > 0
    assert not report, "an untouched starting file passes its checker"
    assert str(report) in out.getvalue()


@pytest.mark.parametrize("part", PARTS)
def test_every_part_gives_starting_files(part):
    assert len([p for p in STARTS if p.name.startswith(f"p{part}_")]) >= 2
