"""The math hook: TeX becomes one labelled SVG path per formula, drawn as
MathJax draws it; bad TeX is reported; search keeps a plain-text form."""

import html
import importlib.util
import logging
import os
import re
import shutil

import pytest
from conftest import ROOT, site_pages

spec = importlib.util.spec_from_file_location(
    "math_hook", ROOT / "hooks/math.py"
)
math_hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(math_hook)


def test_inline_and_display_math_become_labelled_svg():
    html_in = (
        '<p><span class="arithmatex">\\(x^2 &lt; y\\)</span></p>'
        '<div class="arithmatex">\\[\\frac{a}{b}\\]</div>'
    )
    out = math_hook.render_page_math(html_in)
    assert "arithmatex" not in out
    assert out.count("<svg") == 2
    assert 'aria-label="x^2 &lt; y"' in out  # labelled with the TeX source
    assert 'class="math math-display"' in out
    assert "MJX-" not in out


def test_a_formula_is_one_path_in_em():
    """Two elements a formula (MathJax: ~24): glyphs and bars baked into
    one path; sized in em of the text, not in MathJax's ex."""
    tex = r"\frac{\partial L}{\partial W} = \sqrt{x_1^2} + \hat{y}"
    mathjax = math_hook._mathjax(tex, True)
    assert mathjax.count("<use") > 5 and "<rect" in mathjax
    svg = math_hook.flatten(mathjax)
    assert svg.count("<") - svg.count("</") == 2  # <svg> and <path/>
    assert re.search(r'width="[\d.]+em" height="[\d.]+em"', svg)
    view = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+)', svg)[1]
    width = float(re.search(r'width="([\d.]+)em"', svg)[1])
    assert width == pytest.approx(float(view) / 1000 * math_hook.SCALE, 1e-3)

    # a glyph drawn twice is the same text twice (relative coordinates)
    twice = math_hook.flatten(math_hook._mathjax(r"\partial a + \partial b",
                                                 False))  # fmt: skip
    d = re.search(r' d="([^"]+)"', twice)[1]
    contours = re.split(r"[Mm]-?\d+[ -]?\d+", d)
    assert any(len(c) > 50 and contours.count(c) == 2 for c in contours)


def test_flatten_refuses_what_it_cannot_bake():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<g transform="rotate(30)"><rect width="1" height="1"/></g></svg>'
    )
    with pytest.raises(math_hook.Unsupported):
        math_hook.flatten(svg)
    text = svg.replace('<rect width="1" height="1"/>', "<text>x</text>")
    with pytest.raises(math_hook.Unsupported):
        math_hook.flatten(text.replace("rotate(30)", "translate(1,1)"))


def test_bad_tex_is_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        math_hook.render_page_math(
            '<span class="arithmatex">\\(\\frac{a\\)</span>', "page.md"
        )
    assert "page.md" in caplog.text and "frac" in caplog.text


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        (r"\frac{\partial L}{\partial W} = X^\top dY", "∂L/∂W = Xᵀ dY"),
        (r"p - \mathrm{onehot}(y)", "p - onehot(y)"),
        (r"\sigma(c)(1-\sigma(c))", "σ(c)(1-σ(c))"),
        (r"\hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \varepsilon}}",
         "x̂ᵢ = (xᵢ - μ)/(√(σ² + ε))"),
        (r"\underbrace{(o_1 - t_1)}_{\partial E/\partial o_1} \cdot h_1",
         "(o₁ - t₁) · h₁"),
        (r"W^{(l)} \in \mathbb{R}^{N \times D}", "W^(l) ∈ ℝ^(N × D)"),
        (r"\sum_{i} x_i", "Σᵢ xᵢ"),
        (r"\max(0, x)", "max(0, x)"),
    ],
)  # fmt: skip
def test_plain_text_of_a_formula(tex, text):
    assert math_hook.tex_text(tex) == text


def test_search_keeps_the_formulas_and_the_page_does_not_show_them(
    built_site,
):
    """Material's search index reads each formula's plain text ("is simply
    p - onehot(y), divided by N"); the page carries only the SVG."""
    import json

    index = json.loads((built_site / "search/search_index.json").read_text())
    texts = " ".join(doc["text"] for doc in index["docs"])
    assert "simply p - onehot(y), divided by N for" in re.sub(
        r"\s+", " ", texts
    )
    for page in site_pages(built_site):
        assert "bp-math-search" not in page.read_text(encoding="utf-8")


# ---- drawn as MathJax draws it ---------------------------------------------

CHROMIUM = os.environ.get("BP_CHROMIUM") or shutil.which("chromium")

RASTER = """async (pairs) => {
  const out = [];
  for (const [name, a, b, box] of pairs) {
    const [, , w, h] = box.split(' ').map(Number);
    const s = 0.05;  // 50 px to the em: larger than any page shows it
    const W = Math.ceil(w * s) + 2, H = Math.ceil(h * s) + 2;
    const alpha = [];
    for (const svg of [a, b]) {
      const sized = svg.replace(/width="[^"]*"/, `width="${w * s}"`)
                       .replace(/height="[^"]*"/, `height="${h * s}"`);
      const img = new Image();
      img.src = 'data:image/svg+xml;charset=utf-8,'
        + encodeURIComponent(sized);
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = W; canvas.height = H;
      const g = canvas.getContext('2d');
      g.drawImage(img, 0, 0);
      alpha.push(g.getImageData(0, 0, W, H).data);
    }
    let ink = 0, off = 0;
    for (let i = 3; i < alpha[0].length; i += 4) {
      if (alpha[0][i] > 0 || alpha[1][i] > 0) ink++;
      if (Math.abs(alpha[0][i] - alpha[1][i]) > 96) off++;
    }
    out.push([name, ink, off]);
  }
  return out;
}"""


@pytest.mark.browser
def test_every_formula_of_the_site_draws_as_mathjax_draws_it(built_site):
    """Each distinct formula on the site, rasterised at 50 px to the em as
    MathJax drew it and as the page has it (without the page's extra
    stroke weight): at most 0.5 % of the inked pixels differ."""
    if not CHROMIUM:
        pytest.skip("no Chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    formulas = set()
    found = re.compile(
        r'<(?:div|span) class="math (math-display|math-inline)"[^>]*>'
        r'<svg[^>]*aria-label="([^"]*)"'
    )
    for page in site_pages(built_site):
        for m in found.finditer(page.read_text(encoding="utf-8")):
            formulas.add((html.unescape(m[2]), m[1] == "math-display"))
    pairs, kept = [], []
    for tex, display in sorted(formulas):
        drawn = math_hook._mathjax(tex, display)
        try:
            ours = math_hook.flatten(drawn)
        except math_hook.Unsupported:
            kept.append(tex)
            continue
        ours = ours.replace(
            f'stroke-width="{math_hook.WEIGHT}"', 'stroke-width="0"'
        )
        ours = ours.replace(
            "<svg ", '<svg xmlns="http://www.w3.org/2000/svg" '
        )
        box = re.search(r'viewBox="([^"]*)"', drawn)[1]
        pairs.append([tex, drawn, ours, box])
    assert len(pairs) > 300 and len(kept) < 0.02 * len(formulas), kept
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox"]
        )
        page = browser.new_page()
        page.set_content("<!doctype html><title>math</title>")
        results = page.evaluate(RASTER, pairs)
        browser.close()
    bad = [
        f"{off}/{ink} pixels differ: {tex!r}"
        for tex, ink, off in results
        if off > 0.005 * ink
    ]
    assert not bad, "\n".join(bad[:20])
