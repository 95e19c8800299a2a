"""The first `make serve` on a fresh clone: seconds until the home page
answers.

    python3 benchmarks/bench_first_serve.py [--rounds N] [--ref REF]

Each round clones this repository (its committed REF, default HEAD) into
an empty folder and runs `make serve` there, as a new contributor does,
then polls the home page until it is served; it reports the seconds from
the command to the page, and how many of them went to installing
(creating .venv/ from the lock) and to the first build. The package
caches (pip's, uv's) are left as they are: warm after the first round,
as on CI. The design bar is 60 s on 2 cores.
"""

import argparse
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMPS = (".venv/.installed-site", ".venv/.installed")  # now, and before


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200 and b"<html" in response.read()
    except OSError:
        return False


def load():
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def one_round(ref, limit=900):
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(
            ["git", "clone", "-q", str(ROOT), str(clone)], check=True
        )
        subprocess.run(["git", "checkout", "-q", ref], cwd=clone, check=True)
        port = free_port()
        makefile = (clone / "Makefile").read_text(encoding="utf-8")
        if "ADDR" not in makefile:  # an older Makefile serves on 8000
            port = 8000
        url = f"http://127.0.0.1:{port}/"
        if answers(url):
            raise SystemExit(f"something else answers at {url}")
        start = time.perf_counter()
        make = subprocess.Popen(
            ["make", "serve", f"ADDR=127.0.0.1:{port}"],
            cwd=clone,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own group: stopped as one
        )
        installed = None
        try:
            while not answers(url):
                if installed is None and any(
                    (clone / s).exists() for s in STAMPS
                ):
                    installed = time.perf_counter() - start
                if make.poll() is not None:
                    raise SystemExit(f"make serve stopped ({make.returncode})")
                if time.perf_counter() - start > limit:
                    raise SystemExit("the home page never answered")
                time.sleep(0.1)
            total = time.perf_counter() - start
        finally:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(timeout=60)
    return total, installed or total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ref", default="HEAD")
    args = parser.parse_args()
    ref = subprocess.run(
        ["git", "rev-parse", "--short", args.ref],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"{os.cpu_count()} cores; {load()} at the start; clone of {ref}")
    rounds = []
    for n in range(args.rounds):
        total, installed = one_round(ref)
        rounds.append((total, installed))
        print(f"round {n + 1}: home page after {total:.1f} s "
              f"(installed after {installed:.1f} s; {load()})")  # fmt: skip
    total = statistics.median(t for t, _ in rounds)
    installed = statistics.median(i for _, i in rounds)
    print(f"first make serve on a fresh clone, median of {args.rounds}: "
          f"{total:.1f} s to the home page ({installed:.1f} s installing, "
          f"{total - installed:.1f} s building)")  # fmt: skip


if __name__ == "__main__":
    main()
