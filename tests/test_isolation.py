"""No state crosses executed blocks: each block outside a session starts
as a fresh program would (hooks/snippets_path.py), whatever the blocks
before it changed; blocks of one session continue one program."""

import re

from bs4 import BeautifulSoup
from conftest import build, copy_project

SPOILER = """\
import matplotlib
import numpy as np
import random

import show

np.set_printoptions(precision=2)
np.random.seed(123)
random.seed(123)
matplotlib.rcParams["lines.linewidth"] = 9.0
show.LIGHT["--bp-fwd"] = "spoiled"  # a module's state
leak = 1
print("spoiled")
"""
PROBE = """\
import matplotlib
import numpy as np
import random

import show

print("precision", np.get_printoptions()["precision"])
print("array", np.array([0.123456789]))
print("linewidth", matplotlib.rcParams["lines.linewidth"])
print("module", show.LIGHT["--bp-fwd"])
print("leak", "leak" in globals())
print("numpy_random", np.random.rand())
print("random", random.random())
"""
# what a fresh Python prints for the same probe (its random state aside)
FRESH = {
    "precision": "8",
    "array": "[0.12345679]",
    "linewidth": "1.5",
    "module": "#1f5fbf",
    "leak": "False",
}


def fence(code, options):
    return f'```python exec="1" source="above" {options}\n{code}```\n\n'


def outputs(page):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = []
    for box in soup.select("article div.highlight code"):
        lines = dict(
            line.split(" ", 1)
            for line in box.get_text().splitlines()
            if " " in line
        )
        if "precision" in lines:
            found.append(lines)
    return found


def test_blocks_start_fresh_and_sessions_continue(tmp_path):
    project = copy_project(tmp_path / "project")
    text = "# Isolation\n\n" + "".join(
        [
            fence(SPOILER, 'result="text"'),
            fence(PROBE, 'result="text"'),  # 1: a fresh program
            fence(SPOILER, 'result="text" session="s"'),
            fence(PROBE, 'result="text" session="s"'),  # 2: continues
            fence(PROBE, 'result="text" session="t"'),  # 3: new session
            fence(PROBE, 'result="text"'),  # 4: fresh again
        ]
    )
    (project / "docs/reference/index.md").write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    found = outputs(tmp_path / "site/reference/index.html")
    assert len(found) == 4
    fresh, continued, session, again = found
    for probe in (fresh, session, again):
        assert {k: probe[k] for k in FRESH} == FRESH
    assert continued["precision"] == "2" and continued["leak"] == "True"
    assert continued["linewidth"] == "9.0"
    assert continued["module"] == "spoiled"
    # every fresh program draws the same random numbers as the others
    assert fresh["numpy_random"] == session["numpy_random"]
    assert fresh["random"] == again["random"]
    assert re.fullmatch(r"0\.\d+", fresh["numpy_random"])
