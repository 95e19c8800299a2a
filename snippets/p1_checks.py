"""Checkers for the Part 1 exercises: run one on your own attempt.

    check_numbers(f, inputs, your_grads)  exercise 1: gradients by hand
    check_swish(forward, backward)        exercise 2: a staged swish gate
    check_network(backward)               exercise 3: the 2-2-1 network

Keep gradcheck.py in the same folder as this file, then:

    from p1_checks import check_swish
    print(check_swish(forward, backward))  # one line per value
    if check_swish(forward, backward):     # True only if all are ok
        ...

Each compares your gradients with central differences (check_swish
also your f with the formula's value) and returns a gradcheck.Report:
one line per value, "dx: ok" or what looks wrong, shown by print();
bool(report) is True only if every line is ok. It never prints and
never raises: a broken attempt (an exception, None, a missing name)
becomes a line.
"""

import math
from numbers import Real

import numpy as np
from gradcheck import Report, explain, numeric_grad, rel_error


def _numeric(fn, v, *args):
    return numeric_grad(lambda: fn(*v.tolist(), *args), v)


def _number(yours, right, others):
    """What is wrong with one hand-computed number, in a few words."""
    if not isinstance(yours, Real):
        return f"not a number: {yours!r}"
    if math.isclose(yours, right, rel_tol=1e-3, abs_tol=1e-6):
        return "ok"
    if abs(right) < 1e-9:
        return "should be 0: a max that routes elsewhere, or a 0 factor?"
    if abs(yours) < 1e-9:
        return "is 0 but should not be: a path is missing"
    for name, other in others.items():
        if math.isclose(yours, other, rel_tol=1e-3):
            return f"looks like d{name}'s gradient: swapped?"
    k = yours / right
    if any(math.isclose(k, q, rel_tol=1e-3) for q in (-1, 2, 3, 4, 0.5)):
        return "wrong sign" if k < 0 else f"{k:.3g} times the right value"
    return (
        "wrong: a path missing, or counted twice? add each path's gradient"
        " once; or a local derivative on a path is wrong"
    )


def check_numbers(f, inputs, your_grads):
    """inputs: {name: value}; f(**inputs) -> number; your_grads: {name: g}."""
    if not isinstance(your_grads, dict):
        msg = f"your_grads: a dict {{name: number}}, not {your_grads!r}"
        return Report([msg])
    v = np.array(list(inputs.values()), dtype=float)
    num = _numeric(lambda *v: f(**dict(zip(inputs, v))), v)
    right = dict(zip(inputs, num.tolist()))
    lines = {
        k: _number(your_grads[k], n, right)
        if k in your_grads
        else f"missing: your dict has no {k!r}"
        for k, n in right.items()
    }
    return Report(f"d{k}: {line}" for k, line in lines.items())


def _collect(names, case, points):
    """Run case() at each point: your values against the right ones."""
    yours, right, dfs = [], [], []
    for _ in range(points):
        try:
            a, n, df = case()
        except Exception as e:  # a broken attempt is reported, not raised
            return Report([f"your code raised {type(e).__name__}: {e}"])
        bad = [(k, x) for k, x in zip(names, a) if not isinstance(x, Real)]
        if bad:
            return Report(f"{k}: not a number: {x!r}" for k, x in bad)
        yours.append(a)
        right.append(n)
        dfs.append(df)
    yours, right, dfs = np.array(yours).T, np.array(right).T, np.array(dfs)
    report = Report()
    for name, a, n in zip(names, yours, right):
        line = explain(a, n)
        if "transpose" in line:  # explain() is written for matrices too
            line = "wrong: a missing term (a path lost?), a wrong local rule"
        if line != "ok" and name[0] == "d" and rel_error(a, n / dfs) < 1e-7:
            line = "ignores the upstream gradient: multiply by df"
        elif line != "ok" and np.any((n == 0) & (a != 0)):
            line = "not 0 where it should be: a max (relu) that is off?"
        for other, m in zip(names, right):
            if line != "ok" and rel_error(a, m) < 1e-7:
                line = f"looks like {other}'s: a swapped input?"
        report.append(f"{name}: {line}")
    return report


def _swish(x, w, b):
    return x / (1 + math.exp(-(w * x + b)))  # x · σ(w x + b)


def check_swish(forward, backward, points=5):
    """forward(x, w, b) -> (f, cache); backward(df, cache) -> dx, dw, db."""
    rng = np.random.default_rng(0)

    def case():
        v, df = rng.uniform(-2, 2, 3), rng.uniform(0.5, 2)
        f, cache = forward(*v.tolist())
        dx, dw, db = backward(df, cache)
        return [f, dx, dw, db], [_swish(*v), *_numeric(_swish, v) * df], df

    return _collect(["f", "dx", "dw", "db"], case, points)


KEYS = ["w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"]


def _net_loss(w1, w2, w3, w4, w5, w6, b1, b2, b3, x, t):
    h1 = max(0.0, w1 * x[0] + w2 * x[1] + b1)  # relu = max(0, net)
    h2 = max(0.0, w3 * x[0] + w4 * x[1] + b2)
    return 0.5 * (w5 * h1 + w6 * h2 + b3 - t) ** 2


def check_network(backward, points=4):
    """backward(p, x, t) -> {"w1": dE/dw1, ..., "b3": dE/db3}."""
    rng = np.random.default_rng(4)  # h1, h2 on/off: all four combinations

    def case():
        v, x, t = rng.normal(0, 1, 9), rng.uniform(-1, 1, 2), rng.uniform()
        x = tuple(x.tolist())
        g = backward(dict(zip(KEYS, v.tolist())), x, t)
        return [g.get(k) for k in KEYS], _numeric(_net_loss, v, x, t), 1.0

    return _collect(["d" + k for k in KEYS], case, points)
