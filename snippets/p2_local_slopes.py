"""Every operation's recorded local derivative, against a nudge."""

from engine import Value

ops = {
    "x + 1.5": lambda x: x + 1.5,
    "x - 1.5": lambda x: x - 1.5,
    "1.5 * x": lambda x: 1.5 * x,
    "1.5 / x": lambda x: 1.5 / x,
    "-x": lambda x: -x,
    "x ** 3": lambda x: x**3,
    "x ** 0.5": lambda x: x**0.5,
    "x.exp()": lambda x: x.exp(),
    "x.log()": lambda x: x.log(),
    "x.tanh()": lambda x: x.tanh(),
    "x.sigmoid()": lambda x: x.sigmoid(),
    "x.relu()": lambda x: x.relu(),
}

x0, h = 0.7, 1e-6
print(f"{'y at x = 0.7':<13}{'y':>8}{'dy/dx':>9}{'nudge':>9}")
worst = 0.0
for name, f in ops.items():
    x = Value(x0)
    y = f(x)
    y.backward()  # one step back: x.grad is the recorded local slope
    up, down = f(Value(x0 + h)).data, f(Value(x0 - h)).data
    nudge = (up - down) / (2 * h)  # central difference, forward only
    worst = max(worst, abs(x.grad - nudge))
    print(f"{name:<13}{y.data:>8.4f}{x.grad:>9.4f}{nudge:>9.4f}")
print(f"largest difference: {worst:.1e}")

assert worst < 1e-8  # every local derivative agrees with its nudge
