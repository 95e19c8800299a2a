"""Bug: calling backward() twice without resetting the gradients."""

from engine import Value
from p2_gradcheck import gradcheck


def f(w, b):
    return ((w * 1.5 + b).sigmoid() - 1) ** 2  # one example's loss


# --8<-- [start:before]
def backward_twice(loss):  # BEFORE: e.g. once to log, once to train
    loss.backward()
    loss.backward()  # adds the same gradients again: now doubled


def backward_reset(loss):  # AFTER: reset in between (or call once)
    loss.backward()
    loss.zero_grad()
    loss.backward()


# --8<-- [end:before]


before = gradcheck(f, [0.2, -0.4], backward=backward_twice)
after = gradcheck(f, [0.2, -0.4], backward=backward_reset)
w = Value(0.2)
backward_twice(f(w, Value(-0.4)))
w_once = Value(0.2)
f(w_once, Value(-0.4)).backward()
print(f"before: largest gradient error {before:.3f}")
print(f"        dw after two calls / after one: {w.grad / w_once.grad:.3f}")
print(f"after:  largest gradient error {after:.1e}")

assert before > 1e-3 and after < 1e-8
assert abs(w.grad / w_once.grad - 2.0) < 1e-12  # exactly twice
