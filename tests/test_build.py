"""The strict build passes, a broken snippet fails it by name - on a page
this process renders and on one the render worker renders - and sharing
the pages between the two cores (hooks/render.py) changes no byte."""

import os
import re
import subprocess

import pytest
from conftest import BIN, DOCS, ROOT, build, copy_project, env
from test_includes import FENCE, INCLUDE
from test_site import measured_pages, without_measurements


def test_strict_build_passes(built_site):
    assert (built_site / "index.html").is_file()


def nav_pages():
    """The pages in the order of mkdocs.yml's nav (the build's order)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:") :]
    return [DOCS / p for p in re.findall(r"(\S+\.md)\s*$", nav, re.M)]


def executed_include(pages):
    """(file, section) of the first snippet that one of `pages` executes."""
    for page in pages:
        for fence in FENCE.finditer(page.read_text(encoding="utf-8")):
            if 'exec="1"' in fence["info"]:
                m = INCLUDE.search(fence["body"])
                return m["file"], m["section"]
    raise AssertionError("no executed snippet")


@pytest.mark.parametrize(
    "where",
    ["first page (rendered by the build)", "last page (the render worker)"],
)
def test_a_broken_snippet_fails_the_build_and_is_named(tmp_path, where):
    """The worker renders from the last page back: its warnings must count
    for --strict and be shown, as the build's own are."""
    project = copy_project(tmp_path / "project")
    pages = nav_pages()
    assert len(pages) > 10
    first = where.startswith("first")
    file, section = executed_include(pages if first else pages[::-1])
    target = project / "snippets" / file
    broken = 'raise RuntimeError("broken on purpose")\n'
    text = target.read_text(encoding="utf-8")
    if section:  # break the code inside the section the page runs
        marker = f"# --8<-- [start:{section}]\n"
        text = text.replace(marker, marker + broken, 1)
    else:
        text = broken + text
    target.write_text(text, encoding="utf-8")

    result = build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, "strict build passed a broken snippet"
    assert re.search(rf"code block '{re.escape(file)}' exited with", log), log
    assert "broken on purpose" in log


@pytest.mark.slow
def test_the_render_worker_changes_no_byte(built_site, tmp_path):
    """The same site when every page is rendered in one process, in page
    order (BP_SERIAL=1), as when the pages are shared with the worker."""
    assert "BP_SERIAL" not in os.environ  # built_site used the worker
    serial = tmp_path / "serial"
    result = subprocess.run(
        [BIN / "mkdocs", "build", "--strict", "-d", str(serial)],
        cwd=ROOT,
        env=dict(env(), BP_SERIAL="1"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    files = sorted(p.relative_to(built_site) for p in built_site.rglob("*"))
    assert files == sorted(p.relative_to(serial) for p in serial.rglob("*"))
    measured = measured_pages(built_site)
    differ = [
        str(rel)
        for rel in files
        if (built_site / rel).is_file()
        and without_measurements(built_site / rel, measured)
        != without_measurements(serial / rel, measured)
    ]
    assert not differ, f"differ with and without the worker: {differ}"
