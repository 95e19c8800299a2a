"""Shared fixtures: the repository layout and one strict build of the site."""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw new examples on every local run, so the search for a
# failing case goes on; CI judges one fixed set (derandomized), the same on
# every run, so a red CI is a change's doing and never a lucky draw.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
BIN = Path(sys.executable).parent


def snippet_files():
    return sorted(SNIPPETS.rglob("*.py"))


def page_files():
    return sorted(p for p in DOCS.rglob("*") if p.suffix in {".md", ".ipynb"})


def env():
    e = dict(os.environ, NO_MKDOCS_2_WARNING="1", MPLBACKEND="Agg")
    e.pop("PYTHONPATH", None)
    return e


def build(root: Path, dest: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project in `root` into `dest`."""
    return subprocess.run(
        [BIN / "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=root,
        env=env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(dest: Path) -> Path:
    """A copy of everything the build reads, to break or edit safely."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "snippets", "hooks", "overrides"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """One strict build of the site, shared by every test that reads it."""
    dest = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, dest)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [ln for ln in result.stderr.splitlines() if "WARNING" in ln]
    assert not warnings, "\n".join(warnings)
    return dest


def reader_env(*packages):
    """A Python with only `packages` (and what they need), at the versions
    of requirements.lock: what a reader has. Made once, in .venv-reader*/
    (gitignored), and again when the lock or the list changes."""
    lock = (ROOT / "requirements.lock").read_bytes()
    key = hashlib.sha256(lock + " ".join(packages).encode()).hexdigest()
    folder = ROOT / (".venv-reader" + "".join(f"-{p}" for p in packages[2:]))
    stamp, python = folder / ".installed", folder / "bin" / "python"
    if not (stamp.is_file() and stamp.read_text() == key):
        venv.create(folder, clear=True, with_pip=True)
        subprocess.run(
            [python, "-m", "pip", "install", "-q"]
            + ["--disable-pip-version-check", "-c", ROOT / "requirements.lock"]
            + list(packages),
            check=True,
            capture_output=True,
        )
        stamp.write_text(key)
    return python


def site_pages(site: Path):
    """Every HTML page of a built site (404.html aside)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


sys.path.insert(0, str(SNIPPETS))  # tests import snippet modules directly
