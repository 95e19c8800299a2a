// The theme builds some controls at run time without accessible names
// (found by axe-core in tests/test_browser.py). Name them as they appear:
// - the <nav> toolbar (copy button) on every code block: several identical
//   landmarks otherwise;
// - code annotations: the numbered markers (links) and their tooltips.
(function () {
  function name() {
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav, i) {
      nav.setAttribute("aria-label", "Code block " + (i + 1) + " tools");
    });
    document.querySelectorAll(".md-annotation").forEach(function (note) {
      var index = note.querySelector(".md-annotation__index");
      var id = note.querySelector("[data-md-annotation-id]");
      var number = id ? id.getAttribute("data-md-annotation-id") : "";
      var label = "Annotation " + number;
      if (index && !index.getAttribute("aria-label")) {
        index.setAttribute("aria-label", label);
      }
      var tip = note.querySelector("[role=tooltip]");
      if (tip && !tip.getAttribute("aria-label")) {
        tip.setAttribute("aria-label", label);
      }
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      requestAnimationFrame(function () { pending = false; name(); });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
