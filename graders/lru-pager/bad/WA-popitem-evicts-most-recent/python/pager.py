"""Known bad: popitem() without last=False pops the most recently used page, not the least."""
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
        victim, dirty = resident.popitem()
        resident[page] = is_write
        return False, victim, dirty
