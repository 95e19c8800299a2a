"""Exercise: visit y too early and its gradient is incomplete."""

from p1_graph import dq, dr, dy, z

partial = 1.0 * dq  # y visited right after q: only the path through q
complete = partial + z * dr  # after r as well: both paths
print(f"dy after q only:    {partial:+.2f}")
print(f"dy after q and r:   {complete:+.2f}  (the hand pass: {dy:+.2f})")
assert partial == -6.0  # incomplete: the path through r is missing
assert complete == dy == -7.5  # both paths: the full gradient
