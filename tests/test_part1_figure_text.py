"""Text inside the diagrams stays inside its shape, measured in Chromium
with the page's real fonts: an operation's name inside its circle or pill,
a node's numbers inside its box, an arrow's label clear of the boxes, and
no text on a wire over a box or over another such text. Covers every page
that draws with graphs.py or diagrams.py, Part 2's included."""

import pytest
from test_browser import browser, server, watched  # noqa: F401

pytestmark = pytest.mark.browser
PAGES = [
    "",
    "intuition/two-line-picture/",
    "part-1/chain-rule/",
    "part-1/computational-graphs/",
    "part-1/step-through-it/",
    "part-1/gate-patterns/",
    "part-1/staged-computation/",
    "part-1/network-by-hand/",
    "part-2/backward-loop/",
    "part-2/drawing-the-graph/",
]

# every text that does not fit, as "figure title: what", measured in SVG
# user units (getBBox), so the figure's scale on the page does not matter
MISFITS = r"""() => {
  // measure every figure: open collapsed blocks, show every tab's content
  document.querySelectorAll("details").forEach(d => { d.open = true; });
  const css = document.createElement("style");
  css.textContent = ".tabbed-set > .tabbed-content > .tabbed-block" +
    " { display: block !important; }";
  document.head.appendChild(css);
  const bad = [];
  const box = e => e.getBBox();
  const inside = (a, b, m = 0) => a.x >= b.x - m && a.y >= b.y - m &&
    a.x + a.width <= b.x + b.width + m && a.y + a.height <= b.y + b.height + m;
  const meets = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width &&
    a.y < b.y + b.height && b.y < a.y + a.height;
  // a point inside a rounded rectangle or a circle (rx = the end radius)
  const inRound = (px, py, s) => {
    let x, y, w, h, r;
    if (s.tagName === "circle") {
      r = s.r.baseVal.value;
      x = s.cx.baseVal.value - r; y = s.cy.baseVal.value - r;
      w = h = 2 * r;
    } else {
      x = s.x.baseVal.value; y = s.y.baseVal.value;
      w = s.width.baseVal.value; h = s.height.baseVal.value;
      r = Math.min(s.rx.baseVal.value, w / 2, h / 2);
    }
    const cx = Math.min(Math.max(px, x + r), x + w - r);
    const cy = Math.min(Math.max(py, y + r), y + h - r);
    return Math.hypot(px - cx, py - cy) <= r + 0.5;
  };
  for (const svg of document.querySelectorAll("svg.bp-figure")) {
    const name = svg.querySelector("title").textContent;
    const rects = [...svg.querySelectorAll(
      "rect.bp-box, rect.bp-fwd, rect.bp-bwd")];
    for (const t of svg.querySelectorAll(".bp-op-text")) {
      const b = box(t), shape = t.previousElementSibling;
      const corners = [[b.x, b.y], [b.x + b.width, b.y],
        [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]];
      // the glyphs' box, less the font's leading above and below
      const ok = corners.every(([x, y]) =>
        inRound(x, y + (y > b.y ? -0.2 : 0.2) * b.height, shape));
      if (!ok) bad.push(`${name}: op "${t.textContent}" spills`);
    }
    for (const g of svg.querySelectorAll("g.bp-node")) {
      const r = box(g.querySelector("rect.bp-box"));
      for (const t of g.querySelectorAll("text:not(.bp-op-text)")) {
        if (!inside(box(t), r, -2)) {
          bad.push(`${name}: "${t.textContent}" leaves its box`);
        }
      }
    }
    const wireTexts = [...svg.querySelectorAll(".bp-label, .bp-carry")];
    for (const w of wireTexts) {
      const b = box(w);
      if (rects.some(r => meets(b, box(r)))) {
        bad.push(`${name}: "${w.textContent}" covers a box`);
      }
      for (const v of wireTexts) {
        if (v !== w && meets(b, box(v))) {
          bad.push(`${name}: "${w.textContent}" covers "${v.textContent}"`);
        }
      }
    }
    for (const t of svg.querySelectorAll("text.bp-op:not(.bp-op-text)")) {
      const b = box(t);  // an arrow's label in the two-line picture,
      const room = {x: b.x - 6, y: b.y, width: b.width + 12,
                    height: b.height};  // with room on both sides
      if (rects.some(r => meets(room, box(r)))) {
        bad.push(`${name}: label "${t.textContent}" crowds a box`);
      }
    }
  }
  return bad;
}"""


def test_text_stays_inside_its_shape(server, watched):  # noqa: F811
    page, bad = watched.page, []
    for rel in PAGES:
        page.goto(server + rel, wait_until="networkidle")
        bad += [f"{rel or 'home'}: {m}" for m in page.evaluate(MISFITS)]
    assert not bad, "\n".join(bad)
    assert not watched.problems, "\n".join(watched.problems)
