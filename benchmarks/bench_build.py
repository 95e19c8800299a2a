"""The cold strict build: seconds from `mkdocs build --strict` to done.

    .venv/bin/python benchmarks/bench_build.py [--rounds N] [PROJECT ...]

Runs `mkdocs build --strict` in a new process (as `make build` and CI do:
nothing kept from an earlier build) into an empty folder, ROUNDS times
(default 3), and prints the median wall time and the median CPU time
(user+sys of the build and every process it started: the render worker,
the notebooks' kernels). With several PROJECT folders (e.g. a clone of
`main` and this tree) the rounds are interleaved, so load on the machine
falls on each alike. The design bar is 20 s on 2 cores.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def mkdocs(project):
    """The project's own mkdocs (its .venv), else this Python's."""
    own = Path(project) / ".venv" / "bin" / "python"
    return str(own if own.is_file() else sys.executable)


def build_once(project, site):
    """(wall s, CPU s) of one cold strict build of `project`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [
            mkdocs(project),
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-d",
            str(site),
        ],  # fmt: skip
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"{project}: the build failed\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (
        after.ru_stime - before.ru_stime
    )
    return wall, cpu


def load():
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("projects", nargs="*", default=[str(ROOT)])
    args = parser.parse_args()
    times = {p: [] for p in args.projects}
    print(f"{os.cpu_count()} cores; {load()} at the start")
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            for i, project in enumerate(args.projects):
                site = Path(tmp) / f"site-{n}-{i}"
                wall, cpu = build_once(project, site)
                times[project].append((wall, cpu))
                print(f"round {n + 1} {project}: {wall:.1f} s wall, "
                      f"{cpu:.1f} s CPU ({load()})")  # fmt: skip
    for project, rounds in times.items():
        wall = statistics.median(w for w, _ in rounds)
        cpu = statistics.median(c for _, c in rounds)
        print(f"cold mkdocs build --strict, median of {args.rounds} "
              f"({project}): {wall:.1f} s wall, {cpu:.1f} s CPU")  # fmt: skip
    print(f"({load()} at the end)")


if __name__ == "__main__":
    main()
