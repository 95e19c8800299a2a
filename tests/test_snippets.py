"""Every snippet is a complete program: it runs alone, warnings as errors."""

import subprocess
import sys

import pytest
from conftest import ROOT, env, snippet_files


@pytest.mark.parametrize(
    "path", snippet_files(), ids=lambda p: str(p.relative_to(ROOT))
)
def test_snippet_runs_as_a_script(path):
    result = subprocess.run(
        [sys.executable, "-W", "error", str(path)],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
