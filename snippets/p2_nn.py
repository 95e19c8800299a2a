"""A neuron, a layer and an MLP, built from nothing but Value."""

import random

from engine import Value


class Neuron:
    def __init__(self, n_in, rnd, act="tanh"):
        scale = n_in**-0.5  # keeps w.x of order 1 at the start
        self.w = [Value(rnd.gauss(0, scale)) for _ in range(n_in)]
        self.b = Value(0.0)
        self.act = act

    def __call__(self, x):
        z = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)  # w.x + b
        return z.tanh() if self.act == "tanh" else z  # "": linear output

    def parameters(self):
        return [*self.w, self.b]


class Layer:
    def __init__(self, n_in, n_out, rnd, act="tanh"):
        self.neurons = [Neuron(n_in, rnd, act) for _ in range(n_out)]

    def __call__(self, x):
        return [n(x) for n in self.neurons]

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    def __init__(self, sizes, seed=0):
        rnd = random.Random(seed)
        last = len(sizes) - 2  # the output layer is linear: a score
        self.layers = [
            Layer(a, b, rnd, "tanh" if i < last else "")
            for i, (a, b) in enumerate(zip(sizes, sizes[1:]))
        ]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x[0] if len(x) == 1 else x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]
