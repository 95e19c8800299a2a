"""Nudge the input, watch the output: the derivative as a sensitivity."""


def f(x):
    return x**3 - 2 * x


x = 1.5
exact = 3 * x**2 - 2  # f'(x) by the power rule, for comparison
print(f"f({x}) = {f(x):.6f}")
print("   nudge h   f(x + h)    change    change / h")
for h in [0.1, 0.01, 0.001, 0.0001]:
    change = f(x + h) - f(x)
    print(f"{h:10.4f}  {f(x + h):9.6f}  {change:9.6f}  {change / h:10.6f}")
print(f"exact slope f'(x) = 3x² - 2 = {exact}")

# the ratio approaches 4.75; each smaller nudge gets 10x closer
ratios = [(f(x + h) - f(x)) / h for h in [0.1, 0.01, 0.001, 0.0001]]
errors = [r - exact for r in ratios]
assert exact == 4.75
assert all(8 < a / b < 12 for a, b in zip(errors, errors[1:]))
