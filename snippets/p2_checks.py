"""Check your Part 2 exercise answers against central differences.

Put this file beside engine.py and gradcheck.py, then:

    from p2_checks import check_op
    print(check_op(smoothmax, ref))

    check_by_hand(grads)     exercise 1: a dict {"x": ..., "f": ...}
    check_op(op, ref)        exercise 2: your op(a, b) -> Value, and
                             ref(a, b) -> float, the same on plain numbers;
                             also op(1000, 999), where ref overflows
    check_neuron(neuron)     exercise 3: your neuron(ws, xs, b) -> Value
    check_backward(backward) exercise 4: your backward(root)

Each returns a gradcheck.Report: one line per gradient or graph, "dx: ok"
or what is wrong, shown by print(). bool(report) is True only if every
line is ok, so `if check_op(smoothmax, ref):` asks "is it right?". A
checker never prints, and never raises on a broken attempt: an exception
in your code becomes a line.
"""

import math
from itertools import combinations

import numpy as np
from engine import Value
from gradcheck import Report, explain, numeric_grad


def _raised(e):
    """'ValueError: why'; never ending in ': ok', which would read as ok."""
    why = f"{type(e).__name__}: {e}"
    return why + "." if why.endswith(": ok") else why


def _line(name, got, want, swaps=()):
    """The line judging one gradient; swaps: (name, gradient) of others."""
    msg = explain(got, want)
    if msg.startswith("all zeros"):
        msg = (
            "all zeros: are the inputs the new Value's parents, with one"
            " local derivative each?"
        )
    for other, grad in swaps:
        same = np.shape(got) == np.shape(grad)
        if msg != "ok" and same and np.allclose(got, grad, rtol=1e-6):
            msg = f"equals d{other}: local_grads in the wrong order"
    return f"{name}: {msg}"


def by_hand(x, y, h=None):
    """f = (x + y) / (x * y) + x; h nudges one named node, parents fixed."""
    h = h or {}
    nudge = lambda k, v: v + h[k] if k in h else v  # noqa: E731
    x, y = nudge("x", x), nudge("y", y)
    s, p = nudge("s", x + y), nudge("p", x * y)
    q = nudge("q", s / p)
    return dict(x=x, y=y, s=s, p=p, q=q, f=nudge("f", q + x))


def check_by_hand(grads, x=2.0, y=4.0, h=1e-6):
    nodes, report = by_hand(Value(x), Value(y)), Report()
    nodes["f"].backward()
    for name, node in reversed(nodes.items()):  # walking back from f
        up, down = (by_hand(x, y, {name: d})["f"] for d in (h, -h))
        assert abs((up - down) / (2 * h) - node.grad) < 1e-8  # engine ok
        shares = [  # what each use of the node sends back to it
            loc * u.grad
            for u in nodes.values()
            for par, loc in zip(u.parents, u.local_grads)
            if par is node
        ]
        k = range(1, len(shares))
        some = [sum(c) for i in k for c in combinations(shares, i)]
        g = grads.get(name) if isinstance(grads, dict) else None
        if not isinstance(g, (int, float)):
            msg = f"missing or not a number: {g!r}"
        elif math.isclose(g, node.grad, rel_tol=1e-6, abs_tol=1e-9):
            msg = "ok"
        elif any(math.isclose(g, s, abs_tol=1e-9) for s in some):
            msg = f"only some of its {len(shares)} shares: add every use"
        elif math.isclose(g, -node.grad):
            msg = "wrong sign"
        else:
            msg = f"{g:g} is wrong: redo the local derivatives on its way"
        report.append(f"{name}.grad: {msg}")
    return report


def _run(op, args):
    xs = [Value(a) for a in args]
    out = op(*xs)
    if not isinstance(out, Value):
        raise TypeError(f"it returned {out!r}, not a Value")
    if not all(isinstance(g, (int, float)) for g in out.local_grads):
        raise TypeError("local_grads must be plain numbers (from .data)")
    out.backward()
    return [out.data] + [float(v.grad) for v in xs]


def _slopes(ref, p):
    return numeric_grad(lambda: np.array(ref(*p)), p)


def _check(op, ref, pts, groups):
    """op and ref at each row of pts; groups: {name: columns of pts}."""
    try:
        got = np.array([_run(op, p) for p in pts])
    except Exception as e:  # a reader's attempt may fail in any way
        return Report([f"your code raised {_raised(e)}"])
    report = Report([_line("value", got[:, 0], [ref(*p) for p in pts])])
    num, got = np.array([_slopes(ref, p) for p in pts]), got[:, 1:]
    for name, cols in groups.items():
        swaps = [(o, num[:, c]) for o, c in groups.items() if o != name]
        report.append(_line(f"d{name}", got[:, cols], num[:, cols], swaps))
    return report


SIG1 = 1 / (1 + math.exp(-1))  # e^a / (e^a + e^b) at a - b = 1
# smoothmax where ref overflows: log(e^1000 + e^999) = 1000 + log(1 + e^-1)
LARGE = (1000.0, 999.0), 1000 + math.log1p(math.exp(-1)), (SIG1, 1 - SIG1)


def _overflowed(e):
    if isinstance(e, ValueError):  # Value refuses inf and nan
        return "finite" in str(e)
    return isinstance(e, (OverflowError, FloatingPointError))


def _plain(op, args):
    out = op(*args)  # plain numbers in: op must lift them
    if not isinstance(out, Value):
        raise TypeError(f"it returned {out!r}, not a Value")
    return [out.data]


def _large(op, args, value, grads):
    """'ok' or what is wrong at args: with Values, then plain numbers."""
    for how, run in [("", _run), ("plain numbers: ", _plain)]:
        try:
            with np.errstate(all="ignore"):  # np.exp: inf, no warning
                got = run(op, args)
        except Exception as e:  # a reader's attempt may fail in any way
            if _overflowed(e):
                return "overflows: factor out max(a, b)"
            fix = ": lift(a), lift(b)" if isinstance(e, AttributeError) else ""
            return f"{how}raised {_raised(e)}{fix}"
        if not np.all(np.isfinite(got)):
            return "overflows: factor out max(a, b)"
        if not math.isclose(got[0], value, rel_tol=1e-12):
            return f"{how}value {got[0]!r}, want {value!r}"
        if got[1:] and not np.allclose(got[1:], grads, rtol=1e-9, atol=0):
            (da, db), (wa, wb) = got[1:], grads
            return f"da, db = {da:.6g}, {db:.6g}; want {wa:.6g}, {wb:.6g}"
    return "ok"


def check_op(op, ref, large=LARGE):
    """op against ref at five seeded points; then, unless large is None,
    op(*args) with Values and with plain numbers for large = (args, value,
    (da, db)): the point where ref overflows, and what op must give."""
    pts = np.random.default_rng(0).uniform(-3, 3, (5, 2))
    report = _check(op, ref, pts, {"a": [0], "b": [1]})
    if large is not None:
        args, value, grads = large
        report.append(f"a = {args[0]:g}: {_large(op, args, value, grads)}")
    return report


def neuron_point(n=3):
    """The seeded point of check_neuron: w (n), x (n), then b."""
    return np.random.default_rng(0).normal(size=2 * n + 1)


def check_neuron(neuron, n=3):
    def op(*v):  # one list of Values in, the reader's call out
        return neuron(list(v[:n]), list(v[n : 2 * n]), v[-1])

    def ref(*z):
        return math.tanh(np.dot(z[:n], z[n : 2 * n]) + z[-1])

    pts = neuron_point(n)[None]
    w, x = list(range(n)), list(range(n, 2 * n))
    return _check(op, ref, pts, {"w": w, "x": x, "b": [2 * n]})


def random_graph(xs, seed):
    """A seeded random graph over the inputs xs, values used many times."""
    rng, nodes = np.random.default_rng(seed), list(xs)
    for k in rng.integers(3, size=12):
        a, b = (nodes[i] for i in rng.integers(len(nodes), size=2))
        nodes.append(a + b if k == 0 else a * b if k == 1 else (a - b).tanh())
    return sum(nodes[len(xs) :])


def _deep(xs):
    y = xs[0]
    for _ in range(3000):  # 6000 nodes deep: too deep for recursion
        y = y * 0.999 + xs[0]
    return y


PROBES = [  # name, graph, inputs, what a failure there usually means
    ("a chain", lambda v: (v[0] * 3 + 1).tanh(), [0.2],
     "wrong on a chain: parent.grad += local * node.grad"),
    ("x * x", lambda v: v[0] * v[0], [1.5],
     "x * x sends x two shares: add them (+=, not =)"),
    ("a used twice", lambda v: (a := v[0] * v[0]) * (a + v[0]), [2.0],
     "a node passed its grad on too early: reverse topological order"),
    *[(f"random graph {s}", lambda v, s=s: random_graph(v, s),
       [0.5, -0.3, 0.8], "wrong where values are reused") for s in (1, 2, 3)],
    ("6000 deep", _deep, [0.3], "wrong on a long chain reusing x"),
]  # fmt: skip


def _probe(backward, build, data):
    """'ok', what looks wrong, or None: wrong, as the probe's hint says."""
    x = np.array(data)
    xs = [Value(v) for v in x]
    root = build(xs)
    try:
        backward(root)
        got = [float(v.grad) for v in xs]
    except RecursionError:
        return "RecursionError: keep your own stack in a list"
    except Exception as e:  # a reader's attempt may fail in any way
        return f"raised {_raised(e)}"
    want = numeric_grad(lambda: np.array(build(list(map(Value, x))).data), x)
    if explain(got, want) == "ok":
        return "ok"
    if root.grad != 1:
        return f"root.grad is {root.grad!r}: seed it, root.grad = 1"
    if not any(got):
        return "nothing reached the inputs: walk back from the root"
    return None


def _twice(backward):
    x = Value(2.0)
    a = x * x
    c = a * (a + x)
    try:
        backward(c)
        first = x.grad, a.grad
        backward(c)
    except Exception as e:  # a reader's attempt may fail in any way
        return f"raised {_raised(e)}"
    if first[0] == 0:
        return "the first call left x.grad at 0: nothing to compare"
    if a.grad != first[1]:
        return "inner grads grew: set them to 0 before the walk"
    if not math.isclose(x.grad, 2 * first[0]):
        return "inputs must add up across calls: reset only inner nodes"
    return "ok"


def check_backward(backward):
    report, said = Report(), {}
    for name, build, data, hint in PROBES:
        said[name] = _probe(backward, build, data)
        if name == "a used twice" and said["x * x"] != "ok":  # not the order
            hint = "same cause as the x * x line: fix that first"
        report.append(f"{name}: {said[name] or hint}")
    report.append(f"a second call: {_twice(backward)}")
    return report
