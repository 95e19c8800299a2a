"""Notebooks: each runs top to bottom in a clean kernel exactly as a reader
gets it (the .ipynb plus the site modules it imports, in one folder), and
its page is light, offline and offers those downloads."""

import base64
import importlib.util
import json
import struct
import sys
import zipfile
from types import SimpleNamespace

import nbclient
import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT, build, copy_project, reader_env

sys.path.insert(0, str(ROOT / "hooks"))  # as mkdocs does for its hooks
spec = importlib.util.spec_from_file_location(
    "notebooks_hook", ROOT / "hooks/notebooks.py"
)
hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hook)

SOURCES = sorted((DOCS / "notebooks").glob("*.py"))


def reader_folder(site, source, folder):
    """What a reader downloads from the built site: the notebook's zip,
    unpacked (the notebook and the modules it imports, in one folder)."""
    with zipfile.ZipFile(site / "notebooks" / f"{source.stem}.zip") as z:
        z.extractall(folder)
    (inner,) = folder.iterdir()
    assert sorted(p.name for p in inner.iterdir()) == sorted(
        [f"{source.stem}.ipynb"]
        + [f"{m}.py" for m in hook.needed_modules(source.read_text())]
    )
    return inner / f"{source.stem}.ipynb"


def test_there_are_notebooks():
    assert len(SOURCES) >= 2


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_notebook_runs_in_a_fresh_kernel_as_downloaded(
    source, built_site, tmp_path
):
    """The download, in an empty folder, in a kernel whose Python has only
    numpy, matplotlib and the kernel itself, started in that folder."""
    python = reader_env("numpy", "matplotlib", "ipykernel")
    path = reader_folder(built_site, source, tmp_path / "download")
    notebook = nbformat.read(path, as_version=4)
    spec = tmp_path / "jupyter" / "kernels" / "reader" / "kernel.json"
    spec.parent.mkdir(parents=True)
    spec.write_text(
        json.dumps(
            {
                "argv": [str(python), "-E", "-s", "-m", "ipykernel_launcher"]
                + ["-f", "{connection_file}"],
                "display_name": "reader",
                "language": "python",
            }
        )
    )
    probe = nbformat.v4.new_code_cell("import sys; print(sys.executable)")
    notebook.cells.append(probe)  # which Python ran the cells
    client = nbclient.NotebookClient(
        notebook,
        kernel_name="reader",
        timeout=120,
        resources={"metadata": {"path": str(path.parent)}},
    )
    with pytest.MonkeyPatch.context() as mp:  # the kernel's environment
        mp.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
        for key in ("PYTHONPATH", "MPLBACKEND", "MATPLOTLIBRC"):
            mp.delenv(key, raising=False)
        client.execute()  # raises CellExecutionError on a failing cell
    assert probe.outputs[0]["text"].strip() == str(python)
    notebook.cells.pop()
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
    assert f"../{source.stem}.zip" in links
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
