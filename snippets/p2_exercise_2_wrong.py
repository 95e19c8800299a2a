"""Exercise 2: two plausible wrong attempts, and what the checker says."""

import math

from engine import Value, lift
from p2_checks import check_op


def ref(a, b):
    return math.log(math.exp(a) + math.exp(b))


def smoothmax_swapped(a, b):
    a, b = lift(a), lift(b)
    ea, eb = math.exp(a.data), math.exp(b.data)
    out = math.log(ea + eb)
    return Value(out, (a, b), (eb / (ea + eb), ea / (ea + eb)), "smoothmax")


def smoothmax_no_log(a, b):
    a, b = lift(a), lift(b)
    ea, eb = math.exp(a.data), math.exp(b.data)
    return Value(math.log(ea + eb), (a, b), (ea, eb), "smoothmax")


print("local_grads in the order (b, a):")
swapped = check_op(smoothmax_swapped, ref)
print(swapped)
print("local_grads e^a and e^b, the slope of the log forgotten:")
no_log = check_op(smoothmax_no_log, ref)
print(no_log)
assert not swapped and not no_log
assert swapped[1:3] == [
    "da: equals db: local_grads in the wrong order",
    "db: equals da: local_grads in the wrong order",
]
overflow = "a = 1000: overflows: factor out max(a, b)"  # e^1000 as it is
assert swapped[-1] == no_log[-1] == overflow
