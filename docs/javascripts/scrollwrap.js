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
        w.setAttribute("tabindex", "0");
        w.setAttribute("role", "region");
        w.setAttribute("aria-label", label(w));
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
