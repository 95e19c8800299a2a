"""Which snippet files a page, notebook or module uses - for the hooks
(not itself a hook): the files it includes with `--8<-- "name.py"` and the
site modules it imports, and what those import in turn."""

import re
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"
INCLUDE = re.compile(r'--8<--\s+"([^":]+)')
IMPORT = re.compile(r"^\s*(?:from|import)\s+(\w+)", re.MULTILINE)


def snippet_files(text, includes=True):
    """Paths of the snippet files `text` uses, transitively, sorted."""
    todo = [f"{name}.py" for name in IMPORT.findall(text)]
    todo += INCLUDE.findall(text) if includes else []
    found = set()
    while todo:
        path = SNIPPETS / todo.pop()
        if path.is_file() and path not in found:
            found.add(path)
            module = path.read_text(encoding="utf-8")
            todo += [f"{name}.py" for name in IMPORT.findall(module)]
    return sorted(found)
