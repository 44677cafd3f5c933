"""Known bad: FIFO, not LRU: a hit does not make the page the most recently used."""
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
            if is_write:
                resident[page] = True
            return HIT
        if len(resident) < self.frames:
            resident[page] = is_write
            return LOADED
        victim, dirty = resident.popitem(last=False)
        resident[page] = is_write
        return False, victim, dirty
