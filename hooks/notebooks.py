"""Notebook pages (mkdocs-jupyter) made light, offline and downloadable.

- Before the build: kernels inherit a matplotlibrc and SOURCE_DATE_EPOCH,
  so plots are byte-identical between builds.
- Each rendered notebook page loses the ~580 KiB of JupyterLab CSS, the
  MathJax <script> (a CDN request) and the notebook's own copy buttons; its
  code uses the theme's highlighting and copy button instead, and its
  `$...$` math is handed to hooks/math.py (listed after this hook) to be
  rendered to SVG at build time like every other page.
- After the build: each notebook is written beside its page as a clean
  .ipynb (no outputs) together with the site modules it imports, so a
  reader downloads one folder that runs in a fresh Jupyter.
"""

import os
import re
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
SOURCES = "notebooks/"  # notebook sources: docs/notebooks/*.py (percent)

STYLE = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL)
SCRIPT = re.compile(r"<script[^>]*>.*?</script>", re.DOTALL)
COPY = re.compile(  # the notebook's own copy button and its hidden text
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>',
    re.DOTALL,
)
MARKDOWN_CELL = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)'
    r"(.*?)(</div>)",
    re.DOTALL,
)
DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
INLINE = re.compile(r"(?<![\\$])\$(?![\s$])([^$\n]+?)(?<![\s\\])\$")
IMPORT = re.compile(r"^\s*(?:from|import)\s+(\w+)", re.MULTILINE)
CELL_ID = re.compile(r'id="cell-id=[0-9a-f-]+"')  # random per conversion


def is_notebook(page) -> bool:
    src = page.file.src_uri
    return src.startswith(SOURCES) and src.endswith(".py")


def on_config(config):
    # the kernel finds engine.py & co. as a reader does beside the notebook
    path = os.environ.get("PYTHONPATH", "")
    if str(SNIPPETS) not in path.split(os.pathsep):
        os.environ["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(SNIPPETS), path) if p
        )
    os.environ["MATPLOTLIBRC"] = str(ROOT / "hooks" / "matplotlibrc")
    # the build's kernels run on localhost over TCP; ipykernel warns about
    # that on every start, which --strict would count: keep kernel logs to
    # errors (a failing cell still fails the build: it is not a log line)
    os.environ["IPYTHONDIR"] = str(ROOT / "hooks" / "ipython")
    os.environ["SOURCE_DATE_EPOCH"] = "0"  # no build date in plot files
    return config


def _math(match):
    body = match[2]
    body = DISPLAY.sub(r'<div class="arithmatex">\\[\1\\]</div>', body)
    body = INLINE.sub(r'<span class="arithmatex">\\(\1\\)</span>', body)
    return match[1] + body + match[3]


def on_page_content(html, page, config, files):
    if not is_notebook(page):
        return html
    html = STYLE.sub("", html)
    html = SCRIPT.sub("", html)
    html = COPY.sub("", html)
    html = html.replace("highlight-ipynb", "highlight")
    numbers = iter(range(1, 100_000))
    html = CELL_ID.sub(lambda _: f'id="cell-{next(numbers)}"', html)
    return MARKDOWN_CELL.sub(_math, html)


def needed_modules(source: str):
    """Site modules a notebook imports, and the modules they import."""
    todo, found = list(IMPORT.findall(source)), []
    while todo:
        name = todo.pop()
        path = SNIPPETS / f"{name}.py"
        if path.exists() and name not in found:
            found.append(name)
            todo += IMPORT.findall(path.read_text(encoding="utf-8"))
    return sorted(found)


def on_post_build(config):
    site = Path(config["site_dir"])
    for source in sorted((Path(config["docs_dir"]) / SOURCES).glob("*.py")):
        out = site / SOURCES
        out.mkdir(parents=True, exist_ok=True)
        notebook = jupytext.read(source)
        for number, cell in enumerate(notebook.cells, 1):
            cell.id = f"cell-{number}"  # not random: same bytes every build
        jupytext.write(notebook, out / f"{source.stem}.ipynb")
        for name in needed_modules(source.read_text(encoding="utf-8")):
            (out / f"{name}.py").write_bytes(
                (SNIPPETS / f"{name}.py").read_bytes()
            )
