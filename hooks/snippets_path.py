"""Make `snippets/` importable by executed blocks, and never stale.

markdown-exec runs blocks in this process, so modules they import (say
`engine`) stay in `sys.modules` across `mkdocs serve` rebuilds. Before each
build we drop every module loaded from `snippets/`, so an edit to one shows
on the next rebuild. matplotlib is set up for byte-identical SVG here too.
"""

import sys
from pathlib import Path

SNIPPETS = (Path(__file__).parent.parent / "snippets").resolve()


def on_config(config):
    if str(SNIPPETS) not in sys.path:
        sys.path.insert(0, str(SNIPPETS))
    try:
        import matplotlib

        matplotlib.use("Agg")
        matplotlib.rcParams["svg.hashsalt"] = "backprop-intuition"
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        pass
    return config


def on_pre_build(config):
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and Path(path).resolve().is_relative_to(SNIPPETS):
            del sys.modules[name]
