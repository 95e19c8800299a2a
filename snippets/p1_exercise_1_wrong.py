"""Exercise 1: what the checker says about four typical slips."""

from p1_checks import check_numbers


def f(x, y, z, w):
    return (x * y + z) * max(y, w)


inputs = dict(x=3.0, y=2.0, z=-1.0, w=1.0)
attempt = dict(
    x=-4.0,  # a sign slip
    y=6.0,  # only the path through x·y: the fork's other path is missing
    z=4.0,  # x's number written on z's line
    w=5.0,  # the max's gradient given to the loser
)
report = check_numbers(f, inputs, attempt)
print(report)
assert not report
