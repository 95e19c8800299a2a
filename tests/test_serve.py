"""`mkdocs serve` rebuilds in one process. An edit to a module that an
executed block imports must show on the next build, not a cached copy; and
while serving (hooks/render.py) a rebuild re-renders exactly the pages
whose inputs changed: the page that includes the edited file, and every
page whose snippets import it, directly or through another module; and
within those pages only the blocks that import it (and every block of a
session) run again: the others print what they printed before, so an edit
and its undo give back every page byte for byte."""

import re
import subprocess
import sys
import textwrap

import pytest
from conftest import copy_project, env
from test_includes import FENCE

TWO_BUILDS = textwrap.dedent(
    """
    import logging, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    rendered, ran = [], []
    class Note(logging.Handler):
        def emit(self, record):
            message = record.getMessage()
            if message.startswith("serve: rendering "):
                rendered.append(message.split()[-1])
            if message.startswith("serve: running "):
                ran.append(message.removeprefix("serve: running "))
    logging.getLogger("mkdocs.hooks.render").addHandler(Note())
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    logging.getLogger("mkdocs.hooks.render").setLevel(logging.DEBUG)
    from material.plugins.search import plugin as search
    parsed, feed = [], search.Parser.feed  # the search plugin's HTML parse
    search.Parser.feed = lambda p, html: (parsed.append(1), feed(p, html))

    def build_once(first=False):  # what mkdocs serve does on every change
        config = load_config("mkdocs.yml", site_dir="out")
        if first:
            config.plugins.on_startup(command=sys.argv[1], dirty=False)
        rendered.clear()
        ran.clear()
        parsed.clear()
        build(config)
        return Path("out/index.html").read_text(encoding="utf-8")

    first = build_once(first=True)
    total = len(rendered)
    pages = {p: p.read_bytes() for p in Path("out").rglob("*.html")}
    index = Path("out/search/search_index.json").read_bytes()
    build_once()  # nothing changed: every page and search entry reused
    print("unchanged", rendered == [], "same index",
          index == Path("out/search/search_index.json").read_bytes(),
          "pages parsed for search", len(parsed))
    module = Path("snippets/diagrams.py")
    original = module.read_text()
    module.write_text(original.replace("forward: values", "EDIT"))
    second = build_once()
    print("before", "EDIT" in first, "after", "EDIT" in second)
    print("ran", "|".join(ran))
    print("rendered", total, "then", " ".join(sorted(rendered)))
    module.write_text(original)  # the edit undone: every page as at first
    build_once()
    changed = [str(p) for p, html in pages.items() if p.read_bytes() != html]
    print("undone", len(rendered), "pages rendered, differing:", changed)
    """
)


@pytest.mark.parametrize("command", ["build", "serve"])
def test_an_edited_imported_module_is_not_stale(tmp_path, command):
    project = copy_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", TWO_BUILDS, command],
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "before False after True" in result.stdout
    if command == "serve":  # (a build re-measures: timings change text)
        # and no page's HTML parsed again for the search index
        assert "unchanged True same index True" in result.stdout
        assert "pages parsed for search 0\n" in result.stdout
        undone = result.stdout.split("\nundone ")[1].split("\n")[0]
        assert int(undone.split()[0]) > 0 and undone.endswith(": []"), undone
    total, again = result.stdout.split("\nrendered ")[1].split(" then ")
    again = set(again.split("\n")[0].split())
    pages = {
        p.relative_to(project / "docs").as_posix()
        for p in (project / "docs").rglob("*.md")
    }
    notebooks = len(list((project / "docs" / "notebooks").glob("*.py")))
    assert int(total) == (0 if command == "build" else len(pages) + notebooks)
    if command == "serve":  # which pages use diagrams.py, found by grep
        users = {"diagrams.py"}
        for path in sorted((project / "snippets").glob("*.py")) * 3:
            text = path.read_text(encoding="utf-8")
            stems = "|".join(u[:-3] for u in users)
            if re.search(rf"^\s*(from|import)\s+({stems})\b", text, re.M):
                users.add(path.name)
        expected = {
            page
            for page in pages
            if any(u in (project / "docs" / page).read_text() for u in users)
        }
        assert "index.md" in expected and len(expected) < len(pages)
        assert again == expected
        # the blocks that ran again: those whose file uses diagrams.py,
        # and the blocks of a session (which continue one program)
        ran = result.stdout.split("\nran ")[1].split("\n")[0].split("|")
        titles = {b.rpartition("; title ")[2].rstrip(">") for b in ran}
        in_session = {b for b in ran if b.startswith("<code block: session")}
        alone = {t.rpartition("; title ")[2].rstrip(">") for t in
                 set(ran) - in_session}  # fmt: skip
        assert alone and alone <= users, alone - users
        shown = set()  # executed blocks whose file uses diagrams.py
        for page in expected:
            text = (project / "docs" / page).read_text(encoding="utf-8")
            for fence in FENCE.finditer(text):
                title = re.search(r'title="([^"]+)"', fence["info"])
                if 'exec="1"' in fence["info"] and title[1] in users:
                    shown.add(title[1])
        assert shown and shown <= titles, shown - titles
