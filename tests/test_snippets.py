"""Every snippet is a complete program: it runs alone, warnings as errors.

Each runs in a copy of snippets/, so the figure files a script writes
beside itself (snippets/show.py) land in the copy, not in the repository.
"""

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SNIPPETS, env, snippet_files


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    dest = tmp_path_factory.mktemp("snippets") / "snippets"
    shutil.copytree(SNIPPETS, dest, ignore=shutil.ignore_patterns("*.svg"))
    return dest


@pytest.mark.parametrize(
    "path", snippet_files(), ids=lambda p: str(p.relative_to(ROOT))
)
def test_snippet_runs_as_a_script(path, copy):
    result = subprocess.run(
        [sys.executable, "-W", "error", path.name],
        cwd=copy,
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for mark in ("<svg", "<table", "<div", "&lt;"):
        assert mark not in result.stdout, f"prints markup: {mark}"
