"""LRU in O(1) per access: an OrderedDict keeps resident pages in recency order (oldest first)
with their dirty bits; move_to_end and popitem(last=False) are O(1)."""
from collections import OrderedDict

HIT = (True, None, False)
LOADED = (False, None, False)


class Pager:
    def __init__(self, frames: int):
        self.frames = frames
        self.resident: OrderedDict[int, bool] = OrderedDict()

    def access(self, page: int, is_write: bool) -> tuple[bool, int | None, bool]:
        resident = self.resident
        if page in resident:
            resident.move_to_end(page)
            if is_write:
                resident[page] = True
            return HIT
        if len(resident) < self.frames:
            resident[page] = is_write
            return LOADED
        victim, dirty = resident.popitem(last=False)
        resident[page] = is_write
        return False, victim, dirty
