"""Why input scale matters: a weight's gradient is proportional to its
input, so inputs in the hundreds give gradients in the hundreds."""

w, dout, lr = 0.5, 1.0, 0.1  # out = w·x; upstream dout = 1; learning rate
print("      x   dw = x·dout   dx = w·dout   step on w, -lr·dw")
dws, dxs = [], []
for x in [0.5, 5.0, 500.0]:
    dw = x * dout  # multiply swaps: the weight's gradient is its input
    dx = w * dout  # ...and the input's gradient is the weight
    print(f"{x:7.1f}   {dw:11.1f}   {dx:11.1f}   {-lr * dw:17.2f}")
    dws.append(dw)
    dxs.append(dx)

assert dws[2] / dws[0] == 1000  # 1000x the input, 1000x the gradient
assert dxs == [w, w, w]  # the input's own gradient does not care
