import math


class Value:
    """A scalar that remembers how it was computed, so gradients can flow back through it.

    Attributes: `data` (float, the value), `grad` (float, d output / d this node after
    `backward()`, 0.0 before). Operands may be Values or plain int/float constants.
    """

    def __init__(self, data, _parents=(), _op=""):
        self.data = float(data)
        self.grad = 0.0
        self._parents = _parents
        self._op = _op
        self._backward = lambda: None

    # Level 1 --------------------------------------------------------------
    def __add__(self, other):
        raise NotImplementedError

    def __mul__(self, other):
        raise NotImplementedError

    def __pow__(self, k):
        """k is an int or float constant, never a Value."""
        raise NotImplementedError

    def __neg__(self):
        raise NotImplementedError

    def __sub__(self, other):
        raise NotImplementedError

    def __radd__(self, other):  # 2 + v
        raise NotImplementedError

    def __rmul__(self, other):  # 2 * v
        raise NotImplementedError

    def __rsub__(self, other):  # 2 - v
        raise NotImplementedError

    def backward(self):
        """Set self.grad = 1 and fill .grad of every node this one depends on."""
        raise NotImplementedError

    # Level 2 --------------------------------------------------------------
    def __truediv__(self, other):
        raise NotImplementedError

    def __rtruediv__(self, other):  # 2 / v
        raise NotImplementedError

    def tanh(self):
        raise NotImplementedError

    def relu(self):
        """Gradient 1 for data > 0, else 0 (0 at exactly 0)."""
        raise NotImplementedError

    def exp(self):
        raise NotImplementedError


def evaluate(program, inputs):
    """Provided: the judge calls this. Builds `program` from Value operations, then back-propagates.

    Returns [output value, d output / d inputs[0], d output / d inputs[1], ...].
    """
    vals = [Value(x) for x in inputs]
    for op, *a in program:
        if op == "add":
            v = vals[a[0]] + vals[a[1]]
        elif op == "sub":
            v = vals[a[0]] - vals[a[1]]
        elif op == "mul":
            v = vals[a[0]] * vals[a[1]]
        elif op == "div":
            v = vals[a[0]] / vals[a[1]]
        elif op == "neg":
            v = -vals[a[0]]
        elif op == "pow":
            v = vals[a[0]] ** a[1]
        elif op == "add_const":
            v = vals[a[0]] + a[1]
        elif op == "const_add":
            v = a[1] + vals[a[0]]
        elif op == "mul_const":
            v = vals[a[0]] * a[1]
        elif op == "const_mul":
            v = a[1] * vals[a[0]]
        elif op == "const_sub":
            v = a[1] - vals[a[0]]
        elif op == "const_div":
            v = a[1] / vals[a[0]]
        elif op == "tanh":
            v = vals[a[0]].tanh()
        elif op == "relu":
            v = vals[a[0]].relu()
        elif op == "exp":
            v = vals[a[0]].exp()
        else:
            raise ValueError(f"unknown op {op}")
        vals.append(v)
    out = vals[-1]
    out.backward()
    return [out.data] + [v.grad for v in vals[: len(inputs)]]
