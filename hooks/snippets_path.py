"""Run every executed block as a fresh program, as a reader's terminal does.

markdown-exec runs blocks in this one process, so whatever a block changes
would reach every later block of the build: numpy's print options, the
random state, matplotlib's rc settings and open figures, the working
folder, and modules already imported from `snippets/` (with their own
module-level state). A page could then show output that its code, run
alone, does not print. So before each block that starts a program - every
block outside a session, and the first block of a session on its page -
this hook puts all of that back as it was when the build started, and
drops every module loaded from `snippets/`, so the block imports them
afresh. Blocks later in the same session continue that one program.

One thing is shared between blocks, because it cannot change what a block
prints: matplotlib's parse of each mathtext string (a tick label such as
10^-3), a pure function of the string, the font and the size. matplotlib
caches it per renderer, and every figure saved makes new renderers, so
the same labels were parsed again for every figure (a third of the time
of a log-scale plot).

It also makes `snippets/` importable, sets `__file__` for a block to its
snippet file (the block's title), so a snippet finds a data file beside
it the same way on the page and in a terminal, and clears markdown-exec's
sessions before each page: a session never spans pages, and `mkdocs
serve` starts each rebuild from empty sessions.
"""

import os
import random
import sys
import warnings
from pathlib import Path

from markdown_exec._internal.formatters import python as exec_formatter

SNIPPETS = (Path(__file__).parent.parent / "snippets").resolve()
FRESH = {"__name__", "print"}  # what markdown-exec puts in a new block
_pristine = {}  # the process state every program starts from
_run = exec_formatter.exec_python  # markdown-exec's own runner


def _capture():
    import matplotlib
    import numpy as np

    _pristine.update(
        numpy_print=np.get_printoptions(),
        numpy_random=np.random.get_state(),
        random=random.getstate(),
        rc=matplotlib.rcParams.copy(),
        cwd=os.getcwd(),
        path=list(sys.path),
    )


def _restore():
    import matplotlib
    import matplotlib.pyplot as plt
    import numpy as np

    np.set_printoptions(**_pristine["numpy_print"])
    np.random.set_state(_pristine["numpy_random"])
    random.setstate(_pristine["random"])
    plt.close("all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated keys are copied too
        matplotlib.rcParams.update(_pristine["rc"])
    os.chdir(_pristine["cwd"])
    sys.path[:] = _pristine["path"]
    _drop_snippet_modules()


def _drop_snippet_modules():
    folder = str(SNIPPETS) + os.sep  # on sys.path as it is: no resolving
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and path.startswith(folder):
            del sys.modules[name]


def _share_mathtext_parses():
    """One cache of mathtext parses for the build, not one per renderer."""
    from matplotlib import mathtext

    parser = mathtext.MathTextParser
    parse = parser.__dict__.get("_parse_cached")
    inner = getattr(parse, "__wrapped__", None)  # under its lru_cache
    if inner is None or getattr(parse, "shared", False):
        return  # matplotlib moved it: leave it as it is
    parses = {}

    def _parse_cached(self, s, dpi, prop, antialiased, load_glyph_flags):
        key = (self._output_type, s, dpi, prop, antialiased, load_glyph_flags)
        if key not in parses:
            parses[key] = inner(self, s, dpi, prop, antialiased,
                                load_glyph_flags)  # fmt: skip
        return parses[key]

    _parse_cached.shared = True
    parser._parse_cached = _parse_cached


def _title(block_id):
    """'<code block: session s; n2; title p3_x.py>' -> 'p3_x.py'."""
    _, _, title = block_id.rstrip(">").partition("; title ")
    return title.strip()


def run_as_program(code, block_id, exec_globals=None):
    if exec_globals is not None and set(exec_globals) <= FRESH:
        _restore()  # a new program: the state a fresh process starts from
        title = _title(block_id)
        if title.endswith(".py") and (SNIPPETS / title).is_file():
            exec_globals["__file__"] = str(SNIPPETS / title)
    return _run(code, block_id, exec_globals)


def on_config(config):
    if str(SNIPPETS) not in sys.path:
        sys.path.insert(0, str(SNIPPETS))
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "backprop-intuition"
    _share_mathtext_parses()
    if not _pristine:
        _capture()
    if exec_formatter.exec_python is not run_as_program:
        exec_formatter.exec_python = run_as_program
    return config


def on_pre_build(config):
    _drop_snippet_modules()


def on_page_markdown(markdown, page, config, files):
    exec_formatter._sessions_globals.clear()  # no session spans pages
    return markdown
