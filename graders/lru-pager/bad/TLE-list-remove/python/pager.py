"""Known bad: right answers, but the recency order is a list, and list.remove and `in` scan it:
O(frames) per access."""


class Pager:
    def __init__(self, frames: int):
        self.frames = frames
        self.order: list[int] = []  # least recently used first
        self.dirty: dict[int, bool] = {}

    def access(self, page: int, is_write: bool) -> tuple[bool, int | None, bool]:
        if page in self.order:
            self.order.remove(page)
            self.order.append(page)
            self.dirty[page] = self.dirty[page] or is_write
            return True, None, False
        evicted, dirty = None, False
        if len(self.order) == self.frames:
            evicted = self.order.pop(0)
            dirty = self.dirty.pop(evicted)
        self.order.append(page)
        self.dirty[page] = is_write
        return False, evicted, dirty
