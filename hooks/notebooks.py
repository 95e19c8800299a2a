"""Notebook pages (mkdocs-jupyter) made light, offline and downloadable.

- Before the build: kernels inherit a matplotlibrc and SOURCE_DATE_EPOCH,
  so plots are byte-identical between builds.
- Each rendered notebook page loses the ~580 KiB of JupyterLab CSS, the
  MathJax <script> (a CDN request) and the notebook's own copy buttons; its
  code cells become <pre><code> like every other block, so they get the
  theme's highlighting and copy button instead, and its
  `$...$` math is handed to hooks/math.py (listed after this hook) to be
  rendered to SVG at build time like every other page.
- Each plot leaves the page's HTML for a PNG file beside it, loaded lazily
  with its size set (no layout shift) and a text alternative taken from the
  code cell's `alt` metadata (jupytext: `# %% alt="..."`). A figure with no
  alt fails the strict build.
- After the build: each notebook is written beside its page as a clean
  .ipynb (no outputs) together with the site modules it imports, and all
  of them as one `<notebook>.zip`, so a reader downloads one folder that
  runs in a fresh Jupyter.
"""

import base64
import html as htmllib
import logging
import os
import posixpath
import re
import struct
from pathlib import Path

import jupytext
from uses import bundle, published, snippet_files  # hooks/uses.py

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
CELL_ID = re.compile(r'id="cell-id=[0-9a-f-]+"')  # random per conversion
NUMBERED_CELL = re.compile(r'id="cell-(\d+)"')
IMAGE = re.compile(r'<img alt="[^"]*" class="" src="data:image/png;base64,'
                   r'([A-Za-z0-9+/=\s]+)"\s*/?>')  # fmt: skip
DOWNLOAD = re.compile(r'(<a href="[^"]+\.(?:ipynb|py|zip)")>')
EMPTY_DIV = re.compile(r'<div class="jp-Collapser[^"]*">\s*</div>\s*')
CODE_CELL = re.compile(  # a code cell's source: <pre> without a <code>
    r'(<div class="highlight hl-python"><pre>)(?:<span></span>)?(.*?)(</pre>)',
    re.DOTALL,
)

log = logging.getLogger("mkdocs.hooks.notebooks")  # warnings fail --strict
figures = {}  # site path -> PNG bytes, written after the build


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
    # MPLBACKEND=Agg (a headless shell's choice) would beat the kernel's
    # inline backend and every plot would vanish from the page; this
    # process's own plots use Agg anyway (hooks/snippets_path.py)
    os.environ.pop("MPLBACKEND", None)
    # the build's kernels run on localhost over TCP; ipykernel warns about
    # that on every start, which --strict would count: keep kernel logs to
    # errors (a failing cell still fails the build: it is not a log line)
    os.environ["IPYTHONDIR"] = str(ROOT / "hooks" / "ipython")
    os.environ["SOURCE_DATE_EPOCH"] = "0"  # no build date in plot files
    figures.clear()
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
    # <pre><code>, as on every other page: the theme gives it the copy
    # button and the code font size
    html = CODE_CELL.sub(r"\1<code>\2</code>\3", html)
    numbers = iter(range(1, 100_000))
    html = CELL_ID.sub(lambda _: f'id="cell-{next(numbers)}"', html)
    html = EMPTY_DIV.sub("", html)  # JupyterLab's (hidden) collapsers
    html = _figures(html, page, config)
    html = DOWNLOAD.sub(r"\1 download>", html)  # files to keep, not read
    return MARKDOWN_CELL.sub(_math, html)


def _figures(html, page, config):
    """Inline PNG plots -> lazy files beside the page, with alt text."""
    source = Path(config["docs_dir"]) / page.file.src_uri
    cells = jupytext.read(source).cells
    starts = [(m.start(), int(m[1])) for m in NUMBERED_CELL.finditer(html)]
    folder = posixpath.dirname(page.file.dest_uri)
    count = 0

    def replace(match):
        nonlocal count
        count += 1
        cell = max((n for at, n in starts if at < match.start()), default=0)
        alt = cells[cell - 1].metadata.get("alt") if cell else None
        if not alt:
            log.warning(
                "%s: the figure of cell %d needs a text alternative: "
                'start the cell with # %%%% alt="..."',
                page.file.src_uri,
                cell,
            )
            alt = ""
        png = base64.b64decode(match[1])
        width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
        name = f"figure-{count}.png"
        figures[posixpath.join(folder, name)] = png
        return (
            f'<img alt="{htmllib.escape(alt)}" src="{name}" width="{width}" '
            f'height="{height}" loading="lazy" decoding="async">'
        )

    return IMAGE.sub(replace, html)


def needed_modules(source: str):
    """Site modules a notebook imports, and the modules they import."""
    return [path.stem for path in snippet_files(source, includes=False)]


def on_post_build(config):
    site = Path(config["site_dir"])
    for path, png in sorted(figures.items()):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(png)
    figures.clear()
    for source in sorted((Path(config["docs_dir"]) / SOURCES).glob("*.py")):
        out = site / SOURCES
        out.mkdir(parents=True, exist_ok=True)
        notebook = jupytext.read(source)
        for number, cell in enumerate(notebook.cells, 1):
            cell.id = f"cell-{number}"  # not random: same bytes every build
        jupytext.write(notebook, out / f"{source.stem}.ipynb")
        files = {
            f"{source.stem}.ipynb": (out / f"{source.stem}.ipynb").read_bytes()
        }
        for name in needed_modules(source.read_text(encoding="utf-8")):
            files[f"{name}.py"] = published(SNIPPETS / f"{name}.py")
            (out / f"{name}.py").write_bytes(files[f"{name}.py"])
        # the whole folder in one download, as every page's code is
        (out / f"{source.stem}.zip").write_bytes(bundle(source.stem, files))
