"""`mkdocs serve`: after an edit, re-run only the pages the edit can change.

A page's HTML depends on its Markdown, the snippet files it includes, the
site modules those import (and theirs), and the data files under docs/
that snippets read. While serving, each page's rendered content is kept
in memory under a hash of exactly those inputs (plus the list of pages, so
links stay right); a rebuild renders - and so executes - a page again only
when its hash changed. Notebook pages likewise: their source and the
modules they import. Everything after rendering (math, download links,
templates) still runs for every page; the search plugin's parse of a page
is reused when the page's HTML is unchanged (parsing every page was half
of a rebuild).

`mkdocs build` never uses this: every build renders and executes every
page, so the tests and the published site cannot see a stale result.
"""

import hashlib
import logging
from pathlib import Path

from uses import snippet_files  # hooks/uses.py

ROOT = Path(__file__).resolve().parent.parent

log = logging.getLogger("mkdocs.hooks.serve_cache")
serving = False
memo = {}  # page src_uri -> (key, rendered attributes)
KEPT = (
    "content",
    "toc",
    "_title_from_render",
    "present_anchor_ids",
    "links_to_anchors",
)


def on_startup(command, dirty):
    global serving
    serving = command == "serve"
    if serving:
        _reuse_search_entries()


def _reuse_search_entries():
    """Material's search index: reuse a page's entries if its HTML is
    unchanged. Internals of a pinned version: skipped if they moved."""
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:  # pragma: no cover
        return
    parse = getattr(SearchIndex, "add_entry_from_context", None)
    if parse is None or getattr(parse, "cached", False):
        return
    entries = {}  # page url -> (content hash, the entries it added)

    def add_entry_from_context(self, page):
        key = hashlib.sha256(page.content.encode()).hexdigest()
        key += repr(page.meta.get("search"))
        hit = entries.get(page.url)
        if hit and hit[0] == key:
            self.entries.extend(hit[1])
            return
        before = len(self.entries)
        parse(self, page)
        entries[page.url] = (key, self.entries[before:])

    add_entry_from_context.cached = True
    SearchIndex.add_entry_from_context = add_entry_from_context


def _key(page, files):
    source = Path(page.file.abs_src_path).read_text("utf-8")
    digest = hashlib.sha256(source.encode())
    digest.update((page.markdown or "").encode())
    for path in snippet_files(source) + sorted(ROOT.glob("docs/**/*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for file in files.documentation_pages():
        digest.update(file.src_uri.encode())
    return digest.hexdigest()


def on_pre_page(page, config, files):
    if not serving:
        return page
    render = page.render  # the theme's, or mkdocs-jupyter's for notebooks

    def cached_render(config, files):
        key = _key(page, files)
        hit = memo.get(page.file.src_uri)
        if hit and hit[0] == key:
            for name, value in hit[1].items():
                setattr(page, name, value)
            return
        log.info("serve: rendering %s", page.file.src_uri)
        render(config, files)
        memo[page.file.src_uri] = (
            key,
            {name: getattr(page, name, None) for name in KEPT},
        )

    page.render = cached_render
    return page
