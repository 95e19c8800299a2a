// What the theme leaves out, added at run time (the page's HTML is fixed at
// build time; the theme replaces the content on instant navigation, so
// each part watches the document for new content).
// Attributes are only written when they change: a write invalidates style,
// and on a long page that costs a throttled phone tens of milliseconds.
(function () {
  function set(element, attribute, value) {
    if (value === null) {
      if (element.hasAttribute(attribute)) element.removeAttribute(attribute);
    } else if (element.getAttribute(attribute) !== value) {
      element.setAttribute(attribute, value);
    }
  }

  // A code block's <nav> toolbar (copy button) needs a name: several
  // identical landmarks, says axe-core in tests/test_browser.py.
  // hooks/code_blocks.py names the ones it builds; this names any the
  // theme makes at run time.
  function nameToolbars() {
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav, i) {
      set(nav, "aria-label", "Code block " + (i + 1) + " tools");
    });
  }

  // Boxes that scroll sideways when their content is wider than the
  // screen: figures kept at a readable size (hooks/presentation.py), the
  // stepper's graph, wide tables (in the wrapper the theme adds), display
  // formulas (hooks/math.py) and code blocks (hooks/code_blocks.py builds
  // them; the theme would make one focusable). One that overflows
  // - can take focus, so a keyboard scrolls it (axe:
  //   scrollable-region-focusable), named after what it holds;
  // - says where it is scrolled in data-scroll (start, middle, end): the
  //   stylesheet fades the side with more to see, the cue on a phone.
  var BOXES = ".bp-scroll, .p1-stepper-figure, .md-typeset__scrollwrap, " +
    ".math-display, .bp-code > code";
  function label(box) {
    var fig = box.closest(".bp-fig");
    if (fig) {
      var caption = fig.querySelector(".bp-caption");
      return (caption ? caption.textContent.trim() : "Figure") +
        " (scrolls sideways)";
    }
    if (box.classList.contains("math-display")) {  // named by its TeX
      var svg = box.querySelector("svg[aria-label]");
      return "Formula" + (svg ? ": " + svg.getAttribute("aria-label") : "") +
        " (scrolls sideways)";
    }
    if (box.parentElement.classList.contains("bp-code")) {  // "bp-code-7"
      var block = box.closest(".highlight");
      var file = block && block.querySelector(".filename");
      return "Code block " + box.closest("pre").id.split("-").pop() +
        (file ? ": " + file.textContent.trim() : "") + " (scrolls sideways)";
    }
    var cells = box.querySelectorAll("thead th");
    var names = Array.prototype.slice.call(cells, 0, 3).map(function (th) {
      return th.textContent.trim();
    });
    if (box.classList.contains("md-typeset__scrollwrap")) {
      return "Table" + (names.length ? ": " + names.join(", ") : "");
    }
    return "Graph (scrolls sideways)";
  }
  function position(box) {
    var room = box.scrollWidth - box.clientWidth;
    if (room <= 1) return null;
    if (box.scrollLeft <= 1) return "start";
    if (box.scrollLeft >= room - 1) return "end";
    return "middle";
  }
  function mark(box, at) {  // at: position(box), read beforehand
    set(box, "data-scroll", at);
    set(box, "tabindex", at ? "0" : null);
    set(box, "role", at ? "region" : null);
    set(box, "aria-label", at ? label(box) : null);
  }
  // Overflow is read when the browser has just laid a box out (a
  // ResizeObserver), never by forcing a layout of its own: every box is
  // read first, then every change written (a write between two reads
  // would make the second read lay the page out again). The page's
  // mutations only tell it which boxes exist.
  var sized = new ResizeObserver(function (entries) {
    var boxes = [];
    entries.forEach(function (entry) {
      var box = entry.target.closest(BOXES);
      if (box && boxes.indexOf(box) < 0) boxes.push(box);
    });
    var at = boxes.map(position);
    boxes.forEach(function (box, i) { mark(box, at[i]); });
  });
  // A box far from the screen is skipped (the stylesheet's
  // content-visibility): not laid out, so no ResizeObserver reads it
  // until the reader scrolls near. Each box is also read once in idle
  // time, one at a time (a skipped box lays out on its own; the first
  // read may also lay out what the page left pending, 85 ms in one
  // throttled trace), so a keyboard - or a checker such as
  // axe - finds every box marked, wherever it is. When all are read,
  // <html data-bp-boxes="marked">.
  var unread = [];
  var idle = window.requestIdleCallback || function (run) {
    return setTimeout(function () { run(null); }, 1);
  };
  function drain(deadline) {
    while (unread.length && (!deadline || deadline.timeRemaining() > 4)) {
      var box = unread.shift();
      if (box.isConnected) mark(box, position(box));
    }
    if (unread.length) idle(drain);
    else set(document.documentElement, "data-bp-boxes", "marked");
  }
  function markAll() {
    set(document.documentElement, "data-bp-boxes", "reading");
    document.querySelectorAll(BOXES).forEach(function (box) {
      if (!box.dataset.bpWatched) {
        box.dataset.bpWatched = "1";
        box.addEventListener("scroll", function () {
          set(box, "data-scroll", position(box));
        }, { passive: true });
        sized.observe(box);
        var inner = box.firstElementChild;  // content that grows inside
        if (inner) sized.observe(inner);
        unread.push(box);
      }
    });
    idle(drain);
  }

  var pending = false;
  function soon() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        nameToolbars();
        markAll();
      });
    }
  }
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      if (records[i].type === "childList" && records[i].addedNodes.length) {
        soon();
        return;
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
