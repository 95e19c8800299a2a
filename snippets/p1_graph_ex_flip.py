"""Exercise: flip the sign of z; which input gradients flip?"""


def grads(x, y, z):  # by hand, from the graph of f = (x + y)·(y·z)
    q, r = x + y, y * z
    dq, dr = r, q
    return {"x": dq, "y": dq + z * dr, "z": y * dr}


def numeric(x, y, z, h=1e-6):
    f = lambda x, y, z: (x + y) * (y * z)  # noqa: E731
    return {
        "x": (f(x + h, y, z) - f(x - h, y, z)) / (2 * h),
        "y": (f(x, y + h, z) - f(x, y - h, z)) / (2 * h),
        "z": (f(x, y, z + h) - f(x, y, z - h)) / (2 * h),
    }


for z in (3.0, -3.0):
    g, n = grads(1.5, -2.0, z), numeric(1.5, -2.0, z)
    print(f"z = {z:+}:  " + "  ".join(f"∂f/∂{k} = {g[k]:+.2f}" for k in g))
    assert all(abs(g[k] - n[k]) < 1e-6 for k in g)
a, b = grads(1.5, -2.0, 3.0), grads(1.5, -2.0, -3.0)
assert b["x"] == -a["x"] and b["y"] == -a["y"] and b["z"] == a["z"] == 1
