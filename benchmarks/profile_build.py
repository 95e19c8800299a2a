"""Where a strict `mkdocs build` spends its time: one build, instrumented.

    .venv/bin/python benchmarks/profile_build.py [--top N] [--parallel]

Builds the site in this process (into a temporary folder) and prints a
table of where the time went: each hook and plugin event, the Markdown
render of the pages (and inside it the executed blocks, split into the
fresh-program reset of hooks/snippets_path.py and the block's own run),
the theme's templates and writing, the static files. Then the slowest
pages and blocks. Wall seconds, and CPU seconds (user+sys) of the main
thread; the notebooks' kernels are other processes: their CPU is
reported as the children's.

By default every page is rendered in this process, one after the other
(BP_SERIAL=1, see hooks/render.py), so each row is that work's whole cost;
the notebooks still run in their thread from the start (their rows are
the wait for them). --parallel profiles the build as it runs: pages the
render worker did are then missing from the rows. Not a benchmark (one
build, noisy); `bench_build.py` measures the build's figure.
"""

import argparse
import collections
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class Clock:
    """Wall and thread-CPU seconds per label (thread CPU: a worker
    thread's time is not counted in the main thread's rows)."""

    def __init__(self):
        self.wall = collections.defaultdict(float)
        self.cpu = collections.defaultdict(float)
        self.calls = collections.Counter()
        self.lock = threading.Lock()

    def timed(self, label, fn, *args, **kwargs):
        w, c = time.perf_counter(), time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            with self.lock:
                self.wall[label] += time.perf_counter() - w
                self.cpu[label] += time.thread_time() - c
                self.calls[label] += 1


def instrument(clock):
    from mkdocs.commands import build as build_mod
    from mkdocs.plugins import PluginCollection

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            label = f"event {name}: {origin}"
            args = (item,) if pass_item else ()
            result = clock.timed(label, method, *args, **kwargs)
            if result is not None:
                item = result
        self._current_plugin = None
        if name == "config":
            instrument_blocks(clock)  # markdown-exec's runner is hooked now
        return item

    PluginCollection.run_event = run_event

    populate = build_mod._populate_page

    def _populate_page(page, config, files, dirty=False):
        # a hook may replace page.render in on_pre_page: wrap it after that
        original_pre_page = config.plugins.on_pre_page

        def on_pre_page(p, **kw):
            p = original_pre_page(p, **kw)
            inner = p.render
            p.render = lambda *a, **k: clock.timed(
                f"page {p.file.src_uri}", inner, *a, **k
            )
            return p

        config.plugins.on_pre_page = on_pre_page
        try:
            return clock.timed("pages: read+events+render", populate, page,
                               config, files, dirty)  # fmt: skip
        finally:
            del config.plugins.on_pre_page

    build_mod._populate_page = _populate_page

    build_page = build_mod._build_page
    build_mod._build_page = lambda *a, **k: clock.timed(
        "pages: context+template+write", build_page, *a, **k
    )
    for name in ("_build_theme_template", "_build_extra_template"):
        fn = getattr(build_mod, name)
        setattr(
            build_mod,
            name,
            (
                lambda f: (
                    lambda *a, **k: clock.timed("theme templates", f, *a, **k)
                )
            )(fn),  # fmt: skip
        )

    from mkdocs.structure.files import Files

    copy = Files.copy_static_files
    Files.copy_static_files = lambda self, *a, **k: clock.timed(
        "static files copied", copy, self, *a, **k
    )


def instrument_blocks(clock):
    """After the hooks are loaded: time each executed block, and the
    fresh-program reset inside it."""
    sp = sys.modules.get("hooks/snippets_path.py")
    if sp is None:
        return
    from markdown_exec._internal.formatters import python as fmt

    restore = sp._restore
    sp._restore = lambda *a, **k: clock.timed("blocks: reset", restore, *a,
                                              **k)  # fmt: skip
    run = fmt.exec_python
    if getattr(run, "timed", False):
        return

    def exec_python(code, block_id, exec_globals=None):
        title = sp._title(block_id) or block_id
        return clock.timed(f"block {title}", run, code, block_id, exec_globals)

    exec_python.timed = True
    fmt.exec_python = exec_python


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--parallel", action="store_true")
    args = parser.parse_args()
    if not args.parallel:
        os.environ["BP_SERIAL"] = "1"
    os.chdir(ROOT)
    clock = Clock()
    t0, c0, os0 = time.perf_counter(), time.process_time(), os.times()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    instrument(clock)
    clock.wall["imports (mkdocs)"] = time.perf_counter() - t0
    clock.cpu["imports (mkdocs)"] = time.process_time() - c0
    with tempfile.TemporaryDirectory() as tmp:
        config = clock.timed(
            "load config (imports hooks, plugins)",
            load_config,
            "mkdocs.yml",
            site_dir=str(Path(tmp) / "site"),
            strict=True,
        )
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    os1 = os.times()
    kids = (os1.children_user - os0.children_user) + (
        os1.children_system - os0.children_system
    )
    report(clock, wall, cpu, kids, args.top)


def report(clock, wall, cpu, kids, top):
    rows = [
        (k, clock.wall[k], clock.cpu[k], clock.calls[k])
        for k in clock.wall
        if not k.startswith(("page ", "block "))
    ]
    pages = sum(v for k, v in clock.wall.items() if k.startswith("page "))
    pages_cpu = sum(v for k, v in clock.cpu.items() if k.startswith("page "))
    blocks = sum(v for k, v in clock.wall.items() if k.startswith("block "))
    blocks_cpu = sum(v for k, v in clock.cpu.items() if k.startswith("block "))
    rows.append(("  render (Markdown + executed blocks)", pages, pages_cpu, 0))
    rows.append(("    executed blocks (incl. reset)", blocks, blocks_cpu, 0))
    rows.sort(key=lambda r: -r[1])
    load = os.getloadavg()
    print(f"build: {wall:.1f} s wall, {cpu:.1f} s CPU in this process, "
          f"{kids:.1f} s CPU in children (kernels); load "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")  # fmt: skip
    print()
    print(f"| {'where':<52} | wall s | CPU s | calls |")
    print(f"|{'-' * 54}|-------:|------:|------:|")
    for label, w, c, n in rows:
        if w >= 0.05:
            print(f"| {label:<52} | {w:6.2f} | {c:5.2f} | {n or '':>5} |")
    for prefix, name in (("page ", "pages"), ("block ", "blocks")):
        items = sorted(
            (
                (k[len(prefix) :], v)
                for k, v in clock.wall.items()
                if k.startswith(prefix)
            ),  # fmt: skip
            key=lambda kv: -kv[1],
        )
        print(f"\nslowest {name} (wall s, CPU s, calls):")
        for label, w in items[:top]:
            c, n = clock.cpu[prefix + label], clock.calls[prefix + label]
            print(f"  {w:6.2f} {c:6.2f} {n:3d}  {label}")


if __name__ == "__main__":
    main()
