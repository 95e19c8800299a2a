"""What Part 5 adds to a cold build of the site, measured side by side.

Two copies of the project: the site as it is, and the site without Part 5
(its pages, its notebook, its nav entries and home-page row, its
cheat-sheet rows and glossary entries). Each round builds both, cold, in
alternating order; we report the medians of wall time and of the CPU time
the build used (user + system, of mkdocs and the notebook kernels it
starts), and their differences. Both are built with --no-strict (the copy
without Part 5 still has links into it in other parts' pages: warnings,
not errors); the work is the same as a strict build's.

Run: .venv/bin/python benchmarks/bench_part5.py [--rounds N] [--json F]
(--json saves the result; docs/part-5/transformer-block.md shows
snippets/p5_build.json, beside p5_summary.py)
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "snippets", "hooks", "overrides")


def copy(dest):
    dest.mkdir(parents=True)
    for name in PARTS:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest


def without_part5(project):
    """Remove Part 5 from a copy of the project."""
    shutil.rmtree(project / "docs" / "part-5")
    (project / "docs" / "notebooks" / "transformer-by-hand.py").unlink()
    yml = (project / "mkdocs.yml").read_text()
    yml = re.sub(r"  - 5\. [^\n]*:\n(      - [^\n]*\n)+", "", yml)
    yml = re.sub(r"[^\n]*transformer-by-hand[^\n]*\n", "", yml)
    (project / "mkdocs.yml").write_text(yml)
    index = project / "docs" / "index.md"
    text = re.sub(r"\| \*\*\[5\. [^\n]*\n", "", index.read_text())
    index.write_text(text)
    rows = project / "snippets" / "ref_rows.py"
    text = re.sub(r"\n\n# --- Part 5:.*?# fmt: on\n", "\n", rows.read_text(),
                  flags=re.S)  # fmt: skip
    rows.write_text(text)
    glossary = project / "docs" / "reference" / "glossary.md"
    entries = glossary.read_text().split("\n\n")
    glossary.write_text("\n\n".join(e for e in entries if "part-5/" not in e))


def build(project, site):
    """Wall and CPU seconds of one cold build."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [Path(sys.executable).parent / "mkdocs", "build", "--no-strict",
         "-q", "-d", str(site)],
        cwd=project, env=env, check=True, capture_output=True,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (
        after.ru_stime - before.ru_stime
    )
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        projects = {"with": copy(tmp / "with"), "without": copy(tmp / "no")}
        without_part5(projects["without"])
        times = {name: [] for name in projects}
        for r in range(args.rounds):
            order = list(projects) if r % 2 == 0 else list(projects)[::-1]
            for name in order:
                wall, cpu = build(projects[name], tmp / f"site-{name}")
                times[name].append((wall, cpu))
                print(f"round {r + 1}: {name:7} wall {wall:5.1f} s, "
                      f"cpu {cpu:5.1f} s", flush=True)  # fmt: skip
    load = max(load, os.getloadavg()[0])
    median = {n: statistics.median(w for w, _ in t) for n, t in times.items()}
    cpu = {n: statistics.median(c for _, c in t) for n, t in times.items()}
    print(
        f"median wall: with {median['with']:.1f} s, without "
        f"{median['without']:.1f} s: Part 5 adds "
        f"{median['with'] - median['without']:.1f} s"
    )
    print(
        f"median cpu:  with {cpu['with']:.1f} s, without "
        f"{cpu['without']:.1f} s: Part 5 adds "
        f"{cpu['with'] - cpu['without']:.1f} s (load average {load:.1f})"
    )
    if args.json:
        result = {
            "date": datetime.date.today().isoformat(),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
            "python": platform.python_version(),
            "load": round(load, 1),
            "rounds": args.rounds,
            "median_s": {n: round(v, 2) for n, v in median.items()},
            "median_cpu_s": {n: round(v, 2) for n, v in cpu.items()},
            "runs_s": {
                n: [[round(w, 2), round(c, 2)] for w, c in t]
                for n, t in times.items()
            },  # fmt: skip
        }
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
