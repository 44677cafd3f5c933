class Buddy:
    """One scenario's allocator over a memory of 2 ** max_order pages (max_order 0 .. 24); a block of
    order k is 2 ** k pages starting at a multiple of 2 ** k.

    alloc(order) takes a block of 2 ** order pages (order <= max_order) as the statement's rules
    choose it: its start, or -1 when no free block is large enough. free(start, order) frees a block
    alloc returned, merging it with its buddy while the buddy is free and whole, and returns the
    block it ends as: (merged_start, merged_order). free_blocks() returns or yields every free block
    as an (order, start) pair, in any order.
    """

    # TODO: the exercise. For now memory is handed out from the bottom up and never reused: each
    # allocation gets the next aligned block, and a freed block is only remembered (never merged,
    # never handed out again). Write the free lists, splitting and merging as "The rules" define them.

    def __init__(self, max_order: int) -> None:
        # All memory is one free block of order max_order at page 0.
        self.max_order = max_order
        self.next_free = 0  # pages from here up have never been handed out
        self.freed: list[tuple[int, int]] = []  # (order, start)

    def alloc(self, order: int) -> int:
        size = 1 << order
        start = (self.next_free + size - 1) // size * size
        if start + size > 1 << self.max_order:
            return -1
        # The pages skipped to align the block are remembered as freed, so that none goes missing.
        for page in range(self.next_free, start):
            self.free(page, 0)
        self.next_free = start + size
        return start

    def free(self, start: int, order: int) -> tuple[int, int]:
        self.freed.append((order, start))
        return start, order

    def free_blocks(self):
        yield from self.freed
        # The pages never handed out, as the largest aligned blocks that fit.
        page, end = self.next_free, 1 << self.max_order
        while page < end:
            order = 0
            while order < self.max_order and page % (2 << order) == 0 and page + (2 << order) <= end:
                order += 1
            yield order, page
            page += 1 << order
