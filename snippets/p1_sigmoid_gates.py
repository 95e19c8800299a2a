"""σ(z) as four primitive gates, or as one gate with σ' = σ(1 − σ)."""

import math

z = 0.45  # the neuron's net input from above
# forward through primitive gates
n = -z  # negate
e = math.exp(n)  # exp
d = 1 + e  # add 1
f = 1 / d  # reciprocal

# backward, one primitive gate at a time (each local rule in its comment)
df = 1.0
dd = -1 / d**2 * df  # d(1/d)/dd = -1/d²
de = 1.0 * dd  # d(1 + e)/de = 1
dn = math.exp(n) * de  # d(exp n)/dn = exp(n)
dz_gates = -1.0 * dn  # d(-z)/dz = -1

dz_grouped = f * (1 - f) * df  # the same, as one gate: σ(1 − σ)
print(f"four gates: dz = {dz_gates:.12f}")
print(f"one gate:   dz = {dz_grouped:.12f}")
assert abs(dz_gates - dz_grouped) < 1e-15
