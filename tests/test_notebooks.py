"""Notebooks: each runs top to bottom in a clean kernel exactly as a reader
gets it (the .ipynb plus the site modules it imports, in one folder), and
its page is light, offline and offers those downloads."""

import base64
import importlib.util
import shutil
import struct
import sys
from types import SimpleNamespace

import jupytext
import nbclient
import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT, build, copy_project, env

sys.path.insert(0, str(ROOT / "hooks"))  # as mkdocs does for its hooks
spec = importlib.util.spec_from_file_location(
    "notebooks_hook", ROOT / "hooks/notebooks.py"
)
hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hook)

SOURCES = sorted((DOCS / "notebooks").glob("*.py"))


def reader_folder(source, folder):
    """What a reader downloads: the notebook and the modules it imports."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{source.stem}.ipynb"
    jupytext.write(jupytext.read(source), path)
    for name in hook.needed_modules(source.read_text(encoding="utf-8")):
        shutil.copy(ROOT / "snippets" / f"{name}.py", folder)
    return path


def test_there_are_notebooks():
    assert len(SOURCES) >= 2


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_notebook_runs_in_a_clean_kernel(source, tmp_path, monkeypatch):
    for key, value in env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("PYTHONPATH", raising=False)  # only the folder
    monkeypatch.delenv("MPLBACKEND", raising=False)  # Jupyter's default
    path = reader_folder(source, tmp_path / "download")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in notebook.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any(o.get("output_type") == "display_data" for o in outputs)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_notebook_page_is_light_offline_and_downloadable(source, built_site):
    page = built_site / "notebooks" / source.stem / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert not soup.find("style"), "JupyterLab CSS left in the page"
    assert not [s for s in soup.find_all("script") if "MathJax" in str(s)]
    assert soup.select(".math svg"), "no math rendered to SVG"
    assert "$" not in soup.select_one("article").get_text().replace(
        "\\$", ""
    ), "raw $...$ left in the page"
    assert "data:" not in str(soup.select_one("article")), "inline data"
    figures = soup.select("article img")
    assert figures, "the notebook's plot is missing"
    for img in figures:  # a file beside the page, sized, lazy, described
        assert len(img["alt"]) > 20 and "No description" not in img["alt"]
        assert int(img["width"]) > 100 and int(img["height"]) > 100
        assert img["loading"] == "lazy"
        png = (page.parent / img["src"]).read_bytes()
        assert png.startswith(b"\x89PNG")
        assert struct.unpack(">II", png[16:24]) == (
            int(img["width"]),
            int(img["height"]),
        )
    downloaded = built_site / "notebooks" / f"{source.stem}.ipynb"
    notebook = nbformat.read(downloaded, as_version=4)
    assert not [c for c in notebook.cells if c.get("outputs")]
    links = {a["href"] for a in soup.select("article a[href]")}
    assert f"../{source.stem}.ipynb" in links
    for name in hook.needed_modules(source.read_text(encoding="utf-8")):
        assert f"../{name}.py" in links
        assert (built_site / "notebooks" / f"{name}.py").is_file()


def test_a_failing_notebook_cell_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "docs" / "notebooks" / SOURCES[0].name
    text = source.read_text(encoding="utf-8")
    source.write_text(text + '\n# %%\nraise RuntimeError("nb broken")\n')
    result = build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, "a failing cell did not fail the build"
    assert "nb broken" in log


def test_a_figure_without_alt_text_is_a_warning(tmp_path, caplog):
    source = tmp_path / "docs" / "nb.py"
    source.parent.mkdir()
    source.write_text("# %%\nplot()\n", encoding="utf-8")
    png = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + struct.pack(">II", 3, 2)
    html = (
        '<div class="jp-Cell" id="cell-1"><img alt="No description" '
        'class="" src="data:image/png;base64,'
        f'{base64.b64encode(png).decode()}"'
        "/></div>"
    )
    page = SimpleNamespace(
        file=SimpleNamespace(src_uri="nb.py", dest_uri="nb/index.html")
    )
    out = hook._figures(html, page, {"docs_dir": str(tmp_path / "docs")})
    assert (
        "nb.py: the figure of cell 1 needs a text alternative" in caplog.text
    )
    assert 'src="figure-1.png" width="3" height="2"' in out
    assert hook.figures.pop("nb/figure-1.png") == png
