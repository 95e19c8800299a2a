"""The strict build passes, and a broken snippet fails it by name."""

import re

from conftest import DOCS, build, copy_project
from test_includes import FENCE, INCLUDE


def test_strict_build_passes(built_site):
    assert (built_site / "index.html").is_file()


def first_executed_include():
    """(file, section) of the first snippet that some page executes."""
    for page in sorted(DOCS.rglob("*.md")):
        for fence in FENCE.finditer(page.read_text(encoding="utf-8")):
            if 'exec="1"' in fence["info"]:
                m = INCLUDE.search(fence["body"])
                return m["file"], m["section"]
    raise AssertionError("no executed snippet")


def test_a_broken_snippet_fails_the_build_and_is_named(tmp_path):
    project = copy_project(tmp_path / "project")
    file, section = first_executed_include()
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
