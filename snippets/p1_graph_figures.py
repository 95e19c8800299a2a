"""The graph of f = (x + y)·(y·z), drawn three times, and its table."""

# --8<-- [start:structure]
from graphs import graph_svg
from p1_graph import edges, f, nodes, x, y, z
from show import figure, table

title = f"f = (x + y)·(y·z) at x = {x}, y = {y}, z = {z}"
print(figure(graph_svg(nodes, edges, title + ": the graph", "none",
                       "cg-none")))  # fmt: skip
# --8<-- [end:structure]
# --8<-- [start:forward]
print(figure(graph_svg(nodes, edges, title + ": forward, values", "value",
                       "cg-value")))  # fmt: skip
# --8<-- [end:forward]
# --8<-- [start:backward]
print(figure(graph_svg(nodes, edges, title + ": backward, gradients",
                       "both", "cg-both")))  # fmt: skip
# --8<-- [end:backward]


# --8<-- [start:table]
def fn(x, y, z):
    return (x + y) * (y * z)


h, inputs = 1e-6, {"x": x, "y": y, "z": z}
rows = []
for n in nodes:
    numeric = "—"
    if n["id"] in inputs:  # nudge one input both ways, rerun fn
        up = dict(inputs, **{n["id"]: inputs[n["id"]] + h})
        down = dict(inputs, **{n["id"]: inputs[n["id"]] - h})
        numeric = f"{(fn(**up) - fn(**down)) / (2 * h):+.6f}"
    rows.append(
        (
            n["label"],
            n["op"] or "input",
            f"{n['value']:+.4f}",
            f"{n['grad']:+.4f}",
            numeric,
        )
    )
print(table(["node", "op", "value", "∂f/∂node", "central difference"], rows))
# --8<-- [end:table]

assert fn(x, y, z) == f
for n in nodes:
    if n["id"] in inputs:
        up = dict(inputs, **{n["id"]: inputs[n["id"]] + h})
        down = dict(inputs, **{n["id"]: inputs[n["id"]] - h})
        assert abs((fn(**up) - fn(**down)) / (2 * h) - n["grad"]) < 1e-6
