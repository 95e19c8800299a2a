"""Every number a fixed sentence of the Intuition and Part 1 pages quotes is
pinned to the code that computes it: the sentence must be on its page,
and the snippet, run here, must still give the number it quotes. Change
either one alone and this fails."""

import contextlib
import functools
import io
import runpy

import pytest
from conftest import DOCS, SNIPPETS


@functools.cache
def run(name):
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / name), run_name="prose")


def grad_history(ns, node):  # a stepper's gradient of node, share by share
    steps = ns["steps"].steps
    return [
        float(s["grads"][node][2:])
        for s in steps
        if s["nodes"] == [node] and s["phase"] == "backward"
    ]


# (page, sentence as written, snippet, {number as written: its value})
PINS = [
    ("part-1/derivatives-as-nudges.md",
     "As the nudge shrinks, the ratio settles on one number, $4.75$.",
     "p1_nudge.py", lambda ns: {"4.75": ns["exact"]}),
    ("part-1/derivatives-as-nudges.md",
     "(the table shows $0.004755$)",
     "p1_nudge.py",
     lambda ns: {"0.004755": ns["f"](1.501) - ns["f"](1.5)}),
    ("part-1/derivatives-as-nudges.md",
     "at $h = 0.1$, that is $0.46$ against\n$0.01$",
     "p1_differences.py",
     lambda ns: {"0.46": ns["err"]["forward"][-1],
                 "0.01": ns["err"]["central"][-1]}),
    ("intuition/two-line-picture.md",
     "The\ndirect path gives $x$ a gradient of 1, the path through the "
     "product gives\n$y = 3$; together $\\frac{\\partial f}{\\partial x} = 4$",
     "intro_fork.py", lambda ns: {"1": 1.0, "3": ns["y"], "4": ns["dx"]}),
    ("part-1/chain-rule.md",
     "The first step stretches the nudge by $2x = 2.4$. The second step "
     "stretches\nwhatever arrives by $\\cos u \\approx 0.1304$.",
     "p1_chain.py",
     lambda ns: {"2.4": ns["u_moved"] / ns["h"],
                 "0.1304": ns["y_moved"] / ns["u_moved"]}),
    ("part-1/chain-rule.md",
     "Following only one path gives 12 or 24",
     "p1_fork.py", lambda ns: {"12": ns["dx_path1"], "24": ns["dx_path2"]}),
    ("part-1/chain-rule.md",
     "The central difference says 36", "p1_fork.py",
     lambda ns: {"36": ns["numeric"]}),
    ("part-1/computational-graphs.md",
     "$-6$ through $q$ and $-1.5$ through $r$, so $-7.5$ in all.",
     "p1_graph.py",
     lambda ns: {"-6": ns["dq"], "-1.5": ns["z"] * ns["dr"],
                 "-7.5": ns["dy"]}),
    ("part-1/gate-patterns.md",
     "$\\partial f/\\partial x = y + z = 1.5$ at $x = 2$, $y = 3$, "
     "$z = -1.5$",
     "p1_gate_fork.py",
     lambda ns: {"1.5": ns["dx"], "2": ns["x"], "3": ns["y"],
                 "-1.5": ns["z"]}),
    ("part-1/step-through-it.md",
     "$z \\cdot \\partial f/\\partial r = 3 \\cdot (-0.5) = -1.5$. At $q$'s "
     "turn a\n  second share, $-6$, arrives and is added: $-7.5$.",
     "p1_stepper.py",
     lambda ns: {"3": ns["val"]["z"], "-0.5": ns["steps"].grad["r"],
                 "-1.5": grad_history(ns, "y")[0],
                 "-6": grad_history(ns, "y")[1] - grad_history(ns, "y")[0],
                 "-7.5": grad_history(ns, "y")[1]}),
    ("part-1/step-through-it.md",
     "$-0.0126$ from $o_2$ and then $0.0764$\n  from $o_1$: $0.0638$ in all",
     "p1_stepper_net.py",
     lambda ns: {"-0.0126": grad_history(ns, "h1")[0],
                 "0.0764": grad_history(ns, "h1")[1]
                 - grad_history(ns, "h1")[0],
                 "0.0638": grad_history(ns, "h1")[1]}),
    ("part-1/step-through-it.md",
     "$\\partial E/\\partial h_1 =\n    -0.0126$ instead of $0.0638$",
     "p1_stepper_ex_order.py",
     lambda ns: {"-0.0126": ns["partial"], "0.0638": ns["complete"]}),
    ("part-1/network-by-hand.md",
     "in between are six intermediate values",
     "p1_net.py",
     lambda ns: {"six": len([k for k in ns["forward"](ns["W"])
                             if k.startswith(("net_", "h"))])}),
]  # fmt: skip
WORDS = {"six": "6"}


def rounds_to(value, written):
    """value, rounded to the digits `written` shows, reads `written`."""
    written = WORDS.get(written, written)
    digits = len(written.split(".")[1]) if "." in written else 0
    return f"{value:.{digits}f}" in (written, written.replace("-", "−"))


@pytest.mark.parametrize("page, sentence, snippet, numbers", PINS)
def test_a_quoted_number_is_the_computed_number(
    page, sentence, snippet, numbers
):
    text = (DOCS / page).read_text(encoding="utf-8")
    assert sentence in text, f"{page} no longer says: {sentence!r}"
    for written, value in numbers(run(snippet)).items():
        assert written in sentence, written
        assert rounds_to(value, written), (written, value)
