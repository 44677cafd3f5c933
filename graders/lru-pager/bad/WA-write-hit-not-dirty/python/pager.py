"""Known bad: only a page loaded by a write is dirty; writing a page that is already resident is forgotten."""
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
            return HIT
        if len(resident) < self.frames:
            resident[page] = is_write
            return LOADED
        victim, dirty = resident.popitem(last=False)
        resident[page] = is_write
        return False, victim, dirty
