def serialize(root):
    def enc(node):  # recursive preorder: one frame per level, a 100k-deep chain overflows
        if node is None:
            return ["#"]
        return [str(node.val)] + enc(node.left) + enc(node.right)

    return ",".join(enc(root))


def deserialize(data):
    tokens = iter(data.split(","))

    def dec():
        t = next(tokens)
        if t == "#":
            return None
        node = TreeNode(int(t))
        node.left = dec()
        node.right = dec()
        return node

    return dec()


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def build(level):
    """The tree described by a level-order list with None for missing children."""
    if not level:
        return None
    root = TreeNode(level[0])
    queue, i = [root], 1
    for node in queue:
        if i >= len(level):
            break
        if level[i] is not None:
            node.left = TreeNode(level[i])
            queue.append(node.left)
        i += 1
        if i < len(level) and level[i] is not None:
            node.right = TreeNode(level[i])
            queue.append(node.right)
        i += 1
    return root


def to_level_order(root):
    """The level-order list of a tree, None for missing children, no trailing Nones."""
    out, queue = [], [root]
    for node in queue:
        if node is None:
            out.append(None)
        else:
            out.append(node.val)
            queue.append(node.left)
            queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


def roundtrip(level):
    data = serialize(build(level))
    return [data, to_level_order(deserialize(data))]
