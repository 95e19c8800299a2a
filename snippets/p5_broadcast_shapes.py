"""Every broadcast in one table: forward shapes, the axes the backward
pass sums over, and each gradient against central differences."""

import numpy as np
from gradcheck import numeric_grad, rel_error
from layers5 import unbroadcast
from show import table

rng = np.random.default_rng(0)
CASES = [  # operation, shape of a, shape of b
    ("x + b, a bias", (3, 4), (4,)),
    ("x * s, one scale", (3, 4), ()),
    ("x * g, a scale per row", (3, 4), (3, 1)),
    ("x + b on a sequence", (2, 3, 4), (4,)),
    ("u + v, an outer sum", (3, 1), (1, 4)),
]


def summed(grad_shape, shape):
    """The axes of the output that unbroadcast sums to reach `shape`."""
    lead = len(grad_shape) - len(shape)
    ones = [lead + i for i, s in enumerate(shape)
            if s == 1 < grad_shape[lead + i]]  # fmt: skip
    axes = [*range(lead), *ones]
    return ", ".join(map(str, axes)) if axes else "none"


rows, worst = [], 0.0
for name, sa, sb in CASES:
    a, b = rng.standard_normal(sa), rng.standard_normal(sb)
    mul = "*" in name
    f = (lambda a=a, b=b: a * b) if mul else (lambda a=a, b=b: a + b)
    dout = rng.standard_normal(f().shape)
    # mul swaps, add passes: the local gradient, then sum back to shape
    da = unbroadcast(dout * b if mul else dout, a.shape)
    db = unbroadcast(dout * a if mul else dout, b.shape)
    errs = [rel_error(g, numeric_grad(f, v, dout))
            for g, v in ((da, a), (db, b))]  # fmt: skip
    worst = max(worst, *errs)
    if mul and b.ndim == 0:  # a scale: ds sums dout * x, not dout
        assert np.isclose(db, (dout * a).sum())
        assert not np.isclose(db, dout.sum())
    rows.append((name, str(sa), str(sb), str(f().shape),
                 summed(f().shape, sb), f"{max(errs):.0e}"))  # fmt: skip
print(table(["operation", "a", "b", "out", "db sums axes", "error"], rows))

assert worst < 1e-9  # every gradient agrees with central differences
