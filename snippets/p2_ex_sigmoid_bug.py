"""Exercise: catch a wrong local derivative of sigmoid."""

import math

from engine import Value
from p2_gradcheck import gradcheck


def sigmoid_buggy(v):
    s = 1 / (1 + math.exp(-v.data))
    return Value(s, (v,), (s,), "sigmoid")  # wrong: slope is s(1 - s)


def f_buggy(w, x):
    return sigmoid_buggy(w * x)


def f_right(w, x):
    return (w * x).sigmoid()


before = gradcheck(f_buggy, [0.8, -1.1])
after = gradcheck(f_right, [0.8, -1.1])
print(f"buggy sigmoid: largest gradient error {before:.3f}")
print(f"engine's:      largest gradient error {after:.1e}")

assert before > 0.05 and after < 1e-8
