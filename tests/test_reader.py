"""What a reader does with every code block of the built site.

For each block that shows a snippet: take what the block's download gives
(the file its title links to, or the .zip its "Needs ..." note links
to) from the built site - not from snippets/ - unpack it into an empty
folder and run the file there as a reader would: `python -E -s -W error
FILE` in that folder, with a Python that has only numpy and matplotlib
(`.venv-reader`, made from requirements.lock on first use). It must exit
0, print plain text (no markup), and print every line the page shows
under the block: each line of a text output box, each row of a table (its
cells in order on one line), each note under a figure, and a "figure
written to" line for each figure, the file a light SVG of its own.
"""

import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, reader_env

FENCE = re.compile(r"^[ \t]*```python([^\n]*)$", re.MULTILINE)
OPTION = re.compile(r'(\w+)="([^"]*)"')
MARKUP = ("<svg", "<table", "<div", "<p>", "<span", "&lt;", "&amp;")
WRITTEN = re.compile(r"^figure written to (\S+\.svg)")
PAGES = sorted(DOCS.rglob("*.md"))


def built_page(site, md):
    """Where mkdocs writes the page made from the Markdown file `md`."""
    rel = md.relative_to(DOCS).with_suffix("")
    if rel.name == "index":
        return site / rel.parent / "index.html"
    return site / rel / "index.html"


@dataclass
class Block:
    title: str  # the snippet file the block shows
    options: dict  # the fence's options in the page's Markdown
    download: Path = None  # what the reader takes: a .py or a .zip
    lines: list = field(default_factory=list)  # text lines shown
    rows: list = field(default_factory=list)  # table rows: cells
    figures: int = 0  # figures shown
    measured: bool = False  # in a declared measurement: numbers vary


def fences(markdown):
    """Options of each python fence that shows a .py file, in page order
    (a block that runs without showing its code has no download)."""
    found = []
    for match in FENCE.finditer(markdown):
        options = dict(OPTION.findall(match[1]))
        hidden = options.get("exec") == "1" and not options.get("source")
        if options.get("title", "").endswith(".py") and not hidden:
            found.append(options)
    return found


def shown(block, output):
    """Read what the page shows under a block from its output element."""
    boxes = output.select("div.highlight") if output.name != "pre" else []
    if "highlight" in output.get("class", []):
        boxes = [output]
    if boxes and not output.find(["svg", "table"]):
        for box in boxes:
            block.lines += box.get_text().splitlines()
        return
    block.figures = len(  # figures, not formulas (math is SVG too)
        [
            s
            for s in output.find_all("svg")
            if not s.find_parent("svg") and not s.find_parent(class_="math")
        ]
    )
    for row in output.find_all("tr"):
        block.rows.append(
            [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
        )
    for p in output.find_all("p"):
        if not p.find(["svg", "table"]) and p.get_text(strip=True):
            block.lines.append(p.get_text(" ", strip=True))


def page_blocks(site, md):
    """Every block of one built page: its download and what it shows."""
    page = built_page(site, md)
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    spans = [
        s
        for s in soup.select("article div.highlight > span.filename")
        if s.get_text().endswith(".py")
    ]
    options = fences(md.read_text(encoding="utf-8"))
    assert [s.get_text() for s in spans] == [o["title"] for o in options], (
        "the built blocks do not match the page's fences"
    )
    found = []
    for span, opts in zip(spans, options):
        block = Block(opts["title"], opts)
        code = span.parent
        block.measured = code.find_parent(class_="measurement") is not None
        after = code.find_next_sibling()
        if after is not None and "bp-needs" in after.get("class", []):
            (link,) = [
                a for a in after.find_all("a") if a["href"].endswith(".zip")
            ]
            block.download = (page.parent / link["href"]).resolve()
            after = after.find_next_sibling()
        else:
            block.download = (page.parent / span.a["href"]).resolve()
        if opts.get("exec") == "1":
            if opts.get("source") == "tabbed-right":  # output, then code
                tabs = code.find_parent("div", class_="tabbed-set")
                shown(block, tabs.select(".tabbed-block")[0])
            else:
                assert opts.get("html") != "1", (
                    f"{block.title}: put HTML output in tabs "
                    '(source="tabbed-right") so that its extent is known'
                )
                if opts.get("result") == "text":
                    assert after is not None and after.name == "div"
                    shown(block, after)
        found.append(block)
    return found


_runs = {}  # (download, title) -> (returncode, stdout, stderr, folder)


def run(block, python, tmp):
    """Unpack the download in an empty folder, run the file there."""
    key = (block.download, block.title)
    if key in _runs:
        return _runs[key]
    assert block.download.is_file(), f"no download at {block.download}"
    folder = tmp / f"run{len(_runs)}"
    folder.mkdir()
    if block.download.suffix == ".zip":
        with zipfile.ZipFile(block.download) as z:
            z.extractall(folder)
        (inner,) = folder.iterdir()  # the zip holds one folder
        folder = inner
    else:
        shutil.copy(block.download, folder)
    result = subprocess.run(
        [python, "-E", "-s", "-W", "error", block.title],
        cwd=folder,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    _runs[key] = (result.returncode, result.stdout, result.stderr, folder)
    return _runs[key]


def squeeze(text):
    return " ".join(text.split())


NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:e[+-]?\d+)?")


def pattern(texts, measured):
    """A regex for `texts` in order on one line; in a measurement (times,
    sizes: different on every run) any number stands for a number."""
    parts = []
    for text in texts:
        pieces = NUMBER.split(squeeze(text)) if measured else [squeeze(text)]
        parts.append(NUMBER.pattern.join(map(re.escape, pieces)))
    return re.compile(".*".join(parts))


@pytest.mark.slow
@pytest.mark.parametrize(
    "md", PAGES, ids=lambda p: str(p.relative_to(DOCS).with_suffix(""))
)
def test_every_block_runs_where_the_reader_puts_it(
    md, built_site, tmp_path_factory
):
    reader_python = reader_env("numpy", "matplotlib")
    tmp = tmp_path_factory.mktemp("reader")
    problems = []
    for block in page_blocks(built_site, md):
        code, out, err, folder = run(block, reader_python, tmp)
        name = f"{block.title} (from {block.download.name})"
        if code != 0:
            problems.append(f"{name} exits {code}:\n{err[-1500:]}")
            continue
        markup = [m for m in MARKUP if m in out]
        if markup:
            problems.append(f"{name} prints markup {markup}")
        printed = [squeeze(line) for line in out.splitlines()]
        for line in block.lines:
            want = pattern([line], block.measured)
            if squeeze(line) and not any(want.fullmatch(p) for p in printed):
                problems.append(f"{name} does not print {line!r}")
        for cells in block.rows:
            want = pattern(cells, block.measured)
            if not any(want.search(p) for p in printed):
                problems.append(f"{name} does not print the row {cells}")
        written = [WRITTEN.match(p) for p in out.splitlines()]
        written = [folder / m[1] for m in written if m]
        if len(written) < block.figures:
            problems.append(
                f"{name} shows {block.figures} figures, writes {len(written)}"
            )
        for path in written:
            svg = path.read_text(encoding="utf-8")
            root = ElementTree.fromstring(svg)  # well-formed
            assert root.tag.endswith("svg") and "var(" not in svg, path
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "md", PAGES, ids=lambda p: str(p.relative_to(DOCS).with_suffix(""))
)
def test_a_block_that_prints_nothing_draws_no_output_box(md, built_site):
    """An empty box under code reads as a failure; blocks that print
    nothing leave result= out (markdown-exec draws the box regardless)."""
    page = built_page(built_site, md)
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for box in soup.select("article div.highlight"):
        code = box.find("code")
        if box.find("span", class_="filename") is None and code is not None:
            assert code.get_text().strip(), "an empty output box"


def test_an_html_block_shows_its_output_in_tabs():
    """The reader test finds HTML output by its tab (see page_blocks)."""
    for md in PAGES:
        for opts in fences(md.read_text(encoding="utf-8")):
            if opts.get("html") == "1" and opts.get("source"):
                assert opts["source"] == "tabbed-right", (md, opts["title"])
