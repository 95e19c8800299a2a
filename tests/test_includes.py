"""Pages and snippets fit together: every snippet is shown, every include
resolves, every section marker is paired, and every executed block is
titled with its file so a failure names it."""

import re

import pytest
from conftest import DOCS, ROOT, SNIPPETS, page_files, snippet_files

INCLUDE = re.compile(r'--8<--\s+"(?P<file>[^":]+)(?::(?P<section>[^"]+))?"')
MARKER = re.compile(r"--8<-- \[(?P<kind>start|end):(?P<name>[\w-]+)\]")
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)```",
    re.DOTALL | re.MULTILINE,
)


def includes():
    """(page, file, section) for every `--8<--` include in the docs."""
    for page in page_files():
        for m in INCLUDE.finditer(page.read_text(encoding="utf-8")):
            yield page, m["file"], m["section"]


def sections(path):
    """Names of the sections of a snippet, checking markers are paired."""
    opened, closed = [], []
    for m in MARKER.finditer(path.read_text(encoding="utf-8")):
        (opened if m["kind"] == "start" else closed).append(m["name"])
        if m["kind"] == "end":
            assert m["name"] in opened, f"{path.name}: end before start"
    return opened, closed


def test_every_include_resolves():
    found = list(includes())
    assert found, "no page includes a snippet"
    for page, file, section in found:
        target = SNIPPETS / file
        where = f"{page.relative_to(ROOT)} includes {file!r}"
        assert target.is_file(), f"{where}: no such file"
        if section and not section.split(":")[0].isdigit():
            assert section in sections(target)[0], f"{where}: no {section!r}"


@pytest.mark.parametrize("path", snippet_files(), ids=lambda p: p.name)
def test_section_markers_are_paired(path):
    opened, closed = sections(path)
    assert sorted(opened) == sorted(closed), f"{path.name}: unpaired markers"
    assert len(set(opened)) == len(opened), f"{path.name}: duplicate names"


@pytest.mark.parametrize("path", snippet_files(), ids=lambda p: p.name)
def test_every_snippet_is_shown_on_a_page(path):
    shown = {file for _, file, _ in includes()}
    rel = path.relative_to(SNIPPETS).as_posix()
    assert rel in shown, f"{rel} is not included by any page in docs/"


def test_executed_blocks_are_titled_with_their_file():
    """markdown-exec names a failing block by its title: keep it the file."""
    checked = 0
    for page in DOCS.rglob("*.md"):
        for fence in FENCE.finditer(page.read_text(encoding="utf-8")):
            if 'exec="1"' not in fence["info"]:
                continue
            files = {m["file"] for m in INCLUDE.finditer(fence["body"])}
            title = re.search(r'title="([^"]+)"', fence["info"])
            where = f"{page.relative_to(ROOT)}: {fence['info'].strip()}"
            assert len(files) == 1, f"{where}: include exactly one snippet"
            assert title and title[1] == files.pop(), f"{where}: title"
            checked += 1
    assert checked > 0
