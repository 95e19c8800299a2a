"""Render the pages on both cores; while serving, only the pages an edit
changes.

Rendering - Markdown to HTML, which executes every block of the page - is
most of a build. This hook schedules it, and it changes no page's HTML:

- The notebooks start first, as soon as the pages are known, one after
  the other in a thread: each runs in a fresh kernel, another process, so
  it works on the second core while this process renders the Markdown.
- The Markdown pages are rendered by this process from the first page on
  and by one worker process from the last page back, until they meet. The
  worker is forked when the pages are known, so it has the same config,
  files and navigation; it renders a page as this process would (the
  `pre_page` and `page_markdown` events, then the render) and sends back
  the page's content, table of contents, title, anchors and every log
  message. This process replays the messages when it reaches the page, in
  page order, so `--strict` counts a warning wherever it arose, and a
  page's error stops the build as if it had been rendered here. Every
  event after the render (math, downloads, search, templates) still runs
  here, in page order.
- markdown-exec numbers the ids of what it generates with a counter kept
  across pages; it starts at 0 for each page, so a page's HTML does not
  depend on the pages rendered before it or on which process rendered it.

`mkdocs build` renders and executes every page, every time: nothing is
kept from one build to the next, so nothing published can be stale.

`mkdocs serve` keeps each page's rendered content in memory under a hash
of exactly its inputs: its Markdown, the snippet files it includes, the
site modules those import (and theirs), the data files they read, the
config, and the list of pages (so links stay right). A rebuild renders -
and so executes - again only the pages whose hash changed, on both cores
as above. Within such a page, a block outside a session whose own inputs
(its code, the site modules it imports and the data files they read) are
unchanged prints what it printed before: it is not run again. A session's
blocks always run. The search plugin's parse of a page is reused while the
page's HTML is unchanged.

BP_SERIAL=1 in the environment renders everything in this one process,
in page order (benchmarks/profile_build.py uses it to time each page).
"""

import copy
import hashlib
import io
import logging
import multiprocessing
import os
import pickle
import threading
import traceback
from pathlib import Path

import jinja2
from markdown_exec._internal.formatters import python as exec_python
from markdown_exec._internal.rendering import MarkdownConverter
from uses import snippet_files  # hooks/uses.py

ROOT = Path(__file__).resolve().parent.parent
KEPT = (  # what Page.render sets
    "content",
    "toc",
    "_title_from_render",
    "present_anchor_ids",
    "links_to_anchors",
)

log = logging.getLogger("mkdocs.hooks.render")
serving = False
memo = {}  # serve: page src_uri -> (key, rendered attributes)
outputs = {}  # serve: block key -> what the block printed
new_outputs = {}  # this process's additions (a worker sends them back)
search_entries = {}  # page url -> {HTML hash: the page's search entries}
SEARCH_KEPT = 4  # hashes kept a page: its HTML before and after the
# `page_context` events that change it (figure numbers), old and new
jobs = None  # this build's Jobs


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


# -- what a page's render depends on (serve) --------------------------------


def _block_key(code, block_id):
    digest = hashlib.sha256(block_id.encode() + b"\0" + code.encode())
    for path in snippet_files(code, includes=False) + sorted(
        ROOT.glob("docs/**/*.json")
    ):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _reuse_outputs(run):
    """markdown-exec's runner, reusing what a block outside a session
    printed while its inputs are unchanged (serve only).

    The runner returns nothing: a block prints into a buffer that
    markdown-exec puts in its globals as `print` (a partial of its
    _buffer_print). What is kept is what the buffer received, and a reused
    block writes that into the buffer, so the page shows it as if run."""

    def run_unless_unchanged(code, block_id, exec_globals=None):
        buffer = _print_buffer(exec_globals)
        if not serving or buffer is None:
            return run(code, block_id, exec_globals)
        if block_id.startswith("<code block: session "):
            log.debug("serve: running %s", block_id)
            return run(code, block_id, exec_globals)
        key = _block_key(code, block_id.split(";")[-1])  # n<k> varies
        if key in outputs:
            buffer.write(outputs[key])
            return None
        log.debug("serve: running %s", block_id)
        start = buffer.tell()
        run(code, block_id, exec_globals)  # raises if it fails
        outputs[key] = new_outputs[key] = buffer.getvalue()[start:]
        return None

    run_unless_unchanged.reuses = True
    return run_unless_unchanged


def _print_buffer(exec_globals):
    """The StringIO a block's print() writes to, or None if markdown-exec
    no longer works that way (then nothing is reused)."""
    printer = (exec_globals or {}).get("print")
    args = getattr(printer, "args", ())
    return args[0] if args and isinstance(args[0], io.StringIO) else None


def on_config(config):
    if not getattr(exec_python.exec_python, "reuses", False):
        exec_python.exec_python = _reuse_outputs(exec_python.exec_python)
    return config


def _key(page, files, config):
    source = Path(page.file.abs_src_path).read_bytes()
    digest = hashlib.sha256(source)
    digest.update(Path(config.config_file_path).read_bytes())
    text = source.decode("utf-8", "replace")
    for path in snippet_files(text) + sorted(ROOT.glob("docs/**/*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for file in files.documentation_pages():
        digest.update(file.src_uri.encode() + b"\0")
    return digest.hexdigest()


def _search_entries():
    """Material's search index: a page's entries are parsed from its final
    HTML as soon as that is known (in the `page_content` event, while the
    pages are still being shared between the cores) instead of one page
    after another at the end; and, serving, reused while the page's HTML
    is unchanged. A page is read twice: here, and by the search plugin
    after hooks/presentation.py numbered its figures, which changes the
    HTML of most pages; so both versions are kept (one slot a page made
    every rebuild parse most pages again: 1.6 s of a 2.7 s rebuild).
    Internals of a pinned version: skipped if they moved."""
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:  # pragma: no cover
        return None
    parse = getattr(SearchIndex, "add_entry_from_context", None)
    if parse is None:  # pragma: no cover
        return None
    if getattr(parse, "cached", False):
        return SearchIndex

    def add_entry_from_context(self, page):
        key = hashlib.sha256(page.content.encode()).hexdigest()
        key += repr(page.meta.get("search"))
        kept = search_entries.setdefault(page.url, {})
        if key in kept:
            kept[key] = kept.pop(key)  # the most recently used, last
            self.entries.extend(kept[key])
            return
        before = len(self.entries)
        parse(self, page)
        kept[key] = self.entries[before:]
        while len(kept) > SEARCH_KEPT:
            del kept[next(iter(kept))]

    add_entry_from_context.cached = True
    SearchIndex.add_entry_from_context = add_entry_from_context
    return SearchIndex


# -- rendering --------------------------------------------------------------


def _fresh_counters():
    """markdown-exec's ids and block names start afresh on each page."""
    MarkdownConverter.counter = 0
    exec_python._sessions_counter.clear()


def _rendered(page):
    """The attributes Page.render set, in a form that pickles."""
    links = page.links_to_anchors
    if links is not None:
        links = {file.src_uri: anchors for file, anchors in links.items()}
    values = {name: getattr(page, name, None) for name in KEPT}
    values["links_to_anchors"] = links
    return values


def _adopt(page, values, files):
    for name, value in values.items():
        if name == "links_to_anchors" and value is not None:
            value = {files.get_file_from_path(k): v for k, v in value.items()}
        setattr(page, name, value)


def _math_hook(config):
    """hooks/math.py, if it keeps what it drew where we can add to it."""
    math = config.plugins.get("hooks/math.py")
    return math if isinstance(getattr(math, "drawn", None), dict) else None


def _content_work(page, config, files):
    """In the worker, after a page's render: the `page_content` events too,
    to draw its formulas and parse its search entries on this core; the
    build runs the events again, finding both done (its own log messages
    and side effects are the build's). Sent with the page."""
    math = _math_hook(config)
    before = set(math.drawn) if math else set()
    try:
        config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )
    except Exception:  # the build will meet it itself
        return {}
    drawn = {k: v for k, v in math.drawn.items() if k not in before} if (
        math) else {}  # fmt: skip
    return {"drawn": drawn, "search": search_entries.get(page.url)}


class Worker:
    """A forked process rendering Markdown pages from the last one back,
    while this process renders from the first one on."""

    def __init__(self, pages, config, files):
        ctx = multiprocessing.get_context("fork")
        self.index = {page.file.src_uri: i for i, page in enumerate(pages)}
        self.claims = ctx.Array("b", len(pages))  # 0 free, 1 here, 2 worker
        self.results = {}
        self.done = threading.Condition()
        self.finished = False
        receive, send = ctx.Pipe(duplex=False)
        self.process = ctx.Process(
            target=self._work,
            args=(pages, config, files, send),
            name="mkdocs-render",
            daemon=True,
        )
        self.process.start()
        send.close()
        self.receiver = threading.Thread(
            target=self._receive, args=(receive,), daemon=True
        )
        self.receiver.start()

    def claim(self, i, who):
        with self.claims.get_lock():
            if self.claims[i]:
                return False
            self.claims[i] = who
            return True

    # in the worker process
    def _work(self, pages, config, files, send):
        global jobs
        jobs = None  # this process renders; it schedules nothing
        records = []

        class Keep(logging.Handler):
            def emit(self, record):
                records.append(_portable(record))

        mkdocs_log = logging.getLogger("mkdocs")
        for handler in list(mkdocs_log.handlers):
            mkdocs_log.removeHandler(handler)
        mkdocs_log.addHandler(Keep())
        for i in reversed(range(len(pages))):
            if not self.claim(i, 2):
                break  # this process has reached it: all the rest is done
            page = pages[i]
            records.clear()
            try:
                config._current_page = page
                page = config.plugins.on_pre_page(
                    page, config=config, files=files
                )
                page.read_source(config)
                page.markdown = config.plugins.on_page_markdown(
                    page.markdown, page=page, config=config, files=files
                )
                _fresh_counters()
                new_outputs.clear()
                page.render(config, files)
                values = _rendered(page)
                values["outputs"] = dict(new_outputs)
                message = (i, values, None, list(records))
                values.update(_content_work(page, config, files))
            except Exception as error:  # sent, raised there (Ctrl-C ends it)
                message = (i, None, _portable_error(error), list(records))
            finally:
                config._current_page = None
            send.send_bytes(pickle.dumps(message))
        send.close()

    # in this process
    def _receive(self, receive):
        try:
            while True:
                i, values, error, records = pickle.loads(receive.recv_bytes())
                with self.done:
                    self.results[i] = (values, error, records)
                    self.done.notify_all()
        except (EOFError, OSError):
            pass
        with self.done:
            self.finished = True
            self.done.notify_all()

    def took(self, page, config, files):
        """Whether the worker rendered `page` (then it is set up as the
        worker left it, its log messages replayed, its error raised);
        False if this process is to render it: it got there first, or the
        worker died before it."""
        i = self.index.get(page.file.src_uri)
        if i is None or self.claim(i, 1):
            return False
        with self.done:
            self.done.wait_for(lambda: i in self.results or self.finished)
            done = self.results.pop(i, None)
        if done is None:
            return False
        values, error, records = done
        for record in records:
            logging.getLogger(record.name).handle(record)
        if error is not None:
            raise error
        outputs.update(values.pop("outputs"))
        math = _math_hook(config)
        drawn = values.pop("drawn", None)
        if math and drawn:
            math.drawn.update(drawn)
        search = values.pop("search", None)
        if search:
            search_entries.setdefault(page.url, {}).update(search)
        _adopt(page, values, files)
        return True

    def close(self, kill=False):
        if kill and self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.receiver.join()


def _portable(record):
    """A log record that pickles: message formatted, traceback as text."""
    record.msg = record.getMessage()
    record.args = None
    if record.exc_info:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
    return record


def _portable_error(error):
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        text = "".join(traceback.format_exception(error))
        return RuntimeError(f"{type(error).__name__}: {error}\n{text}")


class Jobs:
    """This build's renders: notebooks in a thread, Markdown pages shared
    with a worker process, and (serving) pages reused from memory."""

    def __init__(self, config, files):
        self.notebooks = {}  # src_uri -> None, then ("ok"|"error", value)
        self.worker = None
        self.keys = {}
        pages = [f.page for f in files.documentation_pages() if f.page]
        if serving:
            self.keys = {p.file.src_uri: _key(p, files, config) for p in pages}
            pages = [p for p in pages if not self.reused(p)]
        jupyter = config.plugins.get("mkdocs-jupyter")
        notebooks = [
            p for p in pages if jupyter and jupyter.should_include(p.file)
        ]
        markdown = [p for p in pages if p not in notebooks]
        if len(markdown) > 1 and not os.environ.get("BP_SERIAL"):
            # forked before any thread of this build starts
            self.worker = Worker(markdown, config, files)
        if notebooks:
            thread = threading.Thread(
                target=self._notebooks,
                args=(notebooks, jupyter, config, files),
                name="mkdocs-notebooks",
                daemon=True,
            )
            self.notebooks = {p.file.src_uri: None for p in notebooks}
            self.notebooks_done = threading.Condition()
            thread.start()
            self.thread = thread

    def reused(self, page, files=None, config=None):
        uri = page.file.src_uri
        if uri not in self.keys:  # a page outside the nav
            self.keys[uri] = _key(page, files, config)
        hit = memo.get(uri)
        return bool(hit) and hit[0] == self.keys[uri]

    def _notebooks(self, pages, jupyter, config, files):
        """Each notebook in turn (mkdocs-jupyter keeps module state while
        it converts one), each in a fresh kernel."""
        for page in pages:
            try:  # on a copy: this process sets up the page itself
                shadow = jupyter.on_pre_page(
                    copy.copy(page), config=config, files=files
                )
                shadow.render(config, files)
                outcome = ("ok", _rendered(shadow))
            except BaseException as error:  # raised when the page is built
                outcome = ("error", error)
            with self.notebooks_done:
                self.notebooks[page.file.src_uri] = outcome
                self.notebooks_done.notify_all()

    def render(self, page, render, config, files):
        uri = page.file.src_uri
        if serving and self.reused(page, files, config):
            _adopt(page, memo[uri][1], files)
            return
        if serving:
            log.info("serve: rendering %s", uri)
        if uri in self.notebooks:
            with self.notebooks_done:
                self.notebooks_done.wait_for(lambda: self.notebooks[uri])
            kind, value = self.notebooks[uri]
            if kind == "error":
                raise value
            _adopt(page, value, files)
        elif not (self.worker and self.worker.took(page, config, files)):
            _fresh_counters()
            render(config, files)
        if serving:
            memo[uri] = (self.keys[uri], _rendered(page))

    def close(self, kill=False):
        if self.worker:
            self.worker.close(kill=kill)
        if self.notebooks:
            self.thread.join()  # a kernel is never left running


def on_nav(nav, config, files):
    global jobs
    if jobs is not None:  # an earlier build that failed
        jobs.close(kill=True)
    new_outputs.clear()
    jobs = Jobs(config, files)
    return nav


def on_pre_page(page, config, files):
    if jobs is None:  # the render worker itself, or no nav event yet
        return page
    render = page.render  # the theme's, or mkdocs-jupyter's for notebooks
    page.render = lambda config, files: jobs.render(
        page, render, config, files
    )
    return page


def on_page_content(html, page, config, files):
    """Last of the `page_content` events: the page's HTML is final."""
    search = config.plugins.get("material/search")
    index = _search_entries() if search else None
    if index is not None:
        content, page.content = page.content, html
        try:
            index(**search.config).add_entry_from_context(page)
        finally:
            page.content = content
    return html


class _Compiled(jinja2.BytecodeCache):
    """Serve: the theme's templates compiled once, not on every rebuild
    (jinja checks each template's source against what was compiled)."""

    def __init__(self):
        self.store = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


compiled_templates = _Compiled()


def on_env(env, config, files):
    global jobs
    if serving:
        env.bytecode_cache = compiled_templates
    if jobs is not None:
        jobs.close()
        jobs = None
    return env


def on_build_error(error):
    global jobs
    if jobs is not None:
        jobs.close(kill=True)
        jobs = None
