"""`mkdocs serve`: seconds from saving a snippet to the page showing it.

    .venv/bin/python benchmarks/bench_serve.py [ROUNDS]

Serves a copy of the project, then edits the string a snippet prints
(snippets/intro_chain.py, shown on the exam-hall page) and polls the page
until the new text is served; repeats ROUNDS times and prints the median.
The design bar is 3 s (DESIGN.md); hooks/serve_cache.py is what makes a
rebuild re-run only the pages an edit changes.
"""

import os
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
PAGE = "intuition/exam-hall/"
SNIPPET = "snippets/intro_chain.py"
BEFORE = "dy/dx ="


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url, text, limit=300):
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > limit:
            raise TimeoutError(f"{text!r} never appeared at {url}")
        time.sleep(0.05)
    return time.perf_counter() - start


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("mkdocs.yml", "docs", "snippets", "hooks", "overrides"):
            src = ROOT / name
            copy = shutil.copytree if src.is_dir() else shutil.copy
            copy(src, project / name)
        port = free_port()
        url = f"http://127.0.0.1:{port}/{PAGE}"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-a",
                f"127.0.0.1:{port}",
            ],
            cwd=project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            first = wait_for(url, BEFORE)
            print(f"first build served after {first:.1f} s")
            snippet = project / SNIPPET
            original = snippet.read_text(encoding="utf-8")
            times = []
            for n in range(rounds):
                marker = f"dy/dx (edit {n}) ="
                edited = original.replace(BEFORE, marker)
                assert edited != original, f"{SNIPPET} no longer prints it"
                time.sleep(1.5)  # mtimes and the watcher's debounce settle
                snippet.write_text(edited, encoding="utf-8")
                times.append(wait_for(url, marker))
                print(f"round {n + 1}: {times[-1]:.2f} s")
            print(f"median edit-to-served: {statistics.median(times):.2f} s")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
