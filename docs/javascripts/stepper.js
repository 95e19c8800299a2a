/* Step through a computational graph drawn by snippets/graphs.py, and
   predict each backward number before it appears.
   Data: the attribute data-steps on the stepper's box, a JSON list printed
   by snippets/p1_steps.py at build time (an attribute, not a <script>:
   instant navigation drops scripts in the content). Each step is
   {phase, nodes, edge, rule, ask: null | {name, answer}, values: [ids],
   grads: {id: text}, carries: {edge: text}}, the state after the step.
   A step with an `ask` first shows the state before it and asks; typing a
   number (Enter) or pressing Next reveals it. No library, no request. */
(function () {
  "use strict";

  function parse(text) { // "-7.5", "−7.5", "1/4", "3e-2"; null if empty
    var t = text.replace(/[\s\u00a0]/g, "").replace(/[\u2212\u2013]/g, "-")
      .replace(",", ".");
    if (!t) return null;
    var parts = t.split("/");
    var v = parts.length === 2 ? Number(parts[0]) / Number(parts[1])
      : Number(t);
    return parts.length <= 2 && isFinite(v) && /\d/.test(t) ? v : NaN;
  }
  function same3(guess, answer) { // equal to 3 significant figures
    if (answer === 0) return Math.abs(guess) < 5e-4;
    var unit = Math.pow(10, Math.floor(Math.log10(Math.abs(answer))) - 2);
    return Math.abs(guess - answer) <= unit / 2 * (1 + 1e-9);
  }
  function el(tag, cls, parent) {
    var e = document.createElement(tag);
    e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }

  function init(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var steps = JSON.parse(box.dataset.steps);
    var svg = box.querySelector("svg");
    var rule = box.querySelector(".p1-stepper-rule");
    var bar = el("div", "p1-stepper-controls");
    var status = el("p", "p1-stepper-status");
    var form = el("form", "p1-stepper-ask");
    var label = el("label", "", form);
    var prompt = label.appendChild(document.createTextNode(""));
    var input = el("input", "", label);
    var check = el("button", "md-button", form);
    var verdict = el("p", "p1-stepper-verdict");
    var at = 0, open = false; // open: the asked number is not shown yet
    input.type = "text";
    input.inputMode = "decimal";
    input.autocomplete = "off";
    input.spellcheck = false;
    check.type = "submit";
    check.textContent = "Check";
    verdict.setAttribute("aria-live", "polite");
    function button(text, title, act) {
      var b = el("button", "md-button", bar);
      b.type = "button";
      b.textContent = text;
      b.title = title;
      b.addEventListener("click", act);
      return b;
    }
    var first = button("« Start", "Back to the first step (Home)",
      function () { go(0, false); });
    var back = button("◀ Back", "Previous step (←)",
      function () { go(at - 1, false); });
    var next = button("Next ▶", "Next step, or show the number (→)", forward);
    next.classList.add("md-button--primary");
    box.insertBefore(bar, box.firstChild);
    box.insertBefore(status, bar.nextSibling);
    box.insertBefore(form, rule);
    box.insertBefore(verdict, rule);

    function node(id) {
      return svg.querySelector('.bp-node[data-node="' + id + '"]');
    }
    function show(state) { // the numbers in the figure after a step
      svg.querySelectorAll(".bp-value").forEach(function (t) {
        var id = t.closest(".bp-node").dataset.node;
        t.classList.toggle("p1-hidden", state.values.indexOf(id) < 0);
      });
      svg.querySelectorAll(".bp-grad").forEach(function (t) {
        var g = state.grads[t.closest(".bp-node").dataset.node];
        t.classList.toggle("p1-hidden", g === undefined);
        if (g !== undefined) t.textContent = g;
      });
      svg.querySelectorAll(".bp-carry").forEach(function (c) {
        var text = state.carries[c.dataset.edge];
        c.classList.toggle("p1-hidden", text === undefined);
        if (text !== undefined) c.querySelector("text").textContent = text;
      });
    }
    var empty = {values: [], grads: {}, carries: {}};
    function render() {
      var s = steps[at], fwd = s.phase === "forward";
      var had = box.contains(document.activeElement);
      show(open ? (at ? steps[at - 1] : empty) : s);
      svg.querySelectorAll(".bp-active, .p1-edge-active").forEach(function (e) {
        e.classList.remove("bp-active", "p1-edge-active");
      });
      s.nodes.forEach(function (id) {
        node(id).classList.add("bp-active");
        var wires = s.edge !== null ? '[data-edge="' + s.edge + '"]'
          : fwd ? '[data-to="' + id + '"]' : null;
        if (wires) {
          svg.querySelectorAll(".bp-edge" + wires).forEach(function (e) {
            e.classList.add("p1-edge-active");
          });
        }
      });
      // keep the step in view on a phone: its nodes, and the other ends
      // of its active wires (where a value or a gradient comes from),
      // when they fit
      var fig = svg.parentNode, c = fig.getBoundingClientRect();
      var left = Infinity, right = -Infinity;
      s.nodes.forEach(function (id) {
        var r = node(id).getBoundingClientRect();
        left = Math.min(left, r.left);
        right = Math.max(right, r.right);
      });
      svg.querySelectorAll(".p1-edge-active").forEach(function (e) {
        var ends = [e.getAttribute("data-from"), e.getAttribute("data-to")];
        ends.forEach(function (id) {
          var o = id && node(id);
          if (!o) return;
          var r = o.getBoundingClientRect();
          if (Math.max(right, r.right) - Math.min(left, r.left) <= c.width) {
            left = Math.min(left, r.left);
            right = Math.max(right, r.right);
          }
        });
      });
      if (left < c.left || right > c.right) {
        fig.scrollLeft += (left + right - c.left - c.right) / 2;
      }
      var k = steps.filter(function (t) { return t.phase === s.phase; });
      status.textContent = (fwd ? "Forward pass: " : "Backward pass: ") +
        "step " + (k.indexOf(s) + 1) + " of " + k.length;
      box.dataset.phase = s.phase;
      form.hidden = !s.ask;
      if (s.ask) {
        prompt.nodeValue = "Your prediction: " + s.ask.name + " = ";
        input.readOnly = !open;
        check.disabled = !open;
      }
      rule.textContent = open ? "Your turn: what is " + s.ask.name +
        "? Type a number and press Enter, or press Next to see it." : s.rule;
      first.disabled = back.disabled = at === 0;
      next.disabled = at === steps.length - 1 && !open;
      if (had && (!box.contains(document.activeElement) ||
                  document.activeElement.disabled ||
                  document.activeElement.closest("[hidden]"))) {
        (next.disabled ? back : next).focus(); // never drop the focus
      }
    }
    function go(i, asking) { // to step i; asking: Next, so ask first
      at = Math.max(0, Math.min(steps.length - 1, i));
      open = !!(asking && steps[at].ask);
      input.value = "";
      verdict.textContent = "";
      verdict.className = "p1-stepper-verdict";
      render();
    }
    function forward() { // Next: show the asked number, else step on
      if (open) reveal(null);
      else go(at + 1, true);
    }
    function reveal(guess) {
      var s = steps[at];
      open = false;
      if (guess !== null) {
        var right = same3(guess, s.ask.answer);
        verdict.className = "p1-stepper-verdict " + (right ? "p1-right"
          : "p1-wrong");
        verdict.textContent = right
          ? "Right: " + s.ask.name + " = " + format(s.ask.answer) +
            " (to 3 significant figures)."
          : "Not quite: you said " + format(guess) + ", but " + s.ask.name +
            " = " + format(s.ask.answer) + ". The rule that gives it:";
      }
      render();
    }
    function format(v) { return String(Number(v.toPrecision(4))); }
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !open) { // Enter again: on to the next
        e.preventDefault();
        forward();
      }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!open) return;
      var guess = parse(input.value);
      if (guess !== guess) { // NaN: not a number
        verdict.className = "p1-stepper-verdict p1-wrong";
        verdict.textContent = "“" + input.value + "” is not a number: " +
          "type one such as -7.5 or 0.064.";
        return;
      }
      reveal(guess);
    });
    box.tabIndex = 0;
    box.addEventListener("keydown", function (e) {
      if (e.target === input) return; // typing: the keys are the input's
      var to = { ArrowRight: "next", ArrowLeft: at - 1, Home: 0,
        End: steps.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      if (to === "next") forward(); else go(to, false);
    });
    go(0, false);
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
