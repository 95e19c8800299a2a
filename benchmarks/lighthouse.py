"""Lighthouse 12 (mobile preset) on the built site, median of several runs.

    npm ci                      # installs lighthouse 12.2.3 (package.json)
    .venv/bin/mkdocs build      # or `make build`
    .venv/bin/python benchmarks/lighthouse.py [SITE_DIR] [RUNS]

Serves the site with gzip (tests/static_server.py, like a static host) and
runs Lighthouse with the system Chromium on the home page, the first page of
each part and each notebook page. Prints the median score per category.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
CHROMIUM = os.environ.get("BP_CHROMIUM") or shutil.which("chromium")
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update "
    "--disable-sync"
)
BARS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0,
        "seo": 1.0}  # fmt: skip


def available():
    return LIGHTHOUSE.exists() and CHROMIUM is not None


def pages(site: Path):
    """Home, the first page of every nav section, and every notebook."""
    import yaml

    class Loader(yaml.SafeLoader):  # mkdocs.yml uses !ENV for site_url
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader)["nav"]
    chosen = ["index.md"]
    for entry in nav:
        (section,) = entry.values()
        if isinstance(section, list):
            first = section[0]
            chosen.append(first if isinstance(first, str) else
                          next(iter(first.values())))  # fmt: skip
    notebooks = sorted((ROOT / "docs/notebooks").glob("*.py"))
    chosen += [p.relative_to(ROOT / "docs").as_posix() for p in notebooks]
    urls = []
    for md in chosen:
        stem = md.rsplit(".", 1)[0]
        urls.append("" if stem == "index" else
                    stem.removesuffix("/index") + "/")  # fmt: skip
    return [
        u for u in dict.fromkeys(urls) if (site / u / "index.html").exists()
    ]


def run_once(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--chrome-flags={FLAGS}",
                "--form-factor=mobile",
            ],  # fmt: skip
            env=dict(os.environ, CHROME_PATH=CHROMIUM),
            check=True,
            capture_output=True,
            timeout=180,
        )
        report = json.loads(out.read_text())
    scores = {k: c["score"] for k, c in report["categories"].items()}
    failing = sorted(
        f"{k}={a['score']}"
        for k, a in report["audits"].items()
        if a.get("score") is not None
        and a["score"] < 1
        and a.get("scoreDisplayMode") == "binary"
    )
    return {"scores": scores, "failing": failing}


def median_scores(url: str, runs: int = 3, earlier=()) -> dict:
    """Median score per category over `runs` new runs plus `earlier` ones."""
    results = list(earlier) + [run_once(url) for _ in range(runs)]
    scores = {
        k: statistics.median(r["scores"][k] for r in results) for k in BARS
    }
    failing = sorted({f for r in results for f in r["failing"]})
    return {"scores": scores, "failing": failing, "runs": results}


def main():
    sys.path.insert(0, str(ROOT / "tests"))
    from static_server import serve

    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if not available():
        sys.exit("needs `npm ci` (lighthouse) and Chromium")
    httpd, base = serve(site)
    print(f"Lighthouse 12 mobile, median of {runs} runs")
    for rel in pages(site):
        result = median_scores(base + rel, runs)
        s = result["scores"]
        print(f"/{rel:<40} " + " ".join(f"{k} {round(v * 100)}"
                                         for k, v in s.items()))  # fmt: skip
    httpd.shutdown()


if __name__ == "__main__":
    main()
