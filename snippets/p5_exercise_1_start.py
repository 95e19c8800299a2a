"""Exercise 1, your starting file: dropout's backward pass, with a bug.
Fix dropout_backward and run this file until every line is ok."""

from p5_checks import check_dropout


def dropout_backward(dout, cache):
    """dout (any shape) -> dx: the gradient of the dropout layer's input."""
    keep, scale = cache  # the mask of survivors, and 1 / (1 - p)
    return dout * keep  # dropped entries get nothing


report = check_dropout(dropout_backward)  # one line per p
print(report)
