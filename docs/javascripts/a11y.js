// The theme adds a <nav> toolbar (the copy button) to every code block at
// run time; unnamed, they are several identical landmarks. Name each one.
document$.subscribe(function () {
  requestAnimationFrame(function () {
    var navs = document.querySelectorAll("nav.md-code__nav");
    navs.forEach(function (nav, i) {
      nav.setAttribute("aria-label", "Code block " + (i + 1) + " tools");
    });
  });
});
