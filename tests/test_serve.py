"""`mkdocs serve` rebuilds in one process: an edit to a module that an
executed block imports must show on the next build, not a cached copy."""

import subprocess
import sys
import textwrap

from conftest import copy_project, env

TWO_BUILDS = textwrap.dedent(
    """
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def build_once():  # what mkdocs serve does on every change
        config = load_config("mkdocs.yml", site_dir="out")
        build(config)
        return Path("out/index.html").read_text(encoding="utf-8")

    first = build_once()
    module = Path("snippets/diagrams.py")
    module.write_text(module.read_text().replace("forward: values", "EDIT"))
    second = build_once()
    print("before", "EDIT" in first, "after", "EDIT" in second)
    """
)


def test_an_edited_imported_module_is_not_stale(tmp_path):
    copy_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", TWO_BUILDS],
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "before False after True" in result.stdout
