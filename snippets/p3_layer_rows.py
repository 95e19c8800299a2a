"""The rows of the "common layers" table on Where the transpose comes
from: TeX for the page, and numpy for a check. Each row is
(name, forward, shapes, backward, inputs, f, grads): f(*inputs) -> out,
grads(dout, *inputs) -> one gradient per input. p3_layer_table.py prints
and checks them; tests/test_part3_transposes.py checks them again."""

import numpy as np
from layers import sigmoid_forward, softmax_loss

N, D, M = 4, 3, 2  # all different: a wrong transpose cannot hide
Y_LABELS = np.array([1, 0, 2, 1])  # classes for the cross-entropy row


def sigmoid(x):
    return sigmoid_forward(x)[0]  # exp(-|x|): no overflow at any x


# fmt: off
ROWS = [
    ("linear", "Y = XW + b", "X{:}\\,N{\\times}D,\\ W{:}\\,D{\\times}M,"
     "\\ b{:}\\,M", "dX = dY\\,W^\\top,\\ dW = X^\\top dY,\\ "
     "db = \\textstyle\\sum_n dY_{n,:}", [(N, D), (D, M), (M,)],
     lambda X, W, b: X @ W + b,
     lambda d, X, W, b: (d @ W.T, X.T @ d, d.sum(axis=0))),
    ("bias only", "Y = X + b", "X{:}\\,N{\\times}D,\\ b{:}\\,D",
     "dX = dY,\\ db = \\textstyle\\sum_n dY_{n,:}", [(N, D), (D,)],
     lambda X, b: X + b, lambda d, X, b: (d, d.sum(axis=0))),
    ("scale", "Y = X \\odot s", "X{:}\\,N{\\times}D,\\ s{:}\\,D",
     "dX = dY \\odot s,\\ ds = \\textstyle\\sum_n (dY \\odot X)_{n,:}",
     [(N, D), (D,)], lambda X, s: X * s,
     lambda d, X, s: (d * s, (d * X).sum(axis=0))),
    ("elementwise product", "Y = A \\odot B", "A, B{:}\\,N{\\times}D",
     "dA = dY \\odot B,\\ dB = dY \\odot A", [(N, D), (N, D)],
     lambda A, B: A * B, lambda d, A, B: (d * B, d * A)),
    ("ReLU", "Y = \\max(0, X)", "N{\\times}D", "dX = dY \\odot [X > 0]",
     [(N, D)], lambda X: np.maximum(0, X), lambda d, X: (d * (X > 0),)),
    ("sigmoid", "Y = \\sigma(X)", "N{\\times}D",
     "dX = dY \\odot Y \\odot (1 - Y)", [(N, D)], sigmoid,
     lambda d, X: (d * sigmoid(X) * (1 - sigmoid(X)),)),
    ("tanh", "Y = \\tanh X", "N{\\times}D", "dX = dY \\odot (1 - Y^2)",
     [(N, D)], np.tanh, lambda d, X: (d * (1 - np.tanh(X) ** 2),)),
    ("sum over features", "y = \\textstyle\\sum_d X_{:,d}",
     "X{:}\\,N{\\times}D,\\ y{:}\\,N",
     "dX = dy\\,\\mathbf{1}^\\top\\ \\text{(copied into } D"
     "\\text{ columns)}", [(N, D)], lambda X: X.sum(axis=1),
     lambda d, X: (np.repeat(d[:, None], X.shape[1], axis=1),)),
    ("mean over the batch", "y = \\tfrac{1}{N}\\textstyle\\sum_n X_{n,:}",
     "X{:}\\,N{\\times}D,\\ y{:}\\,D", "dX_{n,:} = dy / N\\ "
     "\\text{for every } n", [(N, D)], lambda X: X.mean(axis=0),
     lambda d, X: (np.tile(d / len(X), (len(X), 1)),)),
    ("reshape", "Y = X.\\text{reshape}(s)", "\\text{any}",
     "dX = dY.\\text{reshape}(X.\\text{shape})", [(N, D)],
     lambda X: X.reshape(D, N), lambda d, X: (d.reshape(X.shape),)),
    ("transpose", "Y = X^\\top", "X{:}\\,N{\\times}D,\\ Y{:}\\,D{\\times}N",
     "dX = dY^\\top", [(N, D)], lambda X: X.T, lambda d, X: (d.T,)),
    ("permute axes", "Y = X.\\text{transpose}(p)", "\\text{any}",
     "dX = dY.\\text{transpose}(\\text{argsort}(p))", [(N, D, M)],
     lambda X: X.transpose(1, 2, 0),
     lambda d, X: (d.transpose(np.argsort((1, 2, 0))),)),
    ("softmax + cross-entropy", "L = -\\tfrac{1}{N}\\textstyle\\sum_n "
     "\\log p_{n, y_n}", "S{:}\\,N{\\times}C,\\ y{:}\\,N",
     "dS = (P - \\text{onehot}(y)) / N", [(N, D)],
     lambda S: softmax_loss(S, Y_LABELS)[0],
     lambda d, S: (d * softmax_loss(S, Y_LABELS)[1],)),
    ("mean squared error", "L = \\tfrac{1}{2N}\\textstyle\\sum (P - T)^2",
     "P, T{:}\\,N{\\times}M", "dP = (P - T)/N,\\ dT = -(P - T)/N",
     [(N, D), (N, D)],
     lambda P, T: 0.5 * np.sum((P - T) ** 2) / len(P),
     lambda d, P, T: (d * (P - T) / len(P), -d * (P - T) / len(P))),
]
# fmt: on
