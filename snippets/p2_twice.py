"""What backward() does when called twice: inputs accumulate."""

from engine import Value

w, x = Value(0.5, label="w"), Value(2.0, label="x")
h = (w * x).tanh()  # an inner node
loss = h * h

loss.backward()
print(f"after 1 call:     w.grad = {w.grad:.4f}, h.grad = {h.grad:.4f}")
first = (w.grad, h.grad)
loss.backward()
print(f"after 2 calls:    w.grad = {w.grad:.4f}, h.grad = {h.grad:.4f}")
second = (w.grad, h.grad)
loss.zero_grad()
loss.backward()
print(f"zero_grad + call: w.grad = {w.grad:.4f}, h.grad = {h.grad:.4f}")

assert second[0] == 2 * first[0]  # an input: gradients add up
assert second[1] == first[1]  # an inner node: this call's value
assert (w.grad, h.grad) == first  # zero_grad() starts afresh
