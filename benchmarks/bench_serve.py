"""`mkdocs serve`: seconds from saving a snippet to the browser reloading
with the rebuilt site.

    .venv/bin/python benchmarks/bench_serve.py [--rounds N] [--project DIR]
        [FILE ...]

Serves a copy of the project, then, for each FILE in snippets/ (default: a
leaf snippet, intro_chain.py, and the modules most pages import:
diagrams.py, engine.py, show.py), saves an edit of it ROUNDS times and
measures the seconds until the server's live-reload answers with the new
build - the moment an open page reloads. The leaf snippet's edit changes
what it prints, and the round also checks that the page shows the new
text; a module's edit adds a comment line, which re-renders every page
that imports it all the same. Prints the median per file. The design bar
is 3 s after editing any snippet.

Each rebuild's CPU time is printed too: the server's and its children's
(the render worker and the notebooks' kernels are children it waits
for), read from /proc (Linux). That CPU time over the machine's cores is
the least wall time the rebuild could take however well it shared the
work between the cores: a bar below it needs less work, not better
scheduling.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEAF = "intro_chain.py"  # shown on the exam-hall page
PAGE = "intuition/exam-hall/"
BEFORE = "dy/dx ="
MODULES = ["diagrams.py", "engine.py", "show.py"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def epoch(base):
    """The build the server shows now (in every page's live-reload call)."""
    while not (m := re.search(r"livereload\((\d+),", fetch(base))):
        time.sleep(0.1)
    return int(m[1])


def reloaded(base, since, limit=300):
    """Seconds until the server has a newer build than `since` (the
    browser's live-reload request returns then)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        answer = fetch(f"{base}livereload/{since}/1", timeout=limit)
        if answer.strip().isdigit() and int(answer) > since:
            return time.perf_counter() - start, int(answer)
    raise TimeoutError("the server never reloaded")


def edit(path, text, n):
    """The file's original text, edited for round n; the text the page
    then shows (for the leaf snippet)."""
    if path.name == LEAF:
        marker = f"dy/dx (edit {n}) ="
        edited = text.replace(BEFORE, marker)
        assert edited != text, f"{LEAF} no longer prints {BEFORE!r}"
        return edited, marker
    return text + f"# edit {n}\n", None


def cpu_seconds(pid):
    """CPU seconds of process `pid` and of the children it waited for."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rpartition(")")[2].split()
    except OSError:  # not Linux: no figure
        return float("nan")
    ticks = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def load():
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--project", default=str(ROOT), help="its tree")
    parser.add_argument("files", nargs="*", default=[LEAF, *MODULES])
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; {load()} at the start")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("mkdocs.yml", "docs", "snippets", "hooks", "overrides"):
            src = Path(args.project) / name
            copy = shutil.copytree if src.is_dir() else shutil.copy
            copy(src, project / name)
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-a",
                f"127.0.0.1:{port}",
            ],  # fmt: skip
            cwd=project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            start = time.perf_counter()
            now = epoch(base)
            print(f"first build served after "
                  f"{time.perf_counter() - start:.1f} s")  # fmt: skip
            results = {}
            for name in args.files:
                path = project / "snippets" / name
                original = path.read_text(encoding="utf-8")
                times, cpus = [], []
                for n in range(args.rounds):
                    text, marker = edit(path, original, n)
                    time.sleep(1.5)  # mtimes and the watcher settle
                    cpu = cpu_seconds(server.pid)
                    path.write_text(text, encoding="utf-8")
                    seconds, now = reloaded(base, now)
                    if marker:
                        assert marker in fetch(base + PAGE), "stale page"
                    time.sleep(1.0)  # the build's last children reaped
                    cpus.append(cpu_seconds(server.pid) - cpu)
                    times.append(seconds)
                    print(f"{name} round {n + 1}: {seconds:.2f} s, "
                          f"CPU {cpus[-1]:.1f} s ({load()})")  # fmt: skip
                time.sleep(1.5)
                path.write_text(original, encoding="utf-8")
                now = reloaded(base, now)[1]
                results[name] = (
                    statistics.median(times),
                    statistics.median(cpus),
                )
            cores = os.cpu_count()
            for name, (seconds, cpu) in results.items():
                kind = "leaf snippet" if name == LEAF else "module"
                print(f"serve rebuild after editing {name} ({kind}), "
                      f"median of {args.rounds}: {seconds:.2f} s; CPU "
                      f"{cpu:.1f} s, so at least {cpu / cores:.1f} s "
                      f"on {cores} cores")  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=60)
    print(f"({load()} at the end)")


if __name__ == "__main__":
    main()
