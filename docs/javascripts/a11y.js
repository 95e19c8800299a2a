// The theme builds the <nav> toolbar (copy button) of every code block at
// run time without an accessible name: several identical landmarks, says
// axe-core in tests/test_browser.py. Name each as it appears.
// Attributes are only written when they change: a write invalidates style,
// and on a long page that costs a throttled phone tens of milliseconds.
(function () {
  function set(element, attribute, value) {
    if (element.getAttribute(attribute) !== value) {
      element.setAttribute(attribute, value);
    }
  }
  function name() {
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav, i) {
      set(nav, "aria-label", "Code block " + (i + 1) + " tools");
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

// A table wider than the screen scrolls inside the wrapper the theme adds
// at run time (.md-typeset__scrollwrap). A keyboard user can only scroll
// it if it can take focus (axe: scrollable-region-focusable), and a focus
// stop needs a name: "Table", or the table's first header cells.
(function () {
  function label(wrap) {
    var cells = wrap.querySelectorAll("thead th");
    var names = Array.prototype.slice.call(cells, 0, 3).map(function (th) {
      return th.textContent.trim();
    });
    return "Table" + (names.length ? ": " + names.join(", ") : "");
  }
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (w) {
      if (w.scrollWidth > w.clientWidth + 1) {
        if (w.getAttribute("tabindex") !== "0") {  // a write costs a restyle
          w.setAttribute("tabindex", "0");
          w.setAttribute("role", "region");
          w.setAttribute("aria-label", label(w));
        }
      } else if (w.getAttribute("tabindex") === "0") {
        w.removeAttribute("tabindex");
        w.removeAttribute("role");
        w.removeAttribute("aria-label");
      }
    });
  }
  var pending = false;
  function soon() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(function () { pending = false; mark(); });
    }
  }
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      if (records[i].type === "childList") { soon(); return; }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("resize", soon);
})();
