def serialize(root):
    # heap-indexed array: slot i has children 2i+1 and 2i+2, so a chain of depth d needs 2^d slots
    slots = {}
    stack = [(root, 0)]
    while stack:
        node, i = stack.pop()
        if node is not None:
            slots[i] = node.val
            stack.append((node.left, 2 * i + 1))
            stack.append((node.right, 2 * i + 2))
    if not slots:
        return ""
    return ",".join(str(slots[i]) if i in slots else "#" for i in range(max(slots) + 1))


def deserialize(data):
    if not data:
        return None
    tokens = data.split(",")
    nodes = [None if t == "#" else TreeNode(int(t)) for t in tokens]
    for i, node in enumerate(nodes):
        if node is not None:
            if 2 * i + 1 < len(nodes):
                node.left = nodes[2 * i + 1]
            if 2 * i + 2 < len(nodes):
                node.right = nodes[2 * i + 2]
    return nodes[0]


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
