"""The notation page's d2l column: d2l's section on forward and backward
propagation (5.3) uses a network without bias terms, so it has no bias
gradient to name (issue 12, item 11)."""

from conftest import DOCS


def test_d2l_column_names_no_bias_gradient():
    text = (DOCS / "reference" / "notation.md").read_text(encoding="utf-8")
    row = next(
        ln for ln in text.splitlines() if ln.startswith("| … for a bias")
    )
    d2l = row.strip("|").split("|")[-1]
    assert "\\mathbf{b}" not in d2l and "no bias" in d2l
