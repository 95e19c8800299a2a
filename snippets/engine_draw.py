"""Draw any Value expression: its graph as nodes and edges for graphs.py.

    trace(root) -> (nodes, edges)     nodes in topological order
    draw(root, title, show="both", id_prefix="g") -> SVG text

Reads only the documented attributes of engine.Value: .parents, .op,
.label, .data and .grad. Unlabelled nodes are named by their place in the
order (v3); constants by their value.
"""

from engine import Value
from graphs import graph_svg

# the engine's op names, shortened to fit the circle a diagram draws
SYMBOL = {"*": "×", "-": "−", "/": "÷", "neg": "−", "sigmoid": "σ"}


# --8<-- [start:trace]
def trace(root):
    order = root.topological_order()  # every node after its parents
    ids = {node: f"v{k}" for k, node in enumerate(order)}
    nodes, edges = [], []
    for node in order:
        if node.label:
            label = node.label
        elif not node.parents:  # an unnamed input is a constant
            label = f"{node.data:g}"
        else:
            label = ids[node]
        op = node.op
        if op.startswith("**"):
            op = "^" + op[2:]
        nodes.append(
            {
                "id": ids[node],
                "label": label,
                "op": SYMBOL.get(op, op),
                "value": node.data,
                "grad": node.grad,
            }
        )
        for parent in node.parents:  # x*x: two wires, one per use
            edges.append((ids[parent], ids[node]))
    return nodes, edges


# --8<-- [end:trace]
# --8<-- [start:draw]
def draw(root, title, show="both", id_prefix="g"):
    nodes, edges = trace(root)  # graphs.py lays them out and draws them
    return graph_svg(nodes, edges, title, show=show, id_prefix=id_prefix)


# --8<-- [end:draw]


x = Value(3.0, label="x")
y = (x * x + 1).tanh()
nodes, edges = trace(y)
assert [n["label"] for n in nodes] == ["x", "v1", "1", "v3", "v4"]
x_twice = [("v0", "v1")] * 2  # x * x: x feeds v1 twice
assert edges == x_twice + [("v1", "v3"), ("v2", "v3"), ("v3", "v4")]
assert draw(y, "test").startswith("<svg")
