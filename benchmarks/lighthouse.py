"""Lighthouse 12 (mobile preset) on the built site, median of several runs.

    npm ci                      # installs lighthouse 12.2.3 (package.json)
    .venv/bin/mkdocs build      # or `make build`
    .venv/bin/python benchmarks/lighthouse.py [SITE] [RUNS] [--all]
        [--before OTHER_SITE]

Serves the site with gzip (tests/static_server.py, like a static host) and
runs Lighthouse with the system Chromium on the pages the test checks: the
home page, the first page of each section, each notebook, and the heaviest
pages (most elements, most bytes) - or with --all on every page. Prints
the median score per category and the page's weight (gzip, as in
tests/test_site.py: the page, what it loads, and the search index).

--before OTHER_SITE runs the same pages of another build in the same
rounds, interleaved (before, after, before, after, ...), so both see the
same machine load, and prints both.
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
HEAVIEST = 6  # pages with the most elements, and with the most bytes


def available():
    return LIGHTHOUSE.exists() and CHROMIUM is not None


def _url(site, html):
    rel = html.relative_to(site).as_posix()
    return rel.removesuffix("index.html")


def every_page(site: Path):
    """Every page of the site, as URLs relative to its root."""
    return sorted(
        _url(site, p)
        for p in site.rglob("index.html")
        if "snippets" not in p.relative_to(site).parts
    )


def heaviest(site: Path, n=HEAVIEST):
    """The n pages with the most HTML elements and the n with the most
    bytes: what costs a phone style, layout and download time."""
    import re

    sizes = {}
    for rel in every_page(site):
        html = (site / rel / "index.html").read_text(encoding="utf-8")
        sizes[rel] = (len(re.findall(r"<[a-zA-Z]", html)), len(html))
    by_elements = sorted(sizes, key=lambda r: -sizes[r][0])[:n]
    by_bytes = sorted(sizes, key=lambda r: -sizes[r][1])[:n]
    return list(dict.fromkeys(by_elements + by_bytes))


def pages(site: Path):
    """Home, the first page of every nav section, every notebook, and the
    heaviest pages."""
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
    urls += heaviest(site)
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
    metrics = {
        k: report["audits"][k]["numericValue"]
        for k in ("total-blocking-time", "largest-contentful-paint")
    }
    return {"scores": scores, "failing": failing, "metrics": metrics}


def median_scores(url: str, runs: int = 3, earlier=()) -> dict:
    """Median score per category over `runs` new runs plus `earlier` ones."""
    results = list(earlier) + [run_once(url) for _ in range(runs)]
    return summary(results)


def summary(results):
    scores = {
        k: statistics.median(r["scores"][k] for r in results) for k in BARS
    }
    metrics = {
        k: statistics.median(r["metrics"][k] for r in results)
        for k in results[0]["metrics"]
    }
    failing = sorted({f for r in results for f in r["failing"]})
    return {
        "scores": scores,
        "metrics": metrics,
        "failing": failing,
        "runs": results,
    }


def weight_kib(site: Path, rel: str) -> int:
    """Gzip KiB a page costs (tests/test_site.py's page_weight)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_site import page_weight

    return page_weight(site, site / rel / "index.html") // 1024


def line(rel, result, kib):
    s, m = result["scores"], result["metrics"]
    return (
        f"/{rel:<42} "
        + " ".join(f"{round(s[k] * 100):3}" for k in BARS)
        + f"  TBT {m['total-blocking-time']:5.0f} ms"
        + f"  LCP {m['largest-contentful-paint'] / 1000:4.1f} s"
        + f"  {kib:4} KiB"
    )


def main():
    import argparse

    sys.path.insert(0, str(ROOT / "tests"))
    from static_server import serve

    cli = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    cli.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    cli.add_argument("runs", nargs="?", type=int, default=3)
    cli.add_argument("--all", action="store_true", help="every page")
    cli.add_argument("--before", type=Path, help="another build, interleaved")
    args = cli.parse_args()
    if not available():
        sys.exit("needs `npm ci` (lighthouse) and Chromium")
    chosen = every_page(args.site) if args.all else pages(args.site)
    sites = {"after": args.site}
    if args.before:
        sites = {"before": args.before, "after": args.site}
    servers = {name: serve(path) for name, path in sites.items()}
    print(f"Lighthouse 12 mobile, median of {args.runs} runs; columns: "
          f"{', '.join(BARS)}; median TBT and LCP; gzip weight")  # fmt: skip
    for rel in chosen:
        results = {name: [] for name in sites}
        for _ in range(args.runs):  # interleaved: the builds share the load
            for name, (_, base) in servers.items():
                if (sites[name] / rel / "index.html").exists():
                    results[name].append(run_once(base + rel))
        for name, found in results.items():
            if found:
                tag = f"{name:6} " if args.before else ""
                kib = weight_kib(sites[name], rel)
                print(tag + line(rel, summary(found), kib), flush=True)
    for httpd, _ in servers.values():
        httpd.shutdown()


if __name__ == "__main__":
    main()
