"""Exercise 2, to fill in: log(e^a + e^b) as one node of the engine."""

import math

from engine import Value, lift
from p2_checks import check_op


def smoothmax(a, b):
    """log(e^a + e^b) as ONE node; a and b are Values or numbers."""
    a, b = lift(a), lift(b)
    out = da = db = None  # your code: the value, d(out)/da, d(out)/db
    return Value(out, (a, b), (da, db), "smoothmax")


def ref(a, b):  # the same on plain floats: what the checker nudges
    return math.log(math.exp(a) + math.exp(b))


report = check_op(smoothmax, ref)
print(report)
