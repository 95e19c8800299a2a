"""The built site: nothing from other hosts, light pages, same bytes twice."""

import gzip
import html
import json
import posixpath
import re
import sys
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SNIPPETS, build, site_pages

sys.path.insert(0, str(ROOT / "hooks"))  # presentation.py's helpers

# (tag, attribute) pairs that make the browser fetch something
FETCHING = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
    ("use", "xlink:href"),
]
LINK_RELS = {
    "stylesheet", "icon", "preload", "modulepreload", "manifest",
    "prefetch", "preconnect", "dns-prefetch", "apple-touch-icon",
}  # fmt: skip
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")
PAGE_BUDGET = 400 * 1024  # DESIGN.md: a normal page transfers <= 400 KiB


def external(url: str) -> bool:
    url = url.strip()
    if url.startswith(("data:", "#", "blob:")):
        return False
    return bool(urlsplit(url).netloc) or url.startswith("//")


def fetched_urls(html: str):
    soup = BeautifulSoup(html, "html.parser")
    for tag, attr in FETCHING:
        for el in soup.find_all(tag):
            value = el.get(attr)
            if value and attr == "srcset":  # "url 2x, url 3x"
                for part in value.split(","):
                    yield f"<{tag} {attr}>", part.strip().split(" ")[0]
            elif value:
                yield f"<{tag} {attr}>", value.strip()
    for el in soup.find_all("link"):
        if LINK_RELS & set(el.get("rel", [])) and el.get("href"):
            yield f"<link rel={el['rel']}>", el["href"]
    for el in soup.find_all(style=True):
        for m in CSS_URL.finditer(el["style"]):
            yield "style=", m[1] or m[2]
    for el in soup.find_all("style"):
        for m in CSS_URL.finditer(el.get_text()):
            yield "<style>", m[1] or m[2]


def test_pages_fetch_nothing_from_other_hosts(built_site):
    bad = []
    for page in site_pages(built_site):
        for where, url in fetched_urls(page.read_text(encoding="utf-8")):
            if external(url):
                bad.append(f"{page.relative_to(built_site)}: {where} {url}")
    assert not bad, "\n".join(bad)


def test_stylesheets_fetch_nothing_from_other_hosts(built_site):
    bad = []
    for css in built_site.rglob("*.css"):
        for m in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            if external(m[1] or m[2]):
                bad.append(f"{css.relative_to(built_site)}: {m[1] or m[2]}")
    assert not bad, "\n".join(bad)


def test_the_external_check_catches_a_cdn_script():
    html = (
        '<script src="https://cdn.example.org/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.com/a.css">'
        '<img src="img/ok.png"><a href="https://example.org">prose</a>'
    )
    found = [u for _, u in fetched_urls(html) if external(u)]
    assert found == [
        "https://cdn.example.org/x.js",
        "//fonts.example.com/a.css",
    ]


def test_every_script_is_deferred(built_site):
    """No script may block the first paint: with the theme's bundle
    parser-blocking at the end of <body>, whether a phone saw the page
    before or after the bundle ran was a race (see overrides/main.html)."""
    blocking = []
    for page in [*site_pages(built_site), built_site / "404.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script", src=True):
            if not script.has_attr("defer"):
                blocking.append(f"{page.relative_to(built_site)}: {script}")
    assert not blocking, "\n".join(blocking[:10])
    pages = site_pages(built_site)
    srcs = {s["src"].rsplit("/", 1)[-1] for s in BeautifulSoup(
        pages[0].read_text(encoding="utf-8"), "html.parser"
    ).find_all("script", src=True)}  # fmt: skip
    assert {"a11y.js", "stepper.js"} <= srcs
    assert any(s.startswith("bundle.") for s in srcs), srcs


def gzipped(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def page_weight(site, page):
    """Bytes sent, gzip-compressed as any static host does, for the page,
    every local file it references, and what the search loads at start."""
    files = {page}
    for _, url in fetched_urls(page.read_text(encoding="utf-8")):
        if url.startswith("data:"):  # inline: already counted in the page
            continue
        path = (page.parent / urlsplit(url).path).resolve()
        if not external(url) and path.is_file():
            files.add(path)
    files |= set((site / "assets/javascripts/workers").glob("search*.js"))
    files.add(site / "search/search_index.json")
    return sum(gzipped(f) for f in files if f.is_file())


def test_pages_stay_within_the_weight_budget(built_site):
    heavy = {
        str(p.relative_to(built_site)): page_weight(built_site, p) // 1024
        for p in site_pages(built_site)
    }
    over = {p: kib for p, kib in heavy.items() if kib * 1024 > PAGE_BUDGET}
    assert not over, f"pages over {PAGE_BUDGET // 1024} KiB: {over}"


def pins(lock):
    """{name: requirement line} of a lock file (markers included)."""
    lines = (ROOT / lock).read_text().splitlines()
    return {
        line.split("==")[0] + line.partition(";")[2]: line
        for line in lines
        if "==" in line and not line.startswith(("#", " "))
    }


def test_the_test_lock_holds_every_pin_of_the_site_lock():
    """`make test` installs requirements-test.lock only: a package the site
    needs but the test lock lacks fails on a fresh machine (threadpoolctl
    did, once). Same name, same version."""
    site, test = pins("requirements.lock"), pins("requirements-test.lock")
    assert len(site) > 20
    missing = {k: v for k, v in site.items() if test.get(k) != v}
    assert not missing, "run `make lock`: " + ", ".join(missing.values())


def measured_pages(site):
    """URLs (as the search index names them) of pages that declare a
    measurement: an element with the class `measurement` around the output
    of a block that times something."""
    return {
        page.relative_to(site).as_posix().removesuffix("index.html")
        for page in site_pages(site)
        if 'class="measurement"' in page.read_text(encoding="utf-8")
    }


def without_measurements(path, measured):
    """A built file's bytes, with the declared measurements taken out: the
    measurement elements of a page, and the search-index text of the pages
    that have them. Everything else must be the same from build to build."""
    data = path.read_bytes()
    if path.suffix == ".html" and b'class="measurement"' in data:
        soup = BeautifulSoup(data, "html.parser")
        for el in soup.select(".measurement"):
            el.clear()
        return str(soup).encode()
    if path.name == "search_index.json":
        index = json.loads(data)
        for doc in index["docs"]:
            if doc["location"].split("#")[0] in measured:
                doc["text"] = ""
        return json.dumps(index, sort_keys=True).encode()
    return data


@pytest.mark.slow
def test_two_builds_are_byte_identical(built_site, tmp_path):
    again = tmp_path / "again"
    result = build(ROOT, again)
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(built_site) for p in built_site.rglob("*")}
    second = {p.relative_to(again) for p in again.rglob("*")}
    assert first == second
    measured = measured_pages(built_site)
    differ = [
        str(rel)
        for rel in sorted(first)
        if (built_site / rel).is_file()
        and without_measurements(built_site / rel, measured)
        != without_measurements(again / rel, measured)
    ]
    assert not differ, f"differ between two builds: {differ}"


def test_every_code_title_downloads_its_complete_snippet(built_site):
    links = 0
    for page in site_pages(built_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for title in soup.select("span.filename"):
            name = title.get_text()
            if not name.endswith(".py"):
                continue
            a = title.find("a")
            assert a is not None and a.has_attr("download"), f"{page}: {name}"
            served = (page.parent / a["href"]).resolve()
            original = (SNIPPETS / name).read_text(encoding="utf-8")
            shown = "".join(  # the file, less its section-marker lines
                line
                for line in original.splitlines(keepends=True)
                if not line.lstrip().startswith("# --8<-- [")
            )
            assert served.read_text(encoding="utf-8") == shown, a["href"]
            assert "--8<--" not in shown or name == "p2_interface.py", name
            links += 1
    assert links > 0


def test_every_excerpt_has_its_whole_file_linked_on_the_page(built_site):
    """The home page's promise: a block titled "name.py (a part)" shows
    an excerpt, and its page links the whole file for download."""
    excerpts = 0
    for page in site_pages(built_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        hrefs = {
            posixpath.basename(a["href"])
            for a in soup.find_all("a", href=True)
            if "/snippets/" in a["href"] or a["href"].startswith("snippets/")
        }
        for title in soup.select("span.filename"):
            name, paren, _ = title.get_text().partition(" (")
            if paren and name.endswith(".py") and title.find("a") is None:
                excerpts += 1
                assert name in hrefs, f"{page}: {name} is not linked"
    assert excerpts > 10


def test_every_page_has_a_description_and_social_tags(built_site):
    missing = []
    for page in site_pages(built_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for selector in (
            'meta[name="description"]',
            'meta[property="og:title"]',
            'meta[property="og:description"]',
            'meta[name="twitter:card"]',
        ):
            tag = soup.select_one(selector)
            if not (tag and tag.get("content", "").strip()):
                missing.append(f"{page.relative_to(built_site)}: {selector}")
    assert not missing, "\n".join(missing)


def test_sitemap_lists_every_page_and_404_is_custom(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for page in site_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        if rel.startswith("snippets/"):
            continue
        assert rel.removesuffix("index.html") in sitemap, rel
    assert "Not in the working" in (built_site / "404.html").read_text()


# ---- navigation, figures, outputs (hooks/presentation.py, overrides/) -----


def built_page(site, md):
    """The built HTML of docs/<md>."""
    rel = md.relative_to(ROOT / "docs").with_suffix("").as_posix()
    rel = rel.removesuffix("index").rstrip("/")
    return site / rel / "index.html" if rel else site / "index.html"


def test_every_page_has_its_own_title(built_site):
    """Two pages called "Train a network from scratch" was one too many;
    four called "Exercises" say which part they belong to."""
    titles = {}
    for page in site_pages(built_site):
        if "snippets" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        titles.setdefault(soup.title.get_text(), []).append(
            str(page.relative_to(built_site))
        )
    twice = {t: p for t, p in titles.items() if len(p) > 1}
    assert not twice, twice


def test_every_nav_section_has_an_overview_page(built_site):
    """A section without a page of its own showed a grey, disabled-looking
    label; each now opens on an overview."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader)["nav"]
    for entry in nav:
        (name, section), = entry.items()  # fmt: skip
        if isinstance(section, list):
            first = section[0]
            assert isinstance(first, str) and first.endswith("index.md"), name


def test_every_figure_is_numbered_captioned_and_sized_for_a_phone(
    built_site,
):
    """Each figure: a caption from its title with "Figure P.k" (k counting
    through part P in the order of the navigation) or "Figure k", an id
    to link to, and a min-width that keeps its smallest text at 11 px."""
    import show
    from presentation import class_sizes, smallest_font

    sizes = class_sizes(show.FIGURE_CSS)
    seen = {}  # part -> numbers in nav order
    pages = [p for p in nav_pages() if built_page(built_site, p).is_file()]
    figures = 0
    for md in pages:
        soup = BeautifulSoup(
            built_page(built_site, md).read_text(encoding="utf-8"),
            "html.parser",
        )
        part = re.match(r"part-(\d)", md.relative_to(ROOT / "docs").as_posix())
        on_page = 0
        for svg in soup.select("svg.bp-figure, svg.bp-plot"):
            view = float((svg.get("viewBox") or svg["viewbox"]).split()[2])
            texts = "".join(str(t) for t in svg.find_all("text"))
            width = float(re.search(r"min-width:(\d+)px", svg["style"])[1])
            font = smallest_font(str(svg.attrs), texts, sizes)
            assert font * width / view >= 11 - 1e-9, (md, svg["style"])
            if svg.find_parent(class_="p1-stepper-figure"):
                continue  # the stepper captions itself
            figures += 1
            on_page += 1
            fig = svg.find_parent(class_="bp-fig")
            assert fig and fig.get("id", "").startswith("fig-"), md
            number = fig.select_one(".bp-fig-num").get_text()
            caption = fig.select_one(".bp-caption").get_text()
            assert svg.title.get_text().strip() in caption, (md, caption)
            if part:
                seen.setdefault(part[1], []).append(number)
            else:
                assert number == f"Figure {on_page}", (md, number)
    assert figures > 30
    for part, numbers in seen.items():
        expected = [f"Figure {part}.{k}" for k in range(1, len(numbers) + 1)]
        assert numbers == expected, numbers


def nav_pages():
    """docs/ Markdown files in the order of the navigation."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader)["nav"]

    def walk(items):
        for item in items:
            value = (
                item if isinstance(item, str) else next(iter(item.values()))
            )
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield ROOT / "docs" / value

    return [p for p in walk(nav) if p.suffix == ".md"]


def test_every_printed_output_is_labelled_output(built_site):
    """A block that prints text shows it under the code, labelled: as many
    `bp-output` boxes on a page as blocks with result="text" shown above
    their code, and none carries a file name."""
    fence = re.compile(
        r'^\s*```python(?=[^\n]*exec="1")(?=[^\n]*source="above")'
        r'(?=[^\n]*result="text")',
        re.MULTILINE,
    )
    total = 0
    for md in sorted((ROOT / "docs").rglob("*.md")):
        expected = len(fence.findall(md.read_text(encoding="utf-8")))
        soup = BeautifulSoup(
            built_page(built_site, md).read_text(encoding="utf-8"),
            "html.parser",
        )
        outputs = soup.select("div.highlight.bp-output")
        assert len(outputs) == expected, md
        assert not [o for o in outputs if o.select_one(".filename")], md
        total += expected
    assert total > 50


def test_a_link_to_a_figure_gets_its_number():
    from types import SimpleNamespace

    import presentation

    presentation._numbers.clear()
    presentation._counts.clear()
    presentation._numbers.update({
        ("part-1/chain-rule/", "fig-tl"): "1.3",
        ("part-1/gate-patterns/", "fig-gate-add"): "1.7",
    })  # fmt: skip
    presentation._counts["part-1/chain-rule/"] = ["fig-tl"]
    page = SimpleNamespace(
        url="part-1/chain-rule/",
        content=(
            '<a href="#fig-tl">Figure</a> and '
            '<a href="../gate-patterns/#fig-gate-add">Figure</a>, not '
            '<a href="#fig-tl">the figure</a>; <span class="bp-fig-num">'
            f"Figure {presentation.NUMBER_SLOT}</span>"
        ),
    )
    presentation.on_page_context({}, page, None, None)
    assert page.content == (
        '<a href="#fig-tl">Figure 1.3</a> and '
        '<a href="../gate-patterns/#fig-gate-add">Figure 1.7</a>, not '
        '<a href="#fig-tl">the figure</a>; <span class="bp-fig-num">'
        "Figure 1.3</span>"
    )


def test_search_sees_numbered_figures(built_site):
    """Figure numbers are filled in before the search plugin reads a page."""
    index = (built_site / "search/search_index.json").read_text()
    assert "\\u0000" not in index
    assert "see Figure 3.2" in index and "Figure 1.2" in index


def test_code_loses_plain_spans_but_not_a_character(built_site):
    """hooks/presentation.py drops the <span>s of names, operators,
    punctuation and whitespace: every block on a code-heavy page still
    reads as its file does (a part of it, or all of it), character for
    character, and the stylesheet draws operators and punctuation in the
    code's own colour, as the dropped spans now are."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from uses import published

    page = built_site / "part-4/what-a-gradient-costs/index.html"
    source = page.read_text(encoding="utf-8")
    assert not re.search(r'<span class="[nwop]">', source)
    blocks = re.findall(
        r'<div class="highlight"><span class="filename">(.*?)</span>'
        r".*?<code>(.*?)</code>", source, re.DOTALL)  # fmt: skip
    whole = 0
    for title, code in blocks:
        name = re.sub(r"<[^>]+>", "", title).strip()
        shown = html.unescape(re.sub(r"<[^>]+>", "", code)).strip()
        full = published(ROOT / "snippets" / name).decode().strip()
        assert shown in full, name
        whole += shown == full
    assert len(blocks) >= 5 and whole >= 5, (len(blocks), whole)
    css = (ROOT / "docs/stylesheets/extra.css").read_text()
    for token in ("operator", "punctuation"):
        rules = re.findall(rf"--md-code-hl-{token}-color: ([^;]+);", css)
        assert rules and set(rules) == {"var(--md-code-fg-color)"}, rules


def test_search_keeps_prose_and_short_code_but_not_whole_modules(built_site):
    """A block of more than 12 lines stays out of the index (its title,
    the file's name, stays in); shorter blocks and every page's prose are
    searchable. Hand-checked anchors: graphs.py's docstring (a long
    block), the name graphs.py, and a one-line output on the chain-rule
    page."""
    docs = json.loads((built_site / "search/search_index.json").read_text())
    text = "\n".join(d["text"] for d in docs["docs"])
    blocks = re.findall(r"<pre>(.*?)</pre>", text, re.DOTALL)
    assert blocks and max(b.count("\n") for b in blocks) <= 12
    assert "Computational graphs as SVG" not in text
    assert "graphs.py" in text
    assert "backward: dy/dx = 2x · cos(x²) = 0.313017" in text  # an output
    pages = {d["location"].split("#")[0] for d in docs["docs"]}
    built = {
        p.relative_to(built_site).as_posix().removesuffix("index.html")
        for p in site_pages(built_site)
    }
    assert built - {"404.html"} <= pages


def test_every_code_block_is_built_with_its_copy_button(built_site):
    """hooks/code_blocks.py: no <code> in a page's article is a direct child
    of <pre> (the theme would redo each at start-up, laying the page out
    once per block), and each block has one copy button whose target is
    that block's own code, in a named toolbar."""
    blocks = 0
    for page in site_pages(built_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.find("article")
        if article is None:
            continue
        assert not article.select("pre > code"), page
        names = set()
        for pre in article.select("pre:has(code)"):
            blocks += 1
            (button,) = pre.select("nav.md-code__nav > button")
            assert button["data-md-type"] == "copy"
            assert button["title"] == "Copy to clipboard"
            assert soup.select_one(button["data-clipboard-target"]) is (
                pre.select_one(".bp-code > code")
            ), (page, pre.get("id"))
            names.add(pre.select_one("nav")["aria-label"])
        assert len(names) == len(article.select("pre:has(code)")), page
    assert blocks > 400
