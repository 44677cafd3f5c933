class Pager:
    """LRU demand paging over `frames` frames, all free at first."""

    def __init__(self, frames: int):
        self.frames = frames
        # TODO: what you need to find a page, and the least recently used one, in O(1).

    def access(self, page: int, is_write: bool) -> tuple[bool, int | None, bool]:
        """One access to `page`; afterwards it is resident and the most recently used.

        Returns (hit, evicted, dirty): hit is True if the page was resident; on a fault, evicted is
        the page evicted to make room (None if a frame was free) and dirty is True if that page was
        written since it was loaded (it needs a write-back).
        """
        # TODO: LRU. For now every access is a fault that finds a free frame.
        return False, None, False
