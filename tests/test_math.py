"""The math hook: TeX becomes labelled SVG; bad TeX is reported."""

import importlib.util
import logging

from conftest import ROOT

spec = importlib.util.spec_from_file_location(
    "math_hook", ROOT / "hooks/math.py"
)
math_hook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(math_hook)


def test_inline_and_display_math_become_labelled_svg():
    html = (
        '<p><span class="arithmatex">\\(x^2 &lt; y\\)</span></p>'
        '<div class="arithmatex">\\[\\frac{a}{b}\\]</div>'
    )
    out = math_hook.render_page_math(html)
    assert "arithmatex" not in out
    assert out.count("<svg") == 2
    assert 'aria-label="x^2 &lt; y"' in out  # labelled with the TeX source
    assert 'class="math math-display"' in out
    assert "MJX-" not in out  # glyph ids renumbered per page
    assert 'id="mjx1-' in out and 'id="mjx2-' in out


def test_bad_tex_is_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        math_hook.render_page_math(
            '<span class="arithmatex">\\(\\frac{a\\)</span>', "page.md"
        )
    assert "page.md" in caplog.text and "frac" in caplog.text
