"""Known bad: right answers, and it looks O(1): a dict keeps insertion order, so pop and re-insert
on a hit, and evict next(iter(...)). But deleted entries stay as holes at the front of the dict's
entry array until it is rebuilt, and next(iter(...)) walks past all of them: O(frames) per eviction."""


class Pager:
    def __init__(self, frames: int):
        self.frames = frames
        self.resident: dict[int, bool] = {}  # page -> dirty, least recently used first

    def access(self, page: int, is_write: bool) -> tuple[bool, int | None, bool]:
        resident = self.resident
        dirty = resident.pop(page, None)
        if dirty is not None:
            resident[page] = dirty or is_write
            return True, None, False
        evicted, dirty = None, False
        if len(resident) == self.frames:
            evicted = next(iter(resident))
            dirty = resident.pop(evicted)
        resident[page] = is_write
        return False, evicted, dirty
