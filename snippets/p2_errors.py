"""Bad input fails loudly, with a message that says what went wrong."""

from engine import Value

attempts = {
    'Value("3")': lambda: Value("3"),
    'Value(float("nan"))': lambda: Value(float("nan")),
    'Value(2) + "a"': lambda: Value(2) + "a",
    "Value(2) ** Value(3)": lambda: Value(2) ** Value(3),
    "Value(-1).log()": lambda: Value(-1).log(),
    "Value(-8) ** (1 / 3)": lambda: Value(-8) ** (1 / 3),
    "Value(1e200) * 1e200": lambda: Value(1e200) * 1e200,
}
errors = {}
for code, attempt in attempts.items():
    try:
        attempt()
    except (TypeError, ValueError) as e:
        errors[code] = type(e).__name__
        print(f"{code}\n    {type(e).__name__}: {e}")

assert len(errors) == len(attempts)  # every one of them raised
assert errors['Value("3")'] == "TypeError"
assert errors["Value(-1).log()"] == "ValueError"
