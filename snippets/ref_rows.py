"""The cheat sheet's rows: one list, printed as its tables and tested.

A row is one operation: its name, the forward formula and one local
gradient per input in TeX, its inputs, and two numpy functions

    forward(*inputs) -> out
    backward(dout, *inputs) -> one gradient per input, shaped like it

where backward applies the row's local gradient to the upstream gradient
`dout` (d loss / d out). "; " in tex_forward starts a new line. `inputs`
names the inputs: "x" is a scalar (the scalar rows work elementwise, so
they are checked on a few at once), "x>0" a positive one, "X:N×D" an
array with the SIZES below; "→ Y:N×M" names the output and its shape.
tests/test_reference_cheatsheet.py checks every row against central
differences; ref_cheatsheet.py prints the tables.
"""

from collections import namedtuple

import layers
import layers5
import numpy as np

SIZES = {"N": 4, "D": 3, "M": 2, "C": 5}  # all different: shape bugs show
LABELS = np.array([1, 0, 4, 1])  # a class in [0, C) for each of N rows
POWER, ALPHA = 1.5, 0.01  # the constants of the power and leaky-ReLU rows
Row = namedtuple("Row", "name tex_forward tex_grads inputs forward backward")


def sigmoid(x):
    return layers.sigmoid_forward(x)[0]  # overflow-free for any x


def affine(X, W, b):
    return layers.affine_forward(X, W, b)[0]


def affine_grads(dY, X, W, b):  # the cache is (X, W)
    return layers.affine_backward(dY, (X, W))


def softmax(X):
    e = np.exp(X - X.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_grad(dY, X):
    Y = softmax(X)  # dX = Y * (dY - row sums of dY * Y)
    return (Y * (dY - (dY * Y).sum(axis=1, keepdims=True)),)


def cross_entropy(S):
    return layers.softmax_loss(S, LABELS)[0]


def cross_entropy_grad(dL, S):
    return (dL * layers.softmax_loss(S, LABELS)[1],)


def mse_grads(dL, P, T):
    dP = dL * layers.mse_loss(P, T)[1]  # (P - T) / N
    return dP, -dP


def gather_grad(dY, W):
    dW = np.zeros_like(W)
    np.add.at(dW, LABELS, dY)  # a row used twice collects both gradients
    return (dW,)


def first_max(X):
    """1 at the first largest entry of each row, 0 elsewhere: at a tie
    the whole gradient goes to one winner, the one np.argmax picks."""
    return np.arange(X.shape[1]) == X.argmax(axis=1)[:, None]


# --8<-- [start:rows]
# fmt: off
ROWS = [  # scalars: z = f(a, b) or f(x); dz/dinput in tex_grads
    Row("add", "z = a + b", ("1", "1"), "a b",
        lambda a, b: a + b, lambda d, a, b: (d, d)),
    Row("subtract", "z = a - b", ("1", "-1"), "a b",
        lambda a, b: a - b, lambda d, a, b: (d, -d)),
    Row("multiply", "z = a\\,b", ("b", "a"), "a b",
        lambda a, b: a * b, lambda d, a, b: (d * b, d * a)),
    Row("divide", "z = a / b", ("1/b", "-a/b^2"), "a b",
        lambda a, b: a / b, lambda d, a, b: (d / b, -d * a / b**2)),
    Row("power", "z = x^p; p\\ \\text{constant}", ("p\\,x^{p-1}",),
        "x>0", lambda x: x**POWER,
        lambda d, x: (d * POWER * x ** (POWER - 1),)),
    Row("exp", "z = e^x", ("e^x = z",), "x",
        np.exp, lambda d, x: (d * np.exp(x),)),
    Row("log", "z = \\ln x", ("1/x",), "x>0",
        np.log, lambda d, x: (d / x,)),
    Row("tanh", "z = \\tanh x", ("1 - z^2",), "x",
        np.tanh, lambda d, x: (d * (1 - np.tanh(x) ** 2),)),
    Row("sigmoid", "z = \\sigma(x); \\sigma(x) = 1/(1 + e^{-x})",
        ("z\\,(1 - z)",), "x", sigmoid,
        lambda d, x: (d * sigmoid(x) * (1 - sigmoid(x)),)),
    Row("softplus", "z = \\ln(1 + e^x)", ("\\sigma(x)",), "x",
        lambda x: np.logaddexp(0, x), lambda d, x: (d * sigmoid(x),)),
    Row("ReLU", "z = \\max(0, x)", ("[x > 0]",), "x",
        lambda x: np.maximum(0, x), lambda d, x: (d * (x > 0),)),
    Row("leaky ReLU", "z = \\max(\\alpha x, x); 0 < \\alpha < 1",
        ("[x > 0] + \\alpha\\,[x \\le 0]",), "x",
        lambda x: np.maximum(ALPHA * x, x),
        lambda d, x: (np.where(x > 0, d, ALPHA * d),)),  # keeps d's dtype
    Row("max", "z = \\max(a, b)", ("[a \\ge b]", "[a < b]"), "a b",
        np.maximum, lambda d, a, b: (d * (a >= b), d * (a < b))),
    Row("abs", "z = \\lvert x \\rvert", ("\\operatorname{sign} x",), "x",
        np.abs, lambda d, x: (d * np.sign(x),)),
    # arrays: rows are examples; the gradient of X is named dX
    Row("affine (linear)", "Y = XW + b",
        ("dY\\,W^\\top", "X^\\top dY", "\\textstyle\\sum_n dY_{n,:}"),
        "X:N×D W:D×M b:M → Y:N×M", affine, affine_grads),
    Row("matmul", "Y = AB", ("dY\\,B^\\top", "A^\\top dY"),
        "A:N×D B:D×M → Y:N×M",
        lambda A, B: A @ B, lambda d, A, B: (d @ B.T, A.T @ d)),
    Row("broadcast add", "Y = X + b\\ \\text{(every row)}",
        ("dY", "\\textstyle\\sum_n dY_{n,:}"), "X:N×D b:D → Y:N×D",
        lambda X, b: X + b, lambda d, X, b: (d, d.sum(axis=0))),
    Row("elementwise product", "Y = A \\odot B",
        ("dY \\odot B", "dY \\odot A"), "A:N×D B:N×D → Y:N×D",
        lambda A, B: A * B, lambda d, A, B: (d * B, d * A)),
    Row("ReLU", "Y = \\max(0, X)", ("dY \\odot [X > 0]",),
        "X:N×D → Y:N×D", lambda X: layers.relu_forward(X)[0],
        lambda d, X: (layers.relu_backward(d, X),)),
    Row("sigmoid", "Y = \\sigma(X)", ("dY \\odot Y \\odot (1 - Y)",),
        "X:N×D → Y:N×D", sigmoid,
        lambda d, X: (layers.sigmoid_backward(d, sigmoid(X)),)),
    Row("tanh", "Y = \\tanh X", ("dY \\odot (1 - Y \\odot Y)",),
        "X:N×D → Y:N×D", np.tanh,
        lambda d, X: (layers.tanh_backward(d, np.tanh(X)),)),
    Row("softmax (each row)", "Y_{n,:} = \\operatorname{softmax}(X_{n,:})",
        ("Y \\odot (dY - (dY \\odot Y)\\,\\mathbf{1}\\mathbf{1}^\\top)",),
        "X:N×D → Y:N×D", softmax, softmax_grad),
    Row("softmax + cross-entropy",
        "L = -\\tfrac{1}{N}\\sum_n \\ln P_{n,y_n}; P = \\operatorname"
        "{softmax}(S)", ("(P - \\operatorname{onehot}(y))/N",),
        "S:N×C → L", cross_entropy, cross_entropy_grad),
    Row("mean squared error", "L = \\tfrac{1}{2N}\\sum_{n,m} (P - T)^2",
        ("(P - T)/N", "-(P - T)/N"), "P:N×M T:N×M → L",
        lambda P, T: layers.mse_loss(P, T)[0], mse_grads),
    Row("sum of all", "s = \\sum_{n,d} X_{nd}", ("ds\\,\\mathbf{1}"
        "\\mathbf{1}^\\top",), "X:N×D → s",
        np.sum, lambda d, X: (np.full_like(X, d),)),
    Row("sum of each row", "y = X\\mathbf{1}; y_n = \\sum_d X_{nd}",
        ("dy\\,\\mathbf{1}^\\top",), "X:N×D → y:N",
        lambda X: X.sum(axis=1), lambda d, X: (d[:, None] + 0 * X,)),
    Row("mean over the batch", "y = \\tfrac{1}{N}\\sum_n X_{n,:}",
        ("\\tfrac{1}{N}\\mathbf{1}\\,dy^\\top",), "X:N×D → y:D",
        lambda X: X.mean(axis=0), lambda d, X: (d / len(X) + 0 * X,)),
    Row("max of each row", "y_n = \\max_d X_{nd}",
        ("dX_{nd} = dy_n\\,[d = \\operatorname{argmax}_j X_{nj}]",),
        "X:N×D → y:N", lambda X: X.max(axis=1),
        lambda d, X: (d[:, None] * first_max(X),)),
    Row("transpose", "Y = X^\\top", ("dY^\\top",), "X:N×D → Y:D×N",
        lambda X: X.T.copy(), lambda d, X: (d.T,)),  # copies, not views
    Row("reshape", "Y = \\operatorname{reshape}(X)",
        ("\\operatorname{reshape}(dY)\\ \\text{back to}\\ N{\\times}D",),
        "X:N×D → Y:D×N", lambda X: X.reshape(X.shape[::-1]).copy(),
        lambda d, X: (d.reshape(X.shape),)),
    Row("gather (embedding)", "Y_{n,:} = W_{y_n,:}",
        ("dW_{c,:} = \\textstyle\\sum_{n:\\,y_n = c} dY_{n,:}",),
        "W:C×D → Y:N×D", lambda W: W[LABELS], gather_grad),
]
# fmt: on
# --8<-- [end:rows]


def parse(row):
    """[(name, dims, positive)] for the inputs, and (name, dims) for the
    output, None in a scalar row; dims is like "N×D", "" for a number."""
    ins, _, out = row.inputs.partition("→")
    inputs = []
    for token in ins.split():
        name, _, dims = token.partition(":")
        inputs.append((name.removesuffix(">0"), dims, name.endswith(">0")))
    return inputs, tuple(out.strip().partition(":")[::2]) if out else None


def shape(dims):
    return tuple(SIZES[k] for k in dims.split("×")) if dims else ()


def sample(row, rng, scalars=6):
    """Random inputs, magnitudes in [0.5, 2]: away from kinks and poles."""
    arrays = []
    for _, dims, positive in parse(row)[0]:
        size = shape(dims) or (scalars,)  # scalar rows: several at once
        x = rng.uniform(0.5, 2.0, size)
        arrays.append(x if positive else x * rng.choice([-1.0, 1.0], size))
    return arrays


# --- Part 5: the layers of modern networks (layers5.py) ----------------
# Sizes of their own: an image side H, a kernel side K, the outputs of a
# convolution (H' = H - K + 1) and of a 2 x 2 max pool (H/2); F filters
# (channels out; C, channels in, reuses the size of C); a length T, a
# key width d and a value width d_v, as on the attention page.
SIZES |= {"H": 6, "K": 3, "H'": 4, "H/2": 3, "F": 2, "T": 7, "d": 3,
          "d_v": 2}  # fmt: skip


def _pair(forward, backward):
    """A row's two functions from a layers5 pair (default settings)."""

    def out(*inputs):
        return forward(*inputs)[0]

    def grads(dout, *inputs):
        g = backward(dout, forward(*inputs)[1])
        return g if isinstance(g, tuple) else (g,)

    return out, grads


NORM_DX = (
    "dX = \\tfrac{1}{\\sigma}\\big(d\\hat X - \\operatorname{mean}_{%s}"
    "d\\hat X - \\hat X \\odot \\operatorname{mean}_{%s}(d\\hat X "
    "\\odot \\hat X)\\big),\\ d\\hat X = dY \\odot \\gamma"
)
# fmt: off
ROWS += [
    Row("batch norm", "\\hat X = (X - \\mu)/\\sigma; \\mu, v\\ "
        "\\text{: each column's mean, variance}; \\sigma = \\sqrt{v + "
        "\\varepsilon}; Y = \\gamma \\odot \\hat X + \\beta",
        (NORM_DX % ("n", "n"), "\\textstyle\\sum_n dY \\odot \\hat X",
         "\\textstyle\\sum_n dY_{n,:}"),
        "X:N×D \\gamma:D \\beta:D → Y:N×D",
        *_pair(layers5.batchnorm_forward, layers5.batchnorm_backward)),
    Row("layer norm", "\\hat X = (X - \\mu)/\\sigma; \\mu, v\\ "
        "\\text{: each row's mean, variance}; \\sigma = \\sqrt{v + "
        "\\varepsilon}; Y = \\gamma \\odot \\hat X + \\beta",
        (NORM_DX % ("d", "d"), "\\textstyle\\sum_n dY \\odot \\hat X",
         "\\textstyle\\sum_n dY_{n,:}"),
        "X:N×D \\gamma:D \\beta:D → Y:N×D",
        *_pair(layers5.layernorm_forward, layers5.layernorm_backward)),
    Row("2-D convolution", "Y_{n,f} = b_f + \\textstyle\\sum_c X_{n,c} "
        "\\star W_{f,c}; \\star\\text{: slide and dot (cross-correlation)}",
        ("dX_{n,c} = \\textstyle\\sum_f \\operatorname{full}(dY_{n,f} "
         "\\star \\operatorname{rot}_{180} W_{f,c})",
         "dW_{f,c} = \\textstyle\\sum_n X_{n,c} \\star dY_{n,f}",
         "db_f = \\textstyle\\sum_{n,i,j} dY_{n,f,i,j}"),
        "X:N×C×H×H W:F×C×K×K b:F → Y:N×F×H'×H'",
        *_pair(layers5.conv2d_forward, layers5.conv2d_backward)),
    Row("max pool 2×2", "Y_{n,c,i,j} = \\max X_{n,c,\\,2i:2i+2,\\,2j:2j+2}",
        ("dX = dY\\ \\text{at each window's max, 0 elsewhere}",),
        "X:N×C×H×H → Y:N×C×H/2×H/2",
        *_pair(layers5.maxpool_forward, layers5.maxpool_backward)),
    Row("attention", "S = QK^\\top/\\sqrt{d}; P = \\operatorname{softmax}"
        "(S)\\ \\text{(each row)}; Y = PV",
        ("dS\\,K/\\sqrt{d},\\ dS = P \\odot (dP - (dP \\odot P)\\,"
         "\\mathbf{1}\\mathbf{1}^\\top),\\ dP = dY\\,V^\\top",
         "dS^\\top Q/\\sqrt{d}", "P^\\top dY"),
        "Q:N×T×d K:N×T×d V:N×T×d_v → Y:N×T×d_v",
        *_pair(layers5.attention_forward, layers5.attention_backward)),
]
# fmt: on


for _row in ROWS:  # one local gradient in TeX per input
    assert len(_row.tex_grads) == len(parse(_row)[0]), _row.name
