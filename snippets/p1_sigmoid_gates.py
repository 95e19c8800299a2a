"""σ(z) as four primitive gates, or as one gate with σ' = σ(1 − σ)."""

import math

z = 0.45  # the neuron's net input from above
# forward through primitive gates
neg = -z  # negate
e = math.exp(neg)  # exp
den = 1 + e  # add 1
f = 1 / den  # reciprocal

# backward, one primitive gate at a time (each local rule in its comment)
df = 1.0
dden = -1 / den**2 * df  # 1/den: local derivative -1/den²
de = 1.0 * dden  # 1 + e: local derivative 1
dneg = math.exp(neg) * de  # exp(neg): local derivative exp(neg)
dz_gates = -1.0 * dneg  # -z: local derivative -1

dz_grouped = f * (1 - f) * df  # the same, as one gate: σ(1 − σ)
print(f"four gates: dz = {dz_gates:.12f}")
print(f"one gate:   dz = {dz_grouped:.12f}")
assert abs(dz_gates - dz_grouped) < 1e-15
