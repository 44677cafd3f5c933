"""Known bad: dirty pages live in a set that eviction does not clear, so a page written once is
written back on every later eviction, even after it was reloaded clean."""
from collections import OrderedDict


class Pager:
    def __init__(self, frames: int):
        self.frames = frames
        self.resident: OrderedDict[int, None] = OrderedDict()
        self.dirty: set[int] = set()

    def access(self, page: int, is_write: bool) -> tuple[bool, int | None, bool]:
        if is_write:
            self.dirty.add(page)
        if page in self.resident:
            self.resident.move_to_end(page)
            return True, None, False
        evicted = None
        if len(self.resident) == self.frames:
            evicted, _ = self.resident.popitem(last=False)
        self.resident[page] = None
        return False, evicted, evicted in self.dirty
