"""What the Jacobian of one large linear layer would take in memory, and
what the vector-Jacobian product that backprop computes takes instead."""

N, D, M = 64, 4096, 4096  # batch, inputs, outputs: Y = X W, float32
BYTES = 4  # one float32


def size(n):
    """Bytes as text: the largest binary unit that keeps a number >= 1."""
    units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    k = 0
    while n >= 1024 and k < len(units) - 1:
        n, k = n / 1024, k + 1
    return f"{n:,.0f} {units[k]}"


J_x = (N * M) * (N * D) * BYTES  # dY/dX: one row per entry of Y
J_w = (N * M) * (D * M) * BYTES  # dY/dW: one column per weight
vjp = N * D * BYTES + D * M * BYTES  # dX and dW: shaped like X and W
print(f"Jacobian dY/dX:  {N * M:,} x {N * D:,} = {size(J_x)}")
print(f"Jacobian dY/dW:  {N * M:,} x {D * M:,} = {size(J_w)}")
print(f"what backprop keeps instead, dX and dW: {size(vjp)}")
print(f"dX = dout @ W.T: {N * D * M / 1e9:.2f} G multiply-adds, "
      f"the same as the forward pass")  # fmt: skip

assert J_x == 256 * 2**30 and J_w == 16 * 2**40  # 256 GiB, 16 TiB
assert vjp == 65 * 2**20  # 1 MiB of dX and 64 MiB of dW
