"""Expected AC: LRU as the textbook (and many interview answers) write it without OrderedDict: a dict
from page to node, and a doubly linked list of node objects between two sentinels, most recently used
at the head. O(1) per access, slower than the reference's OrderedDict by a constant factor the
performance check must allow."""


class Node:
    def __init__(self, page=None, dirty=False):
        self.page = page
        self.dirty = dirty
        self.prev = None
        self.next = None


class Pager:
    def __init__(self, frames: int):
        self.frames = frames
        self.nodes = {}
        self.head = Node()
        self.tail = Node()
        self.head.next = self.tail
        self.tail.prev = self.head

    def _remove(self, node):
        node.prev.next = node.next
        node.next.prev = node.prev

    def _add_front(self, node):
        node.prev = self.head
        node.next = self.head.next
        self.head.next.prev = node
        self.head.next = node

    def access(self, page: int, is_write: bool) -> tuple[bool, int | None, bool]:
        node = self.nodes.get(page)
        if node is not None:
            self._remove(node)
            self._add_front(node)
            if is_write:
                node.dirty = True
            return True, None, False
        evicted, dirty = None, False
        if len(self.nodes) == self.frames:
            victim = self.tail.prev
            self._remove(victim)
            del self.nodes[victim.page]
            evicted, dirty = victim.page, victim.dirty
        node = Node(page, is_write)
        self.nodes[page] = node
        self._add_front(node)
        return False, evicted, dirty
