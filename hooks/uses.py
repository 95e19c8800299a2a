"""Which files a snippet, page or notebook needs, and the download that
carries them - for the hooks (not itself a hook).

`snippet_files(text)` follows what `text` uses, transitively: the files it
includes with `--8<-- "name.py"`, the site modules it imports, and the data
files it names (a string such as "bench_engine.json" naming a file in
`snippets/`). `bundle(folder, paths)` is the download: a zip that unpacks
to one folder holding those files, the same bytes on every build.

Both are pure functions of the text and bytes they are given, so their
results are kept by those inputs: `mkdocs serve` rebuilds do not walk or
zip again what did not change (an edited file is a new key).
"""

import functools
import io
import re
import zipfile
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"
INCLUDE = re.compile(r'--8<--\s+"([^":]+)')
IMPORT = re.compile(r"^\s*(?:from|import)\s+(\w+)", re.MULTILINE)
DATA = re.compile(r"""["']([\w-]+\.(?:json|csv|txt|npz|npy))["']""")
EPOCH = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: no build date inside
MARKER = re.compile(rb"^[ \t]*# --8<-- \[(?:start|end):[\w-]+\][ \t]*\r?\n",
                    re.MULTILINE)  # fmt: skip


def published(path):
    """A snippet file's bytes as a reader downloads them: a .py file loses
    the lines that only mark a section for the pages to show
    (`# --8<-- [start:name]`), which the pages never show either."""
    data = path.read_bytes()
    return MARKER.sub(b"", data) if path.suffix == ".py" else data


@functools.lru_cache(maxsize=4096)
def _named(text):
    """Files in snippets/ that `text` imports or names as data."""
    names = [f"{name}.py" for name in IMPORT.findall(text)]
    return tuple(names + DATA.findall(text))


def snippet_files(text, includes=True):
    """Paths of the snippet files `text` uses, transitively, sorted."""
    todo = [*_named(text), *(INCLUDE.findall(text) if includes else [])]
    found = set()
    while todo:
        path = SNIPPETS / todo.pop()
        if path.is_file() and path not in found:
            found.add(path)
            if path.suffix == ".py":
                todo += _named(path.read_text(encoding="utf-8"))
    return sorted(found)


def needs(path):
    """What the snippet file `path` needs beside it to run, sorted."""
    text = path.read_text(encoding="utf-8")
    return [p for p in snippet_files(text, includes=False) if p != path]


def bundle(folder, files):
    """A zip of `files` ({name: bytes}) in one folder, deterministic."""
    return _zip(folder, tuple(sorted(files.items())))


@functools.lru_cache(maxsize=1024)
def _zip(folder, files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=EPOCH)
            info.external_attr = 0o644 << 16  # rw-r--r--
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()
