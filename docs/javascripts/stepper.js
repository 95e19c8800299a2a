/* Step through a computational graph drawn by snippets/graphs.py.
   Data: the attribute data-steps on the box around the SVG, a JSON list of
   {node, show: "value"|"grad", rule} printed by snippets/p1_stepper.py at
   build time (an attribute, not a <script>: instant navigation drops
   scripts in the content). No library, no request. */
(function () {
  "use strict";

  function init(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var steps = JSON.parse(box.dataset.steps);
    var svg = box.querySelector("svg");
    var rule = box.querySelector(".p1-stepper-rule");
    var status = document.createElement("p");
    var bar = document.createElement("div");
    var at = 0;
    status.className = "p1-stepper-status";
    bar.className = "p1-stepper-controls";
    function button(label, title, move) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "md-button";
      b.textContent = label;
      b.title = title;
      b.addEventListener("click", function () { go(move(at)); });
      bar.appendChild(b);
      return b;
    }
    var first = button("« Start", "Back to the first step (Home)",
      function () { return 0; });
    var back = button("◀ Back", "Previous step (←)",
      function (i) { return i - 1; });
    var next = button("Next ▶", "Next step (→)",
      function (i) { return i + 1; });
    next.classList.add("md-button--primary");
    box.insertBefore(bar, box.firstChild);
    box.insertBefore(status, bar.nextSibling);

    function node(id) {
      return svg.querySelector('.bp-node[data-node="' + id + '"]');
    }
    function go(i) {
      at = Math.max(0, Math.min(steps.length - 1, i));
      svg.querySelectorAll(".bp-value, .bp-grad").forEach(function (t) {
        t.classList.add("p1-hidden");
      });
      svg.querySelectorAll(".bp-active, .p1-edge-active").forEach(function (e) {
        e.classList.remove("bp-active", "p1-edge-active");
      });
      steps.slice(0, at + 1).forEach(function (s) {
        node(s.node).querySelector(".bp-" + s.show).classList.remove("p1-hidden");
      });
      var s = steps[at];
      var forward = s.show === "value";
      node(s.node).classList.add("bp-active");
      var attr = forward ? "data-to" : "data-from";
      var edges = svg.querySelectorAll(
        ".bp-edge[" + attr + '="' + s.node + '"]');
      edges.forEach(function (e) { e.classList.add("p1-edge-active"); });
      // keep the step in view on a phone: the node, and where its value
      // (forward) or its gradient (backward) comes from, when they fit
      var fig = svg.parentNode, c = fig.getBoundingClientRect();
      var r = node(s.node).getBoundingClientRect();
      var left = r.left, right = r.right;
      edges.forEach(function (e) {
        var other = node(e.getAttribute(forward ? "data-from" : "data-to"));
        var o = (other || e).getBoundingClientRect();
        if (Math.max(right, o.right) - Math.min(left, o.left) <= c.width) {
          left = Math.min(left, o.left);
          right = Math.max(right, o.right);
        }
      });
      if (left < c.left || right > c.right) {
        fig.scrollLeft += (left + right - c.left - c.right) / 2;
      }
      var k = steps.filter(function (t) { return t.show === s.show; });
      status.textContent = (forward ? "Forward pass: " : "Backward pass: ") +
        "step " + (k.indexOf(s) + 1) + " of " + k.length;
      box.dataset.phase = forward ? "forward" : "backward";
      rule.textContent = s.rule;
      first.disabled = back.disabled = at === 0;
      next.disabled = at === steps.length - 1;
    }
    box.tabIndex = 0;
    box.addEventListener("keydown", function (e) {
      var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0,
        End: steps.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      go(to);
    });
    go(0);
  }

  function initAll() {
    document.querySelectorAll("[data-p1-stepper]").forEach(init);
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(initAll); // Material: every (instant) page load
  } else {
    document.addEventListener("DOMContentLoaded", initAll);
  }
})();
