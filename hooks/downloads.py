"""Every code block's download runs where the reader puts it.

- Every snippet is published with the site at `snippets/<name>.py`, with
  the data files snippets read; the file name in a block's title links to
  its file.
- A snippet that needs other files (site modules it imports, data it
  reads) gets a note right under its code naming each of them ("Needs
  engine.py in the same folder"), with a link to `snippets/<name>.zip`:
  one folder holding the snippet and everything it needs, transitively.
- Every page with code offers all of it at once: a link under the title
  to `<page>.zip` beside the page, one folder with every file its blocks
  show and what those need.

What a snippet needs is worked out by hooks/uses.py, the same walk the
notebook downloads use; tests/test_reader.py runs every block's download
in an empty folder, as a reader would.
"""

import posixpath
import re
from html import escape
from pathlib import Path

from mkdocs.structure.files import File
from uses import bundle, needs, published  # hooks/uses.py

SNIPPETS = (Path(__file__).parent.parent / "snippets").resolve()
DATA = ("*.json", "*.csv", "*.txt", "*.npz", "*.npy")
BLOCK = re.compile(  # a code block with a title: the title, its code
    r'<div class="highlight"><span class="filename">([\w-]+\.py)</span>'
    r"(<pre>.*?</pre></div>)",
    re.DOTALL,
)
H1 = re.compile(r"(<h1\b[^>]*>.*?</h1>)", re.DOTALL)
pages = {}  # zip path in the site -> (folder, sorted snippet paths)


def on_files(files, config):
    paths = sorted(SNIPPETS.glob("*.py"))
    for pattern in DATA:
        paths += sorted(SNIPPETS.glob(pattern))
    for path in paths:
        files.append(
            File.generated(
                config, f"snippets/{path.name}", content=published(path)
            )
        )
    return files


def _link(path, page, files):
    target = files.get_file_from_path(f"snippets/{path.name}")
    url = target.url_relative_to(page.file)
    return f'<a href="{url}" download><code>{escape(path.name)}</code></a>'


def _and(items):
    return (
        items[0]
        if len(items) == 1
        else ", ".join(items[:-1]) + " and " + items[-1]
    )


def _needs_note(path, page, files):
    """The line under a block whose file needs others beside it."""
    others = needs(path)
    if not others:
        return ""
    zip_url = posixpath.relpath(
        f"snippets/{path.stem}.zip", posixpath.dirname(page.file.url) or "."
    )
    links = _and([_link(p, page, files) for p in others])
    count = len(others) + 1
    return (
        f'<p class="bp-needs">Needs {links} in the same folder · '
        f'<a href="{zip_url}" download>all {count} files as one '
        f"<code>.zip</code></a></p>"
    )


def on_page_content(html, page, config, files):
    used = set()

    def block(match):
        name, code = match[1], match[2]
        path = SNIPPETS / name
        if not path.is_file():  # a title that is not a snippet file
            return match[0]
        used.add(path)
        target = files.get_file_from_path(f"snippets/{name}")
        url = target.url_relative_to(page.file)
        title = (
            f'<span class="filename"><a href="{url}" download '
            f'title="Download the complete file {name}">{name}</a></span>'
        )
        return f'<div class="highlight">{title}{code}' + _needs_note(
            path, page, files
        )

    html = BLOCK.sub(block, html)
    if used:
        folder = _page_folder(page)
        everything = set(used)
        for path in used:
            everything.update(needs(path))
        pages[f"{posixpath.dirname(page.file.dest_uri)}/{folder}.zip"] = (
            folder,
            sorted(everything),
        )
        link = (
            f'<p class="bp-page-code"><a href="{folder}.zip" download>'
            f"Download all the code on this page</a> "
            f"({len(everything)} file{'s' * (len(everything) != 1)}, "
            f"<code>{folder}.zip</code>)</p>"
        )
        html = H1.sub(lambda m: m[1] + link, html, count=1)
    return html


def _page_folder(page):
    """The page's download name: its URL's last part ('home' for /)."""
    url = page.file.url.strip("/")
    stem = url.rsplit("/", 1)[-1] if url else "home"
    return f"backprop-{stem}"


def on_post_build(config):
    site = Path(config["site_dir"])
    out = site / "snippets"
    for path in sorted(SNIPPETS.glob("*.py")):
        others = needs(path)
        if others:
            files = {p.name: published(p) for p in [path, *others]}
            (out / f"{path.stem}.zip").write_bytes(bundle(path.stem, files))
    for where, (folder, paths) in sorted(pages.items()):
        files = {p.name: published(p) for p in paths}
        target = site / where.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(bundle(folder, files))
