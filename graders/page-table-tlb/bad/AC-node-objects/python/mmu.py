# LRU by hand: a dict from page to node, the nodes in a doubly linked list between two sentinels
# (most recent after the head). Slower than OrderedDict, O(1) all the same.
class Node:
    __slots__ = ("vpn", "frame", "perms", "prev", "next")

    def __init__(self, vpn=0, frame=0, perms=0):
        self.vpn, self.frame, self.perms = vpn, frame, perms
        self.prev = self.next = None


class MMU:
    def __init__(self, tlb_entries):
        self.capacity = tlb_entries
        self.directory = {}  # directory index -> {table index: (frame, perms)}
        self.nodes = {}
        self.head, self.tail = Node(), Node()
        self.head.next, self.tail.prev = self.tail, self.head

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node):
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node

    def _shoot_down(self, vpn):
        node = self.nodes.pop(vpn, None)
        if node is not None:
            self._unlink(node)

    def map(self, vpn, frame, perms):
        table = self.directory.setdefault(vpn >> 10, {})
        replaced = (vpn & 1023) in table
        table[vpn & 1023] = (frame, perms)
        self._shoot_down(vpn)
        return replaced

    def unmap(self, vpn):
        table = self.directory.get(vpn >> 10)
        if not table or (vpn & 1023) not in table:
            return False
        del table[vpn & 1023]
        if not table:
            del self.directory[vpn >> 10]
        self._shoot_down(vpn)
        return True

    def protect(self, vpn, perms):
        table = self.directory.get(vpn >> 10)
        if not table or (vpn & 1023) not in table:
            return False
        table[vpn & 1023] = (table[vpn & 1023][0], perms)
        self._shoot_down(vpn)
        return True

    def access(self, address, need):
        vpn = address >> 12
        node = self.nodes.get(vpn)
        hit = node is not None
        if hit:
            self._unlink(node)
            self._push_front(node)
        else:
            table = self.directory.get(vpn >> 10)
            entry = table.get(vpn & 1023) if table else None
            if entry is None:
                return False, "not-present", 0
            if len(self.nodes) == self.capacity:
                oldest = self.tail.prev
                self._unlink(oldest)
                del self.nodes[oldest.vpn]
            node = Node(vpn, *entry)
            self.nodes[vpn] = node
            self._push_front(node)
        if node.perms & need:
            return hit, "translated", (node.frame << 12) | (address & 0xFFF)
        return hit, "protection", 0

    def tables(self):
        return len(self.directory)
