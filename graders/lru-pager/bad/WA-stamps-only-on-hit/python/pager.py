"""Known bad: the last-use time is set on hits only; a page just loaded keeps time 0, so pages that
were never hit tie as "least recently used" and one that was hit long ago is wrongly kept."""


class Pager:
    def __init__(self, frames: int):
        self.frames = frames
        self.clock = 0
        self.last_use: dict[int, int] = {}
        self.dirty: dict[int, bool] = {}

    def access(self, page: int, is_write: bool) -> tuple[bool, int | None, bool]:
        self.clock += 1
        if page in self.last_use:
            self.last_use[page] = self.clock
            self.dirty[page] = self.dirty[page] or is_write
            return True, None, False
        evicted, dirty = None, False
        if len(self.last_use) == self.frames:
            evicted = min(self.last_use, key=self.last_use.__getitem__)
            dirty = self.dirty.pop(evicted)
            del self.last_use[evicted]
        self.last_use[page] = 0
        self.dirty[page] = is_write
        return False, evicted, dirty
